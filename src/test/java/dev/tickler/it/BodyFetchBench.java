package dev.tickler.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tickler.demo.Mime;
import dev.tickler.testing.TestMailServer;
import jakarta.mail.Message;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a test (its name matches no test pattern, so only this runs it):
 * {@code mvn -B -q verify -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BodyFetchBench}.
 * One {@code tickler scan} of 400 messages that each need their body read (the rep's mail to
 * outsiders) on GreenMail; prints the wall time of each of three runs. See docs/BENCHMARKS.md.
 */
class BodyFetchBench {

    @TempDir
    Path dir;

    @RepeatedTest(3)
    void firstSyncOf400MessagesWhoseBodiesAreNeeded() throws Exception {
        try (TestMailServer server = new TestMailServer(dir)) {
            Path pw = server.user("riley", "pw");
            List<Message> sent = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                sent.add(Mime.message().id("<m" + i + "@acme.example>").from("Riley Rep <riley@acme.example>").to("x" + i + "@co.example")
                        .subject("Note " + i).date(Instant.parse("2026-02-02T09:00:00Z").plusSeconds(i)).text("Hello there, about Tuesday.").build());
            }
            try (Store store = server.connect("riley", "pw")) {
                store.getFolder("Sent").appendMessages(sent.toArray(new Message[0]));
            }
            Path config = server.config(TestMailServer.mailbox("riley", server.port(), pw, "batchSize: 200, idle: false"));
            long start = System.nanoTime();
            TestMailServer.Result r = TestMailServer.tickler("scan", "--config", config.toString(), "--now", "2026-03-12T09:30:00Z");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, r.code(), r.err());
            System.out.println("BENCH body-fetch: 400 messages, first sync " + ms + " ms");
        }
    }
}
