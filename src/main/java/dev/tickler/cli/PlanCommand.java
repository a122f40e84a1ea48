package dev.tickler.cli;

import dev.tickler.config.TicklerConfig;
import dev.tickler.mail.Address;
import dev.tickler.runtime.Tickler;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "What Tickler will draft, when and why, over the next days: given no new mail, and assuming you send "
                + "each draft the day it appears. Reads the state database only.")
final class PlanCommand extends ConfiguredCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    @Option(names = "--days", defaultValue = "30", description = "How far to look ahead, in days (default ${DEFAULT-VALUE}).")
    int days;

    @Override
    int run(TicklerConfig config) {
        if (days < 1 || days > 366) {
            err().println("tickler: --days must be 1..366, was " + days);
            return ExitCodes.USAGE;
        }
        Clock clock = options.clock(spec);
        try (Tickler tickler = Tickler.start(config, clock)) {
            List<Tickler.PlanRow> rows = tickler.plan(days, clock);
            out().printf("Plan for the next %d days from %s (no new mail assumed; each draft assumed sent when it appears):%n%n",
                    days, clock.instant());
            Table table = new Table("WHEN", "MAILBOX", "PURSUIT", "PROSPECT", "DRAFT", "WHY");
            for (Tickler.PlanRow r : rows) {
                ZoneId zone = config.mailboxes().stream().filter(m -> m.id().equals(r.mailboxId())).findFirst().orElseThrow().timezone();
                table.row(WHEN.format(r.when().atZone(zone)), r.mailboxId(), r.pursuit().pursuit().id(),
                        r.pursuit().pursuit().prospects().stream().map(Address::toString).collect(Collectors.joining(", ")),
                        r.action().label() + " #" + r.step(), r.reason());
            }
            if (table.isEmpty()) {
                out().println("  (nothing to draft in this period)");
            } else {
                table.print(out());
            }
            out().flush();
            return ExitCodes.OK;
        }
    }
}
