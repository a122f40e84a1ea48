package dev.tickler.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tickler.calendar.Meeting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Tickler knows of the rep's calendar: invitations found in mail (kept per message, merged
 * when read) and meetings read from calendar servers (replaced at each good read).
 */
public final class MeetingRepository {

    /** The state of one calendar source, for status. */
    public record SourceState(String source, Instant readAt, String problem) {
    }

    /** Attendees kept per stored meeting: enough for any real next-step meeting, bounded for the row. */
    static final int MAX_ATTENDEES = 200;
    private final Database db;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public MeetingRepository(Database db) {
        this.db = db;
    }

    /**
     * One invitation found in mail, as stored: where it was, when it was sent (its DTSTAMP when it has
     * none), when its last occurrence ends ({@link Instant#MAX} for an open series, a reply or a cancel),
     * and its iCalendar text without what people wrote in it.
     */
    public record StoredInvitation(String folder, long uid, Instant sentAt, Instant relevantUntil, String ics) {
        /** "Sent#12": names it in status and explain. */
        public String logId() {
            return folder + "#" + uid;
        }
    }

    /**
     * Saves the invitations of one batch, keyed by UID, replacing what was stored for the same UIDs
     * (a batch read again after a crash writes the same rows again).
     */
    public void saveInvitations(String mailboxId, long uidValidity, List<StoredInvitation> invitations) {
        if (invitations.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM calendar_invitation WHERE mailbox_id = ? AND folder = ? AND uid = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO calendar_invitation (mailbox_id, folder, uid, uid_validity, sent_at, relevant_until, ics)"
                                 + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (StoredInvitation i : invitations) {
                    delete.setString(1, mailboxId);
                    delete.setString(2, i.folder());
                    delete.setLong(3, i.uid());
                    delete.addBatch();
                    insert.setString(1, mailboxId);
                    insert.setString(2, i.folder());
                    insert.setLong(3, i.uid());
                    insert.setLong(4, uidValidity);
                    insert.setLong(5, i.sentAt().toEpochMilli());
                    insert.setLong(6, i.relevantUntil().equals(Instant.MAX) ? Long.MAX_VALUE : i.relevantUntil().toEpochMilli());
                    insert.setString(7, i.ics());
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * The invitations of the mailbox whose folder has not changed UIDVALIDITY since and whose last
     * occurrence ends after {@code endsAfter}: years of old meetings are not read at every decision.
     */
    public List<StoredInvitation> invitations(String mailboxId, Instant endsAfter) {
        return db.inTransaction(c -> {
            List<StoredInvitation> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT i.folder, i.uid, i.sent_at, i.relevant_until, i.ics"
                    + " FROM calendar_invitation i JOIN folder_cursor f"
                    + " ON f.mailbox_id = i.mailbox_id AND f.folder = i.folder AND f.uid_validity = i.uid_validity"
                    + " WHERE i.mailbox_id = ? AND i.relevant_until > ? ORDER BY i.sent_at, i.folder, i.uid")) {
                s.setString(1, mailboxId);
                s.setLong(2, endsAfter.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long until = r.getLong(4);
                        out.add(new StoredInvitation(r.getString(1), r.getLong(2), Instant.ofEpochMilli(r.getLong(3)),
                                until == Long.MAX_VALUE ? Instant.MAX : Instant.ofEpochMilli(until), r.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Replaces the meetings of one source after a good read. */
    public void replaceMeetings(String mailboxId, String source, List<Meeting> meetings, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM calendar_meeting WHERE mailbox_id = ? AND source = ?")) {
                delete.setString(1, mailboxId);
                delete.setString(2, source);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO calendar_meeting (mailbox_id, source, seq, start_at, doc) VALUES (?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (Meeting m : meetings) {
                    if (m.attendees().size() > MAX_ATTENDEES) { // an all-hands or a webinar: no next step, and no row that big
                        m = new Meeting(m.uid(), m.recurrenceId(), m.start(), m.end(), m.organizer(),
                                m.attendees().subList(0, MAX_ATTENDEES), m.status(), m.busy(), m.source());
                    }
                    insert.setString(1, mailboxId);
                    insert.setString(2, source);
                    insert.setInt(3, seq++);
                    insert.setLong(4, m.start().toEpochMilli());
                    insert.setString(5, write(m));
                    insert.addBatch();
                }
                if (!meetings.isEmpty()) { // HSQLDB refuses an empty batch
                    insert.executeBatch();
                }
            }
            writeState(c, mailboxId, source, now, null, now);
            return null;
        });
    }

    /** Notes a failed read; the meetings of the last good read stay. */
    public void recordProblem(String mailboxId, String source, String problem, Instant now) {
        db.inTransaction(c -> {
            Optional<SourceState> old = state(c, mailboxId, source);
            writeState(c, mailboxId, source, old.map(SourceState::readAt).orElse(null), problem, now);
            return null;
        });
    }

    /** Meetings from calendar servers, earliest first. */
    public List<Meeting> meetings(String mailboxId) {
        return db.inTransaction(c -> {
            List<Meeting> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT doc FROM calendar_meeting WHERE mailbox_id = ? ORDER BY start_at, source, seq")) {
                s.setString(1, mailboxId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(read(r.getString(1), Meeting.class));
                    }
                }
            }
            return out;
        });
    }

    public List<SourceState> sources(String mailboxId) {
        return db.inTransaction(c -> {
            List<SourceState> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT source, read_at, problem FROM calendar_source WHERE mailbox_id = ? ORDER BY source")) {
                s.setString(1, mailboxId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long readAt = r.getLong(2);
                        Instant read = r.wasNull() ? null : Instant.ofEpochMilli(readAt);
                        out.add(new SourceState(r.getString(1), read, r.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    private static Optional<SourceState> state(Connection c, String mailboxId, String source) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT read_at, problem FROM calendar_source WHERE mailbox_id = ? AND source = ?")) {
            s.setString(1, mailboxId);
            s.setString(2, source);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long readAt = r.getLong(1);
                return Optional.of(new SourceState(source, r.wasNull() ? null : Instant.ofEpochMilli(readAt), r.getString(2)));
            }
        }
    }

    private static void writeState(Connection c, String mailboxId, String source, Instant readAt, String problem, Instant now)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM calendar_source WHERE mailbox_id = ? AND source = ?")) {
            delete.setString(1, mailboxId);
            delete.setString(2, source);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO calendar_source (mailbox_id, source, read_at, problem, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, mailboxId);
            insert.setString(2, source);
            if (readAt == null) {
                insert.setNull(3, java.sql.Types.BIGINT);
            } else {
                insert.setLong(3, readAt.toEpochMilli());
            }
            insert.setString(4, problem == null ? null : problem.length() > 1000 ? problem.substring(0, 1000) : problem);
            insert.setLong(5, now.toEpochMilli());
            insert.executeUpdate();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not encode a calendar entry", e);
        }
    }

    private <T> T read(String doc, Class<T> type) {
        try {
            return json.readValue(doc, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not decode a stored calendar entry", e);
        }
    }
}
