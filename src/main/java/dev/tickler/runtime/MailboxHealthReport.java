package dev.tickler.runtime;

import dev.tickler.store.MailboxHealthRepository.Health;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a mailbox's last pass ended, as one line for {@code status}; and the file {@code tickler run} keeps of those lines
 * beside the embedded database, which only one process can open: {@code status} shows it while the daemon runs.
 */
public final class MailboxHealthReport {

    /** The file in {@code stateDir}. */
    public static final String FILE = "mailbox-health.txt";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private MailboxHealthReport() {
    }

    /** "Mail: last read …", or "Mail: PARKED|FAILING since … (N failed pass(es)): why; …", in the mailbox's timezone. */
    public static String line(Optional<Health> health, ZoneId zone, Instant now) {
        if (health.isEmpty()) {
            return "Mail: not read yet";
        }
        Health h = health.get();
        if (!h.failing()) {
            return "Mail: last read " + format(h.lastOkAt(), zone);
        }
        boolean parked = "PERMANENT".equals(h.failureKind());
        Instant next = h.nextAttemptAt();
        return "Mail: " + (parked ? "PARKED" : "FAILING") + " since " + format(h.failingSince(), zone) + " (" + h.failures()
                + " failed pass(es)): " + h.problem() + "; "
                + (parked ? "the daemon retries hourly until this is fixed" : "the daemon retries with backoff")
                + (next != null && next.isAfter(now) ? " (next at " + format(next, zone) + ")" : "")
                + (h.lastOkAt() == null ? "; never read" : "; last read " + format(h.lastOkAt(), zone));
    }

    /** Replaces the file with these lines, whole (written aside, then moved), so a reader never sees half of it. */
    static void write(Path stateDir, Instant now, List<String> lines) throws IOException {
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve(FILE);
        Path next = stateDir.resolve(FILE + ".new");
        StringBuilder text = new StringBuilder("# tickler run, " + now + ": how each mailbox's last pass ended\n");
        lines.forEach(l -> text.append(l).append('\n'));
        Files.writeString(next, text, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String format(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }
}
