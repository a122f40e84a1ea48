package dev.tickler.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The override keywords found on messages in the latest pass, per folder. */
public final class KeywordRepository {

    private final Database db;

    public KeywordRepository(Database db) {
        this.db = db;
    }

    /** Replaces one folder's keywords: uid → keywords. */
    public void replace(String mailboxId, String folder, Map<Long, Set<String>> keywords) {
        db.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM message_keyword WHERE mailbox_id = ? AND folder = ?")) {
                delete.setString(1, mailboxId);
                delete.setString(2, folder);
                delete.executeUpdate();
            }
            if (keywords.isEmpty()) {
                return null;
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO message_keyword (mailbox_id, folder, uid, keyword) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<Long, Set<String>> e : keywords.entrySet()) {
                    for (String keyword : e.getValue()) {
                        insert.setString(1, mailboxId);
                        insert.setString(2, folder);
                        insert.setLong(3, e.getKey());
                        insert.setString(4, keyword);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** {@code folder#uid} → keywords, for one mailbox. */
    public Map<String, Set<String>> forMailbox(String mailboxId) {
        return db.inTransaction(c -> {
            Map<String, Set<String>> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT folder, uid, keyword FROM message_keyword WHERE mailbox_id = ?")) {
                s.setString(1, mailboxId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.computeIfAbsent(r.getString(1) + "#" + r.getLong(2), k -> new HashSet<>()).add(r.getString(3));
                    }
                }
            }
            return out;
        });
    }
}
