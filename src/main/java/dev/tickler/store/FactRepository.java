package dev.tickler.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.mail.FolderCursor;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.SkippedMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Message facts and folder cursors. A batch of facts and the cursor that covers it are written in
 * one transaction, so a crash never leaves a cursor ahead of its facts (or facts twice).
 */
public final class FactRepository {

    private final Database db;
    /**
     * Facts leave out null fields and empty lists and maps (most of an outline): a third less to encode, log,
     * checkpoint and load. Empty strings, and map entries whatever their value, are kept: they read back as written.
     * Instants are written as epoch milliseconds, an integer: earlier versions wrote seconds with nine decimals, which
     * cost a decimal formatting per fact (a third of encoding one), and still read back as before (a decimal number
     * is always seconds).
     */
    private final ObjectMapper json = jsonMapper();

    private static ObjectMapper jsonMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
                .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonInclude.Value nonEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS);
        mapper.configOverride(List.class).setInclude(nonEmpty);
        mapper.configOverride(java.util.Map.class).setInclude(nonEmpty);
        return mapper;
    }

    public FactRepository(Database db) {
        this.db = db;
    }

    public Optional<FolderCursor> cursor(String mailboxId, String folder) {
        return db.inTransaction(c -> readCursor(c, mailboxId, folder));
    }

    /**
     * Saves one batch and moves the cursor. When the batch's UIDVALIDITY differs from the stored
     * one, the folder's old facts are dropped first: their UIDs no longer mean anything.
     */
    public void saveBatch(String mailboxId, String folder, FolderCursor cursor, List<ClassifiedMessage> facts,
                          List<SkippedMessage> skipped, Instant now) {
        db.inTransaction(c -> {
            Optional<FolderCursor> stored = readCursor(c, mailboxId, folder);
            boolean sameValidity = stored.isPresent() && stored.get().uidValidity() == cursor.uidValidity();
            if (stored.isPresent() && !sameValidity) {
                deleteFolder(c, mailboxId, folder);
            }
            // Facts are stored with their cursor in one transaction, so none should exist above it: only a message
            // read again (at or below it) replaces an older fact of itself, one DELETE each. Above it one range
            // DELETE clears what a cursor lowered by hand (or restored from an older backup) left behind.
            insertFacts(c, mailboxId, folder, facts, sameValidity ? stored.get().lastUid() : 0);
            insertSkipped(c, mailboxId, folder, skipped, now);
            writeCursor(c, mailboxId, folder, cursor, stored.isPresent(), now);
            if (!facts.isEmpty() || (stored.isPresent() && !sameValidity)) { // a cursor moved over no new mail changes no fact
                raiseVersion(c, mailboxId);
            }
            return null;
        });
    }

    /**
     * A number that every change of this mailbox's facts replaces (0 before the first), by any Tickler process sharing the
     * store: what was derived from the facts while it stood at one value still holds while it does. It is random, not a
     * count, so that it never comes back with other facts (a backup restored, say). Read it before the facts.
     */
    public long version(String mailboxId) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM fact_version WHERE mailbox_id = ?")) {
                s.setString(1, mailboxId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }

    /** In the transaction that writes the facts, so that the version never stands still over a change. */
    private static void raiseVersion(Connection c, String mailboxId) throws SQLException {
        long next;
        do {
            next = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        } while (next == 0);
        try (PreparedStatement update = c.prepareStatement("UPDATE fact_version SET version = ? WHERE mailbox_id = ?")) {
            update.setLong(1, next);
            update.setString(2, mailboxId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO fact_version (mailbox_id, version) VALUES (?, ?)")) {
            insert.setString(1, mailboxId);
            insert.setLong(2, next);
            insert.executeUpdate();
        }
    }

    /** UIDs of the proposals stored for one folder (to notice the rep deleting one). */
    public java.util.Set<Long> proposalUids(String mailboxId, String folder) {
        return db.inTransaction(c -> {
            java.util.Set<Long> uids = new java.util.HashSet<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT uid FROM message_fact WHERE mailbox_id = ? AND folder = ? AND kind = 'PROPOSAL'")) {
                s.setString(1, mailboxId);
                s.setString(2, folder);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        uids.add(r.getLong(1));
                    }
                }
            }
            return uids;
        });
    }

    /** Forgets messages the rep deleted. */
    public void delete(String mailboxId, String folder, java.util.Set<Long> uids) {
        if (uids.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM message_fact WHERE mailbox_id = ? AND folder = ? AND uid = ?")) {
                for (long uid : uids) {
                    s.setString(1, mailboxId);
                    s.setString(2, folder);
                    s.setLong(3, uid);
                    s.addBatch();
                }
                s.executeBatch();
            }
            raiseVersion(c, mailboxId);
            return null;
        });
    }

    public List<ClassifiedMessage> facts(String mailboxId) {
        return facts(mailboxId, java.time.Instant.ofEpochMilli(Long.MIN_VALUE));
    }

    /** The facts dated {@code since} or later, in {@link #STORED_ORDER}; only those are decoded. */
    public List<ClassifiedMessage> facts(String mailboxId, java.time.Instant since) {
        return db.inTransaction(c -> {
            List<ClassifiedMessage> facts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT doc FROM message_fact WHERE mailbox_id = ? AND sent_at >= ?")) {
                s.setString(1, mailboxId);
                s.setLong(2, since.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        facts.add(read(r.getString(1)));
                    }
                }
            }
            // Sorted here, not by the database: HSQLDB sorts the rows whole, documents and all, in a tenth of a pass.
            facts.sort(STORED_ORDER);
            return facts;
        });
    }

    /** Whether any fact of this mailbox is stored (a first sync starts with none). */
    public boolean hasFacts(String mailboxId) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM message_fact WHERE mailbox_id = ? FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, mailboxId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** Facts in the order {@link #facts} returns them: by date, folder, UID. */
    public static final java.util.Comparator<ClassifiedMessage> STORED_ORDER = java.util.Comparator
            .comparingLong((ClassifiedMessage f) -> f.message().sentAt().toEpochMilli())
            .thenComparing(f -> f.message().folder())
            .thenComparingLong(f -> f.message().uid());

    /** The Message-IDs of one kind of message in a mailbox (e.g. every proposal). */
    public java.util.Set<String> messageIds(String mailboxId, String kind) {
        return db.inTransaction(c -> {
            java.util.Set<String> ids = new java.util.HashSet<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT message_id FROM message_fact WHERE mailbox_id = ? AND kind = ? AND message_id IS NOT NULL")) {
                s.setString(1, mailboxId);
                s.setString(2, kind);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    public int skippedCount(String mailboxId) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM skipped_message WHERE mailbox_id = ?")) {
                s.setString(1, mailboxId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    private static Optional<FolderCursor> readCursor(Connection c, String mailboxId, String folder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT uid_validity, last_uid, highest_modseq FROM folder_cursor WHERE mailbox_id = ? AND folder = ?")) {
            s.setString(1, mailboxId);
            s.setString(2, folder);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new FolderCursor(r.getLong(1), r.getLong(2), r.getLong(3))) : Optional.empty();
            }
        }
    }

    private static void deleteFolder(Connection c, String mailboxId, String folder) throws SQLException {
        for (String table : List.of("message_fact", "skipped_message")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE mailbox_id = ? AND folder = ?")) {
                s.setString(1, mailboxId);
                s.setString(2, folder);
                s.executeUpdate();
            }
        }
    }

    private void insertFacts(Connection c, String mailboxId, String folder, List<ClassifiedMessage> facts, long storedUpTo)
            throws SQLException {
        if (facts.isEmpty()) {
            return; // HSQLDB rejects an empty batch
        }
        try (PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM message_fact WHERE mailbox_id = ? AND folder = ? AND uid = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO message_fact (mailbox_id, folder, uid, message_id, kind, sent_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            boolean deleting = false;
            boolean above = false;
            for (ClassifiedMessage fact : facts) {
                MailMessage m = fact.message();
                above |= m.uid() > storedUpTo;
                if (m.uid() <= storedUpTo) {
                    delete.setString(1, mailboxId);
                    delete.setString(2, folder);
                    delete.setLong(3, m.uid());
                    delete.addBatch();
                    deleting = true;
                }
                insert.setString(1, mailboxId);
                insert.setString(2, folder);
                insert.setLong(3, m.uid());
                insert.setString(4, m.messageId());
                insert.setString(5, fact.kind().name());
                insert.setLong(6, m.sentAt().toEpochMilli());
                insert.setString(7, write(fact));
                insert.addBatch();
            }
            if (deleting) {
                delete.executeBatch();
            }
            if (above) {
                try (PreparedStatement stale = c.prepareStatement("DELETE FROM message_fact WHERE mailbox_id = ? AND folder = ? AND uid > ?")) {
                    stale.setString(1, mailboxId);
                    stale.setString(2, folder);
                    stale.setLong(3, storedUpTo);
                    stale.executeUpdate();
                }
            }
            insert.executeBatch();
        }
    }

    private static void insertSkipped(Connection c, String mailboxId, String folder, List<SkippedMessage> skipped,
                                      Instant now) throws SQLException {
        if (skipped.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM skipped_message WHERE mailbox_id = ? AND folder = ? AND uid = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO skipped_message (mailbox_id, folder, uid, message_id, reason, seen_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (SkippedMessage m : skipped) {
                delete.setString(1, mailboxId);
                delete.setString(2, folder);
                delete.setLong(3, m.uid());
                delete.addBatch();
                insert.setString(1, mailboxId);
                insert.setString(2, folder);
                insert.setLong(3, m.uid());
                insert.setString(4, truncate(m.messageId(), 998));
                insert.setString(5, truncate(m.reason(), 1000));
                insert.setLong(6, now.toEpochMilli());
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    private static void writeCursor(Connection c, String mailboxId, String folder, FolderCursor cursor, boolean exists,
                                    Instant now) throws SQLException {
        String sql = exists
                ? "UPDATE folder_cursor SET uid_validity = ?, last_uid = ?, highest_modseq = ?, updated_at = ? WHERE mailbox_id = ? AND folder = ?"
                : "INSERT INTO folder_cursor (uid_validity, last_uid, highest_modseq, updated_at, mailbox_id, folder) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, cursor.uidValidity());
            s.setLong(2, cursor.lastUid());
            s.setLong(3, cursor.highestModSeq());
            s.setLong(4, now.toEpochMilli());
            s.setString(5, mailboxId);
            s.setString(6, folder);
            s.executeUpdate();
        }
    }

    private String write(ClassifiedMessage fact) {
        try {
            return json.writeValueAsString(fact);
        } catch (JsonProcessingException e) {
            throw new StoreException("can't encode the facts of " + fact.message().logId(), e);
        }
    }

    private ClassifiedMessage read(String doc) {
        try {
            return json.readValue(doc, ClassifiedMessage.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("can't decode a stored fact: " + e.getOriginalMessage(), e);
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
