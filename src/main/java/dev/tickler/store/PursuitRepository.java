package dev.tickler.store;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * The latest decision per pursuit. A pass writes the rows whose decision changed, so {@code updated_at} is when it last
 * did; an unchanged mailbox writes nothing (a daemon passes every few minutes: 5,000 pursuits were 5,000 UPDATEs each).
 */
public final class PursuitRepository {

    private final Database db;

    public PursuitRepository(Database db) {
        this.db = db;
    }

    /** A pursuit's last recorded decision, and the cadence policy it was derived under (null when not recorded). */
    public record Recorded(PursuitRecord row, String policy) {

        public String state() {
            return row.state();
        }
    }

    /** Each pursuit's last recorded decision, by pursuit id: the "from" of the next transition. */
    public java.util.Map<String, Recorded> states(String mailboxId) {
        return db.inTransaction(c -> {
            java.util.Map<String, Recorded> out = new java.util.HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, mailbox_id, proposal_message_id, proposal_at, state, next_action,"
                    + " next_step, next_at, reason, policy FROM pursuit WHERE mailbox_id = ?")) {
                s.setString(1, mailboxId);
                try (java.sql.ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long nextAt = r.getLong(8);
                        Instant next = r.wasNull() ? null : Instant.ofEpochMilli(nextAt);
                        PursuitRecord row = new PursuitRecord(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
                                r.getString(5), r.getString(6), r.getInt(7), next, r.getString(9));
                        out.put(row.id(), new Recorded(row, r.getString(10)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Records each pursuit's decision, derived under {@code policy} (how it is described: compared, not parsed), where it
     * differs from {@code recorded} (what {@link #states} read before); returns how many rows were written.
     */
    public int saveChanged(List<PursuitRecord> pursuits, java.util.Map<String, Recorded> recorded, String policy, Instant now) {
        String storedPolicy = FactRepository.truncate(policy, 1000);
        List<PursuitRecord> changed = pursuits.stream().filter(p -> {
            Recorded before = recorded.get(p.id());
            return before == null || !storedPolicy.equals(before.policy()) || !asStored(p).equals(before.row());
        }).toList();
        if (!changed.isEmpty()) {
            saveAll(changed, policy, now);
        }
        return changed.size();
    }

    /** A decision as {@link #states} reads it back: instants to the millisecond, the reason cut to its column. */
    private static PursuitRecord asStored(PursuitRecord p) {
        return new PursuitRecord(p.id(), p.mailboxId(), p.proposalMessageId(), Instant.ofEpochMilli(p.proposalAt().toEpochMilli()), p.state(),
                p.nextAction(), p.nextStep(), p.nextAt() == null ? null : Instant.ofEpochMilli(p.nextAt().toEpochMilli()),
                FactRepository.truncate(p.reason(), 1000));
    }

    /** Records each pursuit's decision, derived under {@code policy}, whatever was recorded before. */
    private void saveAll(List<PursuitRecord> pursuits, String policy, Instant now) {
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
