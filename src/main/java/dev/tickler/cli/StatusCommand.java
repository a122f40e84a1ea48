package dev.tickler.cli;

import dev.tickler.config.TicklerConfig;
import dev.tickler.store.StoreInUseException;
import dev.tickler.runtime.MailboxHealthReport;
import dev.tickler.runtime.PursuitView;
import dev.tickler.runtime.Tickler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "One row per pursuit: prospect, proposal date, state, next action and its date, reason. "
                + "Reads the state database only; no mailbox is contacted.")
final class StatusCommand extends ConfiguredCommand {

    @Override
    int run(TicklerConfig config) {
        Clock clock = options.clock(spec);
        Tickler started;
        try {
            started = Tickler.start(config, clock);
        } catch (StoreInUseException e) {
            // The daemon holds the embedded database: what it last wrote of each mailbox's passes is beside it.
            java.nio.file.Path report = config.stateDir().resolve(MailboxHealthReport.FILE);
            if (!java.nio.file.Files.isRegularFile(report)) {
                throw e;
            }
            err().println("tickler: " + e.getMessage());
            err().println("tickler: pursuits are shown once it is stopped (or with PostgreSQL); its last report, " + report + ":");
            try {
                out().print(java.nio.file.Files.readString(report));
            } catch (java.io.IOException io) {
                throw e;
            }
            return ExitCodes.RUNTIME_FAILURE;
        }
        try (Tickler tickler = started) {
            for (Map.Entry<String, List<PursuitView>> entry : tickler.status(clock).entrySet()) {
                var mailbox = config.mailboxes().stream().filter(m -> m.id().equals(entry.getKey())).findFirst().orElseThrow();
                int skipped = tickler.skippedCount(entry.getKey());
                out().printf("%nMailbox %s (%s)%s%n", entry.getKey(), mailbox.timezone(),
                        skipped == 0 ? "" : ": " + skipped + " unreadable message(s) skipped");
                out().println(MailboxHealthReport.line(tickler.health(entry.getKey()), mailbox.timezone(), clock.instant()));
                for (var source : tickler.calendarSources(entry.getKey())) {
                    out().printf("Calendar %s: %s%s%n", source.source(),
                            source.readAt() == null ? "never read" : "last read " + source.readAt(),
                            source.problem() == null ? "" : "; last attempt failed: " + source.problem());
                }
                Reports.pursuits(out(), entry.getValue(), mailbox.timezone());
            }
            return ExitCodes.OK;
        }
    }
}
