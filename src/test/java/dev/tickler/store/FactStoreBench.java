package dev.tickler.store;

import dev.tickler.detect.Classification;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.detect.MessageKind;
import dev.tickler.detect.Reason;
import dev.tickler.mail.Address;
import dev.tickler.mail.Attachment;
import dev.tickler.mail.FolderCursor;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What storing a first sync's facts costs the storing thread, alone: facts shaped like the 50k sync
 * benchmark's (a sent proposal or note to a buyer, an incoming newsletter in outline), saved in batches of
 * 500 with their cursor into a fresh HSQLDB file database, as {@code MailboxPass} does. Thread CPU, three
 * rounds, each into its own database. Run:
 * {@code mvn -B -q test -Dtest=FactStoreBench -Dbench.facts=50000 -Dbench.jvm="-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}.
 * {@code -Dbench.oldIndex=true} adds back the index by Message-ID that V7 dropped, for the baseline.
 */
@EnabledIfSystemProperty(named = "bench.facts", matches = "\\d+")
class FactStoreBench {

    @TempDir
    Path dir;

    @Test
    void storeAFirstSync() {
        int n = Integer.getInteger("bench.facts");
        boolean oldIndex = Boolean.getBoolean("bench.oldIndex");
        List<ClassifiedMessage> sent = new ArrayList<>();
        List<ClassifiedMessage> inbox = new ArrayList<>();
        Instant base = Instant.parse("2025-06-01T08:00:00Z");
        for (int i = 0; i < n / 2; i++) {
            boolean proposal = i % 5 == 0;
            Address buyer = new Address("Buyer " + i, "b" + (i % 3000) + "@co" + (i % 700) + ".example");
            sent.add(new ClassifiedMessage(new MailMessage("Sent", FolderRole.SENT, i + 1, "<s" + i + "@acme.example>", List.of(),
                    List.of(), new Address("Riley Rep", "riley@acme.example"), List.of(buyer), List.of(),
                    (proposal ? "Proposal " : "Notes ") + i, base.plusSeconds(600L * i), "text/plain; charset=utf-8", Map.of("date",
                    "Sun, 1 Jun 2025 08:00:00 +0000"), proposal ? List.of(new Attachment("Proposal_" + i + ".pdf", "application/pdf", 20_000))
                    : List.of(), null, null, List.of(), null, false),
                    proposal ? new Classification(MessageKind.PROPOSAL, 9, List.of(new Reason("attachment-named", 5,
                            "attachment 'Proposal_" + i + ".pdf' is named like an offer (\"proposal\")"), new Reason("subject-word", 3,
                            "subject mentions \"proposal\""), Reason.of("proposal", "score 9 reaches threshold 5 and mail goes outside")),
                            null, null, "en")
                            : new Classification(MessageKind.OUTBOUND, 0, List.of(Reason.of("not-a-proposal", "score 0 is below threshold 5")))));
            inbox.add(new ClassifiedMessage(new MailMessage("INBOX", FolderRole.INBOX, i + 1, "<i" + i + "@co.example>", List.of(),
                    List.of(), new Address(null, "news@media" + (i % 50) + ".example"), List.of(new Address(null, "riley@acme.example")),
                    List.of(), "Newsletter " + i, base.plusSeconds(600L * i + 300), "text/plain; charset=utf-8", Map.of(), List.of(), null,
                    null, List.of(), null, true), new Classification(MessageKind.INBOUND, 0, List.of(Reason.of("outline",
                    "read in outline: from nobody the rep wrote to")))));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            try (Database db = Database.open("jdbc:hsqldb:file:" + dir.resolve("round" + round).resolve("tickler"), "SA", "")) {
                if (oldIndex) {
                    db.inTransaction(c -> c.createStatement().execute(
                            "CREATE INDEX message_fact_by_message_id ON message_fact (mailbox_id, message_id)"));
                }
                FactRepository facts = new FactRepository(db);
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (List<ClassifiedMessage> folder : List.of(sent, inbox)) {
                    for (int from = 0; from < folder.size(); from += 500) {
                        List<ClassifiedMessage> batch = folder.subList(from, Math.min(folder.size(), from + 500));
                        MailMessage last = batch.get(batch.size() - 1).message();
                        facts.saveBatch("riley", last.folder(), new FolderCursor(1, last.uid()), batch, List.of(), Instant.now());
                    }
                }
                System.out.printf("BENCH store %d facts%s, round %d: %d ms CPU, %d ms wall%n", sent.size() + inbox.size(),
                        oldIndex ? " (with the old index)" : "", round, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
                        (System.nanoTime() - wall) / 1_000_000);
            }
        }
    }
}
