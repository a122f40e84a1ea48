package dev.tickler.cli;

import dev.tickler.config.TicklerConfig;
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
        try (Tickler tickler = Tickler.start(config, clock)) {
            for (Map.Entry<String, List<PursuitView>> entry : tickler.status(clock).entrySet()) {
                var mailbox = config.mailboxes().stream().filter(m -> m.id().equals(entry.getKey())).findFirst().orElseThrow();
                int skipped = tickler.skippedCount(entry.getKey());
                out().printf("%nMailbox %s (%s)%s%n", entry.getKey(), mailbox.timezone(),
                        skipped == 0 ? "" : ": " + skipped + " unreadable message(s) skipped");
                Reports.health(out(), tickler.health(entry.getKey()), mailbox.timezone(), clock.instant());
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
