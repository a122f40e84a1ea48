package dev.tickler.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.config.TicklerConfig;
import dev.tickler.mail.MailboxException;
import dev.tickler.runtime.PassReport;
import dev.tickler.runtime.PursuitView;
import dev.tickler.runtime.Tickler;
import dev.tickler.testing.DovecotServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IMAP server stopped in the middle of a first sync, with some batches stored and the rest not yet read, then
 * started again: that pass fails as a transient failure, and the next one goes on from the stored cursors to the
 * same facts, pursuits and drafts as a sync that was never interrupted (of an identical mailbox, on the same server).
 */
class DovecotRestartIT {

    /** Mail from 2025-06-01, 600 s apart (ImapSyncBench's world): on Tuesday 24 June the unanswered ones are due. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-06-24T08:00:00Z"), ZoneOffset.UTC);
    private static final int MESSAGES = 6_000;

    @TempDir
    Path dir;

    @Test
    void aServerStoppedMidSyncFailsThatPassAndTheNextFinishesItAsAnUninterruptedSyncWould() throws Exception {
        try (DovecotServer dovecot = DovecotServer.start(Map.of("riley", "pw", "ref", "pw"), Map.of("Sent", "\\Sent", "Drafts", "\\Drafts"))) {
            ImapSyncBench.write(dovecot.maildir("riley"), MESSAGES, 600);
            ImapSyncBench.write(dovecot.maildir("ref"), MESSAGES, 600);
            dovecot.fixOwnership();
            Files.writeString(dir.resolve("pw"), "pw");
            String referenceDb = "jdbc:hsqldb:mem:" + UUID.randomUUID();
            String db = "jdbc:hsqldb:mem:" + UUID.randomUUID();

            List<String> expected;
            List<String> expectedFacts;
            try (Tickler tickler = Tickler.start(config(dovecot, referenceDb, "ref"), NOW)) {
                PassReport uninterrupted = tickler.scan(false, NOW).get(0);
                assertFalse(uninterrupted.failed(), () -> uninterrupted.failure().message());
                expected = decisions(uninterrupted);
                expectedFacts = facts(referenceDb);
            }
            List<String> expectedDrafts = draftIds(dovecot, "ref");
            assertTrue(expectedDrafts.size() >= 100, "the world has work in it: " + expectedDrafts.size() + " drafts");

            try (Tickler tickler = Tickler.start(config(dovecot, db, "riley"), NOW)) {
                CompletableFuture<PassReport> pass = CompletableFuture.supplyAsync(() -> tickler.scan(false, NOW).get(0));
                awaitFirstBatch(db, pass);
                dovecot.stop();
                PassReport cut = pass.get(60, TimeUnit.SECONDS);
                assertTrue(cut.failed(), "the pass ended before the server was stopped: the world is too small for this test");
                assertEquals(MailboxException.Kind.TRANSIENT, cut.failure().kind(), cut.failure().message());
                int kept = facts(db).size();
                assertTrue(kept > 0 && kept < expectedFacts.size(),
                        "stopped mid-sync: " + kept + " of " + expectedFacts.size() + " facts stored");
                assertTrue(cut.placed().isEmpty(), "nothing drafted from half a mailbox");

                dovecot.restart();
                PassReport resumed = tickler.scan(false, NOW).get(0);
                assertFalse(resumed.failed(), () -> resumed.failure().message());
                assertEquals(expectedFacts.size() - kept, resumed.messagesRead(), "went on from the cursors: nothing read twice");
                assertEquals(expected, decisions(resumed), "the same pursuits, states and next steps");
                assertEquals(expectedFacts, facts(db), "the same facts, none twice");
                assertEquals(expectedDrafts, draftIds(dovecot, "riley"), "the same drafts, each once");

                PassReport again = tickler.scan(false, NOW).get(0);
                assertEquals(0, again.messagesRead());
                assertTrue(again.placed().isEmpty(), "a later pass adds nothing");
            }
        }
    }

    /** Waits until the pass has committed its first batch (facts with their cursor), while it still runs. */
    private static void awaitFirstBatch(String db, CompletableFuture<PassReport> pass) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            int n = facts(db).size();
            assertFalse(pass.isDone(), "the pass ended before its first batch was seen");
            if (n > 0) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no batch stored within 60 s");
    }

    /** Both mailboxes have the id "riley", so that their drafts' Message-IDs (a hash of it) compare. */
    private TicklerConfig config(DovecotServer dovecot, String db, String user) {
        return dovecot.config(db, user, dir.resolve("pw"), ", batchSize: 100, idle: false", "");
    }

    private static List<String> decisions(PassReport report) {
        List<String> out = new ArrayList<>();
        for (PursuitView v : report.pursuits()) {
            out.add(v.pursuit().proposal().message().messageId() + " " + v.state() + " " + v.decision().action() + " "
                    + v.decision().step() + " " + v.decision().dueAt());
        }
        out.sort(null);
        return out;
    }

    /** Every stored fact as folder, Message-ID, kind and date (UIDs may differ between the two mailboxes), sorted. */
    private static List<String> facts(String db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db, "SA", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT folder, message_id, kind, sent_at FROM message_fact")) {
            while (r.next()) {
                out.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getLong(4));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> draftIds(DovecotServer dovecot, String user) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.port(), user, "pw");
        try (store) {
            Folder drafts = store.getFolder("Drafts");
            drafts.open(Folder.READ_ONLY);
            List<String> ids = new ArrayList<>();
            for (Message m : drafts.getMessages()) {
                ids.add(m.getHeader("Message-ID")[0]);
            }
            drafts.close(false);
            ids.sort(null);
            return ids;
        }
    }
}
