package dev.tickler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * How each mailbox's last pass ended, for {@code status}: when it last succeeded, and since when and why it has been
 * failing. A mailbox whose login fails is parked by the daemon and retried hourly; an operator should see that in
 * {@code status}, not only in the logs.
 */
public final class MailboxHealthRepository {

    private final Database db;

    public MailboxHealthRepository(Database db) {
        this.db = db;
    }

    /**
     * @param lastOkAt      when a pass last succeeded, or null if none has
     * @param failingSince  the first failure of the current run of failures, or null when the last pass succeeded
     * @param failures      consecutive failed passes
     * @param failureKind   {@code TRANSIENT} or {@code PERMANENT} for the last failure, else null
     * @param problem       the last failure's message (it names host and folder, never a password), else null
     * @param nextAttemptAt when the daemon means to try again after a failure, or null (a scan, or not failing)
     */
    public record Health(Instant lastOkAt, Instant failingSince, int failures, String failureKind, String problem,
                         Instant nextAttemptAt) {

        public boolean failing() {
            return failingSince != null;
        }
    }

    public Optional<Health> health(String mailboxId) {
        return db.inTransaction(c -> read(c, mailboxId));
    }

    /** A pass that succeeded: the run of failures, if any, is over. */
    public void recordSuccess(String mailboxId, Instant at) {
        record(mailboxId, before -> new Health(at, null, 0, null, null, null), at);
    }

    /** A pass that failed: counted with the ones before it since the last success. */
    public void recordFailure(String mailboxId, String kind, String problem, Instant at) {
        record(mailboxId, before -> {
            Instant since = before.map(Health::failingSince).orElse(null);
            return new Health(before.map(Health::lastOkAt).orElse(null), since == null ? at : since,
                    before.map(h -> h.failures() + 1).orElse(1), kind,
                    problem == null || problem.length() <= 1000 ? problem : problem.substring(0, 1000), null);
        }, at);
    }

    /**
     * Writes the mailbox's row as {@code next} makes it from the one stored. Two processes sharing a database may both
     * insert a mailbox's first row at once; the one that loses reads the winner's row and writes again.
     */
    private void record(String mailboxId, java.util.function.Function<Optional<Health>, Health> next, Instant at) {
        for (int attempt = 1; ; attempt++) {
            try {
                db.inTransaction(c -> {
                    write(c, mailboxId, next.apply(read(c, mailboxId)), at);
                    return null;
                });
                return;
            } catch (StoreException e) {
                if (attempt >= 2 || !duplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean duplicateKey(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** When the daemon will try a failing mailbox again. */
    public void recordNextAttempt(String mailboxId, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE mailbox_health SET next_attempt_at = ? WHERE mailbox_id = ? AND failing_since IS NOT NULL")) {
                s.setLong(1, at.toEpochMilli());
                s.setString(2, mailboxId);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<Health> read(Connection c, String mailboxId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_ok_at, failing_since, failures, failure_kind, problem,"
                + " next_attempt_at FROM mailbox_health WHERE mailbox_id = ?")) {
            s.setString(1, mailboxId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Health(instant(r, 1), instant(r, 2), r.getInt(3), r.getString(4), r.getString(5), instant(r, 6)));
            }
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** UPDATE, else INSERT: a DELETE and INSERT would make two writers at once both insert (PostgreSQL, READ COMMITTED). */
    private static void write(Connection c, String mailboxId, Health h, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE mailbox_health SET last_ok_at = ?, failing_since = ?, failures = ?,"
                + " failure_kind = ?, problem = ?, next_attempt_at = ?, updated_at = ? WHERE mailbox_id = ?")) {
            if (bind(update, mailboxId, h, now).executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO mailbox_health (last_ok_at, failing_since, failures,"
                + " failure_kind, problem, next_attempt_at, updated_at, mailbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, mailboxId, h, now).executeUpdate();
        }
    }

    /** The row's values in the order both statements take them, the mailbox last. */
    private static PreparedStatement bind(PreparedStatement s, String mailboxId, Health h, Instant now) throws SQLException {
        setInstant(s, 1, h.lastOkAt());
        setInstant(s, 2, h.failingSince());
        s.setInt(3, h.failures());
        s.setString(4, h.failureKind());
        s.setString(5, h.problem());
        setInstant(s, 6, h.nextAttemptAt());
        s.setLong(7, now.toEpochMilli());
        s.setString(8, mailboxId);
        return s;
    }

    private static void setInstant(PreparedStatement s, int index, Instant at) throws SQLException {
        if (at == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, at.toEpochMilli());
        }
    }
}
