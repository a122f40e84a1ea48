package dev.tickler.cli;

import dev.tickler.config.TicklerConfig;
import dev.tickler.runtime.Tickler;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show a pursuit's timeline (proposal, touches, answers, auto-replies, bounces) with the rule behind "
                + "every verdict, and the resulting decision. Reads the state database only.")
final class ExplainCommand extends ConfiguredCommand {

    @Parameters(paramLabel = "PURSUIT-ID|MESSAGE-ID", description = "A pursuit id (or its first characters) as shown by status, or a Message-ID like <abc@example.com>.")
    String query;

    @Override
    int run(TicklerConfig config) {
        Clock clock = options.clock(spec);
        try (Tickler tickler = Tickler.start(config, clock)) {
            Optional<Tickler.Explanation> found = tickler.explain(query, clock);
            if (found.isEmpty()) {
                err().println("tickler: no pursuit or message matches " + query + " (run scan first; ids are shown by status;"
                        + " mail older than policy.maxAgeDays is not kept)");
                return ExitCodes.USAGE;
            }
            Tickler.Explanation e = found.get();
            ZoneId zone = config.mailboxes().stream().filter(m -> m.id().equals(e.mailboxId())).findFirst().orElseThrow().timezone();
            ExplainReport.print(out(), e, zone);
            return ExitCodes.OK;
        }
    }

}
