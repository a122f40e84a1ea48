package dev.tickler.cli;

import dev.tickler.cadence.Action;
import dev.tickler.config.TicklerConfig;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.detect.Reason;
import dev.tickler.mail.Address;
import dev.tickler.mail.MailMessage;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.runtime.PursuitView;
import dev.tickler.runtime.Tickler;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show a pursuit's timeline (proposal, touches, answers, auto-replies, bounces) with the rule behind "
                + "every verdict, and the resulting decision. Reads the state database only.")
final class ExplainCommand extends ConfiguredCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Parameters(paramLabel = "PURSUIT-ID|MESSAGE-ID", description = "A pursuit id (or its first characters) as shown by status, or a Message-ID like <abc@example.com>.")
    String query;

    @Override
    int run(TicklerConfig config) {
        Clock clock = options.clock(spec);
        try (Tickler tickler = Tickler.start(config, clock)) {
            Optional<Tickler.Explanation> found = tickler.explain(query, clock);
            if (found.isEmpty()) {
                err().println("tickler: no pursuit or message matches " + query + " (run scan first; ids are shown by status)");
                return ExitCodes.USAGE;
            }
            Tickler.Explanation e = found.get();
            ZoneId zone = config.mailboxes().stream().filter(m -> m.id().equals(e.mailboxId())).findFirst().orElseThrow().timezone();
            PrintWriter out = out();
            if (e.pursuit() == null) {
                ClassifiedMessage m = e.loneMessage();
                out.printf("Message %s in mailbox %s belongs to no pursuit.%n", m.messageId(), e.mailboxId());
                entry(out, m, "-", zone);
                return ExitCodes.OK;
            }
            PursuitView view = e.pursuit();
            Pursuit p = view.pursuit();
            out.printf("Pursuit %s in mailbox %s: %s%n", p.id(), e.mailboxId(),
                    p.prospects().stream().map(Address::toString).collect(Collectors.joining(", ")));
            out.printf("Proposal \"%s\" sent %s%n", p.proposal().message().subject(), WHEN.format(p.proposal().sentAt().atZone(zone)));
            if (!p.bouncedAddresses().isEmpty()) {
                out.printf("Bounced addresses (never written to again): %s%n", String.join(", ", p.bouncedAddresses()));
            }
            out.println();
            out.println("Timeline:");
            for (ClassifiedMessage m : p.timeline()) {
                entry(out, m, p.linkOf(m), zone);
            }
            out.println();
            Action action = view.decision().action();
            out.printf("Decision: %s%s%n", view.state().name().toLowerCase(Locale.ROOT),
                    action == Action.NONE ? "" : ", next " + action.name().toLowerCase(Locale.ROOT) + " #" + view.decision().step()
                            + " at " + WHEN.format(view.decision().dueAt().atZone(zone)));
            out.printf("Because: %s%n", view.reason());
            if (view.draft() != null) {
                out.printf("Draft: %s \"%s\" to %s%n", view.draft().messageId(), view.draft().subject(),
                        view.draft().to().stream().map(Address::toString).collect(Collectors.joining(", ")));
            }
            return ExitCodes.OK;
        }
    }

    private static void entry(PrintWriter out, ClassifiedMessage fact, String link, ZoneId zone) {
        MailMessage m = fact.message();
        out.printf("  %s  %-10s  %s  from %s  \"%s\"  [%s]%n", WHEN.format(m.sentAt().atZone(zone)),
                fact.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), m.logId(),
                m.from() == null ? "(nobody)" : m.from().email(), m.subject(), link);
        for (Reason r : fact.classification().reasons()) {
            out.printf("      %s%n", r);
        }
        for (String defect : m.defects()) {
            out.printf("      defect: %s%n", defect);
        }
    }
}
