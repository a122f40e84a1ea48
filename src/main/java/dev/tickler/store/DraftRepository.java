package dev.tickler.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Drafts Tickler wrote: intent recorded before the outbox call, outcome after. */
public final class DraftRepository {

    private final Database db;

    public DraftRepository(Database db) {
        this.db = db;
    }

    public Optional<DraftRecord> find(String messageId) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE message_id = ?")) {
                s.setString(1, messageId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    public List<DraftRecord> forMailbox(String mailboxId) {
        return db.inTransaction(c -> {
            List<DraftRecord> drafts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE mailbox_id = ? ORDER BY intended_at, message_id")) {
                s.setString(1, mailboxId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        drafts.add(read(r));
                    }
                }
            }
            return drafts;
        });
    }

    /** Records the intent to place a draft; a no-op when it is already recorded. */
    public void recordIntent(String messageId, String pursuitId, String mailboxId, int step, String action, String contentHash,
                             Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM draft WHERE message_id = ?")) {
                exists.setString(1, messageId);
                try (ResultSet r = exists.executeQuery()) {
                    if (r.next()) {
                        // Not placed yet (the APPEND failed): what is placed now may read differently (the
                        // day's slots), and its hash is what later tells an edit by the rep.
                        updateHashWhile(c, messageId, contentHash, DraftRecord.INTENDED);
                        return null;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO draft (message_id, pursuit_id, mailbox_id, step, action, status, intended_at, content_hash)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, messageId);
                s.setString(2, pursuitId);
                s.setString(3, mailboxId);
                s.setInt(4, step);
                s.setString(5, action);
                s.setString(6, DraftRecord.INTENDED);
                s.setLong(7, now.toEpochMilli());
                s.setString(8, contentHash);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Records what became of a placed draft: SENT, RETRACTED, DISMISSED or EDITED, with a note for status. */
    public void resolve(String messageId, String status, String note, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE draft SET status = ?, note = ?, resolved_at = ? WHERE message_id = ?")) {
                s.setString(1, status);
                s.setString(2, note == null ? null : FactRepository.truncate(note, 500));
                s.setLong(3, now.toEpochMilli());
                s.setString(4, messageId);
                s.executeUpdate();
            }
            return null;
        });
    }

    public void markPlaced(String messageId, String folder, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE draft SET status = ?, folder = ?, placed_at = ? WHERE message_id = ?")) {
                s.setString(1, DraftRecord.PLACED);
                s.setString(2, folder);
                s.setLong(3, now.toEpochMilli());
                s.setString(4, messageId);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static final String SELECT = "SELECT message_id, pursuit_id, mailbox_id, step, action, status, folder, intended_at,"
            + " placed_at, content_hash, resolved_at, note FROM draft";

    private static DraftRecord read(ResultSet r) throws SQLException {
        return new DraftRecord(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
                r.getString(6), r.getString(7), Instant.ofEpochMilli(r.getLong(8)), instant(r, 9), r.getString(10),
                instant(r, 11), r.getString(12));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** The hash of the text actually found in Drafts, for a draft whose APPEND was not confirmed. */
    public void updateHash(String messageId, String contentHash) {
        db.inTransaction(c -> {
            updateHashWhile(c, messageId, contentHash, null);
            return null;
        });
    }

    private static void updateHashWhile(java.sql.Connection c, String messageId, String contentHash, String status)
            throws java.sql.SQLException {
        if (contentHash == null) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE draft SET content_hash = ? WHERE message_id = ?"
                + (status == null ? "" : " AND status = ?"))) {
            s.setString(1, contentHash);
            s.setString(2, messageId);
            if (status != null) {
                s.setString(3, status);
            }
            s.executeUpdate();
        }
    }
}
