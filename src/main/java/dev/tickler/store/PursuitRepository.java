package dev.tickler.store;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/** The latest decision per pursuit, rewritten after every pass. */
public final class PursuitRepository {

    private final Database db;

    public PursuitRepository(Database db) {
        this.db = db;
    }

    /** Each pursuit's last recorded state, by pursuit id: the "from" of the next transition. */
    public java.util.Map<String, String> states(String mailboxId) {
        return db.inTransaction(c -> {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, state FROM pursuit WHERE mailbox_id = ?")) {
                s.setString(1, mailboxId);
                try (java.sql.ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getString(2));
                    }
                }
            }
            return out;
        });
    }

    public void saveAll(List<PursuitRecord> pursuits, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE pursuit SET mailbox_id = ?, proposal_message_id = ?, proposal_at = ?, state = ?, next_action = ?,"
                            + " next_step = ?, next_at = ?, reason = ?, updated_at = ? WHERE id = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO pursuit (mailbox_id, proposal_message_id, proposal_at, state, next_action, next_step,"
                                 + " next_at, reason, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PursuitRecord p : pursuits) {
                    bind(update, p, now);
                    if (update.executeUpdate() == 0) {
                        bind(insert, p, now);
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement s, PursuitRecord p, Instant now) throws java.sql.SQLException {
        s.setString(1, p.mailboxId());
        s.setString(2, p.proposalMessageId());
        s.setLong(3, p.proposalAt().toEpochMilli());
        s.setString(4, p.state());
        s.setString(5, p.nextAction());
        s.setInt(6, p.nextStep());
        if (p.nextAt() == null) {
            s.setNull(7, Types.BIGINT);
        } else {
            s.setLong(7, p.nextAt().toEpochMilli());
        }
        s.setString(8, FactRepository.truncate(p.reason(), 1000));
        s.setLong(9, now.toEpochMilli());
        s.setString(10, p.id());
    }
}
