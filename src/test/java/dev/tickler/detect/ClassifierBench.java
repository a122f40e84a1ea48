package dev.tickler.detect;

import dev.tickler.mail.Address;
import dev.tickler.mail.Attachment;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.RepIdentity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What classifying a first sync's sent mail costs the classifying thread, alone: messages shaped like the 50k sync
 * benchmark's (every fifth a proposal with a PDF, the rest notes to a buyer, each with the bench's text body),
 * classified in turn for several rounds; prints thread CPU per message for each. Run:
 * {@code mvn -B -q test -Dtest=ClassifierBench -Dbench.sent=6600 -Dbench.jvm="-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}.
 */
@EnabledIfSystemProperty(named = "bench.sent", matches = "\\d+")
class ClassifierBench {

    @Test
    void classifyAFirstSyncsSentMail() {
        int n = Integer.getInteger("bench.sent");
        String text = "Hi,\r\n\r\nthanks for the call today. Here are the notes we discussed, and a few thoughts on next steps.\r\n"
                .repeat(8);
        Address rep = new Address("Riley Rep", "riley@acme.example");
        MessageClassifier classifier = new MessageClassifier(new RepIdentity(rep, List.of(), Set.of("acme.example")),
                ZoneId.of("Europe/Berlin"));
        List<MailMessage> sent = new ArrayList<>();
        Instant base = Instant.parse("2025-06-01T08:00:00Z");
        for (int i = 0; i < n; i++) {
            boolean proposal = i % 5 == 0;
            sent.add(new MailMessage("Sent", FolderRole.SENT, i + 1, "<s" + i + "@acme.example>", List.of(), List.of(), rep,
                    List.of(new Address("Buyer " + i, "b" + (i % 3000) + "@co" + (i % 700) + ".example")), List.of(),
                    (proposal ? "Proposal " : "Notes ") + i, base.plusSeconds(600L * i), "text/plain; charset=utf-8",
                    Map.of("date", "Sun, 1 Jun 2025 08:00:00 +0000"),
                    proposal ? List.of(new Attachment("Proposal_" + i + ".pdf", "application/pdf", 20_000)) : List.of(),
                    proposal ? "Attached is our proposal.\r\n" + text : text, null, List.of(), null, false));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 6; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            int proposals = 0;
            for (MailMessage m : sent) {
                proposals += classifier.classify(m).kind() == MessageKind.PROPOSAL ? 1 : 0;
            }
            System.out.printf("BENCH classify round %d: %d sent messages, %d proposals, %.1f us CPU per message%n", round, n, proposals,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n);
        }
    }
}
