package dev.tickler.cli;

import dev.tickler.cadence.Action;
import dev.tickler.draft.Draft;
import dev.tickler.mail.Address;
import dev.tickler.runtime.PassReport;
import dev.tickler.runtime.PursuitView;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How scan, status and demo print pursuits and drafts. */
final class Reports {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Reports() {
    }

    static void pursuits(PrintWriter out, List<PursuitView> views, ZoneId zone) {
        Table table = new Table("PURSUIT", "PROSPECT", "PROPOSAL", "STATE", "NEXT", "WHEN", "REASON");
        for (PursuitView v : views) {
            Action action = v.decision().action();
            table.row(v.pursuit().id(), prospects(v.pursuit().prospects()),
                    format(DATE, v.pursuit().proposal().sentAt(), zone), v.state().name().toLowerCase(Locale.ROOT),
                    action == Action.NONE ? "-" : action.label() + " #" + v.decision().step(),
                    v.decision().dueAt() == null ? "-" : format(DATE_TIME, v.decision().dueAt(), zone), v.reason());
        }
        if (table.isEmpty()) {
            out.println("  (no proposals found)");
            out.flush();
        } else {
            table.print(out);
        }
    }

    static void drafts(PrintWriter out, List<Draft> drafts) {
        Table table = new Table("PURSUIT", "KIND", "SUBJECT", "TO", "FIRST LINE");
        for (Draft d : drafts) {
            table.row(d.pursuitId(), d.action().label() + " #" + d.step(), d.subject(),
                    prospects(d.to()), d.firstLine());
        }
        if (table.isEmpty()) {
            out.println("  (no drafts)");
            out.flush();
        } else {
            table.print(out);
        }
    }

    static void summary(PrintWriter out, PassReport r, boolean dryRun) {
        out.printf("Mailbox %s: %d new message(s), %d skipped as unreadable, %d read with defects; %d pursuit(s); %d draft(s) %s%s%n",
                r.mailboxId(), r.messagesRead(), r.skipped(), r.withDefects(), r.pursuits().size(), r.placed().size(),
                dryRun ? "would be written (dry run: nothing written)" : "written to Drafts",
                r.unchangedFolders() > 0 ? "; " + r.unchangedFolders() + " folder(s) unchanged (CONDSTORE: no FETCH)" : "");
        if (r.failed()) {
            out.printf("Mailbox %s FAILED: %s%n", r.mailboxId(), r.failure().message());
        }
        out.flush();
    }

    private static String prospects(List<Address> addresses) {
        return addresses.stream().map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String format(DateTimeFormatter f, Instant instant, ZoneId zone) {
        return f.format(instant.atZone(zone));
    }
}
