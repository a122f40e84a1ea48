package dev.tickler.cli;

import dev.tickler.cadence.Action;
import dev.tickler.calendar.Meeting;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.detect.Reason;
import dev.tickler.mail.Address;
import dev.tickler.mail.MailMessage;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.runtime.PursuitView;
import dev.tickler.runtime.Tickler;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** How {@code explain} (and the demo) print a pursuit: its timeline, each verdict's rules, the decision. */
public final class ExplainReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ExplainReport() {
    }

    public static void print(PrintWriter out, Tickler.Explanation e, ZoneId zone) {
        if (e.pursuit() == null) {
            ClassifiedMessage m = e.loneMessage();
            out.printf("Message %s in mailbox %s belongs to no pursuit.%n", m.messageId(), e.mailboxId());
            entry(out, m, "-", zone);
            out.flush();
            return;
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
        if (!view.meetings().isEmpty()) {
            out.println();
            out.println("Meetings with their side:");
            for (Meeting m : view.meetings()) {
                out.printf("  %s-%s  %s  with %s  (%s)%s%n", WHEN.format(m.start().atZone(zone)),
                        DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).format(m.end().atZone(zone)),
                        m.status().name().toLowerCase(Locale.ROOT),
                        m.participants().stream().map(a -> a.email() + " " + m.participationOf(a).name().toLowerCase(Locale.ROOT)
                                .replace('_', '-')).collect(Collectors.joining(", ")),
                        m.source(), m.equals(view.decision().meeting()) ? "  <- decides" : "");
            }
        }
        out.println();
        Action action = view.decision().action();
        out.printf("Decision: %s%s%n", view.state().name().toLowerCase(Locale.ROOT),
                action == Action.NONE ? "" : ", next " + action.label() + " #" + view.decision().step()
                        + " at " + WHEN.format(view.decision().dueAt().atZone(zone)));
        if (view.decision().meeting() != null && view.state() == dev.tickler.pursuit.PursuitState.SCHEDULED) {
            out.printf("Kept quiet by: the meeting at %s (%s)%n", WHEN.format(view.decision().meeting().start().atZone(zone)),
                    view.decision().meeting().source());
        }
        out.printf("Because: %s%n", view.reason());
        if (view.draft() != null) {
            out.printf("Draft: %s \"%s\" to %s%n", view.draft().messageId(), view.draft().subject(),
                    view.draft().to().stream().map(Address::toString).collect(Collectors.joining(", ")));
        }
        out.flush();
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
