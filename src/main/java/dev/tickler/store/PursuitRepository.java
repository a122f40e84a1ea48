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

    /** A pursuit's last recorded state, and the cadence policy it was derived under (null when not recorded). */
    public record Recorded(String state, String policy) {
    }

    /** Each pursuit's last recorded state, by pursuit id: the "from" of the next transition. */
    public java.util.Map<String, Recorded> states(String mailboxId) {
        return db.inTransaction(c -> {
            java.util.Map<String, Recorded> out = new java.util.HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, state, policy FROM pursuit WHERE mailbox_id = ?")) {
                s.setString(1, mailboxId);
                try (java.sql.ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), new Recorded(r.getString(2), r.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** Records each pursuit's decision, derived under {@code policy} (how it is described: compared, not parsed). */
    public void saveAll(List<PursuitRecord> pursuits, String policy, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE pursuit SET mailbox_id = ?, proposal_message_id = ?, proposal_at = ?, state = ?, next_action = ?,"
                            + " next_step = ?, next_at = ?, reason = ?, updated_at = ?, policy = ? WHERE id = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO pursuit (mailbox_id, proposal_message_id, proposal_at, state, next_action, next_step,"
                                 + " next_at, reason, updated_at, policy, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PursuitRecord p : pursuits) {
                    bind(update, p, policy, now);
                    if (update.executeUpdate() == 0) {
                        bind(insert, p, policy, now);
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement s, PursuitRecord p, String policy, Instant now) throws java.sql.SQLException {
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
        s.setString(10, FactRepository.truncate(policy, 1000));
        s.setString(11, p.id());
    }
}
