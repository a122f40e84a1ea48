package dev.tickler.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state database: HSQLDB in the state directory by default, PostgreSQL for larger teams.
 * Migrated with Flyway when opened; closed (and for HSQLDB, checkpointed) on {@link #close()}.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String url;
    private final Properties credentials;

    private Database(String url, Properties credentials) {
        this.url = url;
        this.credentials = credentials;
    }

    /** Opens and migrates the database; fails fast with the reason when it can't be used. */
    public static Database open(String url, String username, String password) {
        Properties credentials = new Properties();
        if (username != null && !username.isEmpty()) {
            credentials.setProperty("user", username);
        }
        credentials.setProperty("password", password == null ? "" : password);
        Database db = new Database(url, credentials);
        long deadline = System.nanoTime() + STALE_LOCK_WAIT.toNanos();
        boolean waited = false;
        while (true) {
            try {
                var result = Flyway.configure()
                        .dataSource(url, username, password == null ? "" : password)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                if (result.migrationsExecuted > 0) {
                    log.info("State database migrated to version {} ({} migration(s))", result.targetSchemaVersion,
                            result.migrationsExecuted);
                }
                db.keepTablesOnDisk();
                return db;
            } catch (FlywayException e) {
                // HSQLDB's lock file is taken over once its heartbeat is 10 s old: a process killed a moment ago
                // (a crash, a SIGKILL) leaves one that is merely stale. A live process keeps it fresh.
                if (isLocked(e) && System.nanoTime() < deadline) {
                    if (!waited) {
                        log.info("State database is locked; waiting up to {} s in case the lock is left by a process that died",
                                STALE_LOCK_WAIT.toSeconds());
                        waited = true;
                    }
                    sleep();
                    continue;
                }
                String message = "can't open the state database " + withoutSecrets(url) + ": " + rootMessage(e);
                throw isLocked(e) ? new StoreInUseException(message, e) : new StoreException(message, e);
            }
        }
    }

    /**
     * Makes an HSQLDB file database keep its tables on disk (CACHED, with a bounded cache of rows) instead of
     * in memory: a MEMORY table lives whole in the heap and is written out whole at every checkpoint, so a
     * team's facts outgrow the service's 256 MB heap (with three 50k mailboxes each sync was slower than the
     * one before, the third by 80 %, see docs/BENCHMARKS.md). Tables still in memory are converted when the
     * database is opened (at once for a new one, whose tables are empty; once for one made by an earlier
     * version), and tables made by later migrations are CACHED from the start. The migrations stay portable
     * SQL: this is HSQLDB's own setting, not part of the schema.
     */
    private void keepTablesOnDisk() {
        if (!url.startsWith("jdbc:hsqldb:file:")) {
            return;
        }
        List<String> moved = inTransaction(c -> {
            List<String> inMemory = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.SYSTEM_TABLES"
                        + " WHERE TABLE_SCHEM = CURRENT_SCHEMA AND HSQLDB_TYPE = 'MEMORY'")) {
                    while (r.next()) {
                        inMemory.add(r.getString(1));
                    }
                }
                if (!inMemory.isEmpty()) { // once per database: the setting is kept with it
                    s.execute("SET DATABASE DEFAULT TABLE TYPE CACHED");
                }
                for (String table : inMemory) {
                    s.execute("SET TABLE \"" + table.replace("\"", "\"\"") + "\" TYPE CACHED");
                }
            }
            return inMemory;
        });
        if (!moved.isEmpty()) {
            log.info("State database: {} table(s) now kept on disk (HSQLDB CACHED) instead of in memory", moved.size());
        }
    }

    /** A little longer than HSQLDB's 10 s lock heartbeat. */
    static final java.time.Duration STALE_LOCK_WAIT = java.time.Duration.ofSeconds(12);

    private static boolean isLocked(Throwable t) {
        String message = rootMessage(t);
        return message.startsWith("it is in use by another Tickler process");
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the state database", e);
        }
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection c = DriverManager.getConnection(url, credentials)) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            // PostgreSQL's message quotes the failing row (addresses, subjects): keep its first line only; all of it at DEBUG.
            log.debug("State database error", e);
            String first = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            int detail = first.indexOf("Detail:");
            throw new StoreException("state database error (SQLState " + e.getSQLState() + "): "
                    + (detail >= 0 ? first.substring(0, detail) : first).strip(), e);
        }
    }

    @Override
    public void close() {
        if (url.startsWith("jdbc:hsqldb:file:")) {
            try (Connection c = DriverManager.getConnection(url, credentials); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                log.warn("State database did not shut down cleanly: {}", e.getMessage());
            }
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains("lockFile") || message.contains("lock file")) {
            return "it is in use by another Tickler process (is the daemon running?); " + message;
        }
        return message;
    }

    /**
     * A JDBC URL fit for a message: PostgreSQL and HSQLDB take credentials as parameters ({@code ?password=…},
     * {@code ;password=…}) and PostgreSQL as user info ({@code //user:pw@host}); their values are masked.
     */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)((?:password|pwd|user|username|sslpassword)=)[^;&]*", "$1****")
                .replaceAll("//[^/@;?]*@", "//****@");
    }
}
