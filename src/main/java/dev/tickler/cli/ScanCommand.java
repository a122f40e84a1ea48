package dev.tickler.cli;

import dev.tickler.config.TicklerConfig;
import dev.tickler.runtime.PassReport;
import dev.tickler.runtime.Tickler;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "One pass over every mailbox: read new mail, decide, write due drafts; then exit.")
final class ScanCommand extends ConfiguredCommand {

    @Option(names = "--dry-run", description = "Read the mailboxes and print the decisions; write nothing anywhere.")
    boolean dryRun;

    @Override
    int run(TicklerConfig config) {
        Clock clock = options.clock(spec);
        try (Tickler tickler = Tickler.start(config, clock)) {
            List<PassReport> reports = tickler.scan(dryRun, clock);
            boolean failed = false;
            for (PassReport report : reports) {
                var mailbox = config.mailboxes().stream().filter(m -> m.id().equals(report.mailboxId())).findFirst().orElseThrow();
                out().println();
                Reports.summary(out(), report, dryRun);
                Reports.pursuits(out(), report.pursuits(), mailbox.timezone());
                if (!report.placed().isEmpty()) {
                    out().println(dryRun ? "Drafts that would be written:" : "Drafts written:");
                    Reports.drafts(out(), report.placed());
                }
                failed |= report.failed();
            }
            if (failed) {
                reports.stream().filter(PassReport::failed)
                        .forEach(r -> err().println("tickler: mailbox " + r.mailboxId() + " failed: " + r.failure().message()));
            }
            return failed ? ExitCodes.RUNTIME_FAILURE : ExitCodes.OK;
        }
    }
}
