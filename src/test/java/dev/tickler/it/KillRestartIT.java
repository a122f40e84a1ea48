package dev.tickler.it;

import static dev.tickler.testing.TestMailServer.tickler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.demo.Mime;
import dev.tickler.testing.TestMailServer;
import dev.tickler.testing.TestMailServer.Result;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during a sync, again and again, then a clean run: the same pursuits and the same
 * drafts, once each, as a run that was never interrupted. Runs the built jar in a child process.
 */
class KillRestartIT {

    private static final String NOW = "2026-03-12T09:30:00Z";

    @TempDir
    Path dir;

    @Test
    void killingTheProcessMidSyncAndStartingAgainGivesTheSameFactsAndDrafts() throws Exception {
        Path jar = Path.of("target/tickler.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase, before integration tests");
        try (TestMailServer server = new TestMailServer(dir)) {
            Path refPw = server.user("ref", "pw-ref");
            Path killPw = server.user("kill", "pw-kill");
            seed(server, "ref", "pw-ref");
            seed(server, "kill", "pw-kill");

            Path reference = config(server, "ref", refPw, dir.resolve("state-ref"));
            assertEquals(0, tickler("scan", "--config", reference.toString(), "--now", NOW).code());

            Path killed = config(server, "kill", killPw, dir.resolve("state-kill"));
            int interrupted = 0;
            for (int i = 1; i <= 6; i++) {
                Process p = new ProcessBuilder("java", "-jar", jar.toString(), "scan", "--config", killed.toString(), "--now", NOW)
                        .redirectErrorStream(true).redirectOutput(dir.resolve("kill-" + i + ".log").toFile()).start();
                if (!p.waitFor(1_000L + 400L * i, TimeUnit.MILLISECONDS)) { // the JVM itself needs about a second
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no clean close
                    interrupted++;
                }
            }
            assertTrue(interrupted >= 2, "at least two runs were killed mid-way (" + interrupted + ")");
            Result last = tickler("scan", "--config", killed.toString(), "--now", NOW);
            assertEquals(0, last.code(), last.err());

            assertEquals(statusRows(reference), statusRows(killed), "same pursuits, states and next steps");
            List<String> refDrafts = draftIds(server, "ref", "pw-ref");
            List<String> killDrafts = draftIds(server, "kill", "pw-kill");
            assertEquals(refDrafts.size(), new TreeSet<>(killDrafts).size(), "no duplicate draft");
            assertEquals(new TreeSet<>(refDrafts), new TreeSet<>(killDrafts), "the same drafts");
            assertTrue(refDrafts.size() >= 20, "the world has work in it: " + refDrafts.size());
        }
    }

    /** 160 messages: 30 proposals, 10 replies to some of them, and chatter (each a body fetch: GreenMail takes ~45 ms a round trip). */
    private static void seed(TestMailServer server, String login, String password) throws Exception {
        List<MimeMessage> sent = new ArrayList<>();
        List<MimeMessage> inbox = new ArrayList<>();
        Instant base = Instant.parse("2026-02-02T09:00:00Z");
        for (int i = 0; i < 30; i++) {
            String id = "<p" + i + "@acme.example>";
            sent.add(Mime.message().id(id).from("Riley Rep <riley@acme.example>").to("Buyer " + i + " <buyer" + i + "@co" + i + ".example>")
                    .subject("Proposal " + i).date(base.plusSeconds(3600L * i)).text("Hi,\n\nattached is our proposal.")
                    .attach("Proposal_" + i + ".pdf", "application/pdf", 300).build());
            if (i % 3 == 0) {
                inbox.add(Mime.message().id("<r" + i + "@co" + i + ".example>").from("buyer" + i + "@co" + i + ".example")
                        .to("riley@acme.example").subject("RE: Proposal " + i).date(base.plusSeconds(3600L * i + 600))
                        .replyTo(id).text("Let's talk.").build());
            }
        }
        for (int i = 0; i < 120; i++) {
            sent.add(Mime.message().id("<chat" + i + "@acme.example>").from("Riley Rep <riley@acme.example>")
                    .to("friend" + i + "@example.org").subject("Lunch " + i).date(base.plusSeconds(60L * i)).text("Lunch on Tuesday?").build());
        }
        try (Store store = server.connect(login, password)) {
            store.getFolder("Sent").appendMessages(sent.toArray(new Message[0]));
            store.getFolder("INBOX").appendMessages(inbox.toArray(new Message[0]));
        }
    }

    private static Path config(TestMailServer server, String login, Path password, Path state) throws Exception {
        Path file = state.resolveSibling(login + ".yml");
        Files.writeString(file, """
                stateDir: %s
                company: { domains: [acme.example] }
                mailboxes:
                  - id: riley
                    owner: { name: Riley Rep, address: riley@acme.example }
                    timezone: Europe/Berlin
                    imap: { host: 127.0.0.1, port: %d, security: none, username: %s, password: "${file:%s}", batchSize: 10, idle: false }
                """.formatted(state, server.port(), login, password));
        return file;
    }

    private static String statusRows(Path config) {
        Result r = tickler("status", "--config", config.toString(), "--now", NOW);
        assertEquals(0, r.code(), r.err());
        return r.out().replaceAll("(?m)^Mailbox.*$", "");
    }

    private static List<String> draftIds(TestMailServer server, String login, String password) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Store store = server.connect(login, password)) {
            Folder drafts = store.getFolder("Drafts");
            drafts.open(Folder.READ_ONLY);
            for (Message m : drafts.getMessages()) {
                ids.add(((MimeMessage) m).getMessageID());
            }
        }
        return ids;
    }
}
