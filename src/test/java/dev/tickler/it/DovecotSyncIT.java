package dev.tickler.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.config.TicklerConfig;
import dev.tickler.demo.Mime;
import dev.tickler.pursuit.PursuitState;
import dev.tickler.runtime.PassReport;
import dev.tickler.runtime.Tickler;
import dev.tickler.testing.DovecotServer;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental sync against Dovecot, which has what GreenMail lacks: CONDSTORE and SPECIAL-USE. */
class DovecotSyncIT {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-12T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private DovecotServer dovecot;
    private TicklerConfig config;

    @BeforeEach
    void start() throws Exception {
        dovecot = DovecotServer.start(Map.of("riley", "pw"), Map.of("Sent", "\\Sent", "Drafts", "\\Drafts"));
        Files.writeString(dir.resolve("pw"), "pw");
        config = dovecot.config("riley", dir.resolve("pw"), "", "");
        try (Store store = connect()) {
            store.getFolder("Sent").appendMessages(new Message[] {Mime.message().id("<p1@acme.example>")
                    .from("Riley Rep <riley@acme.example>").to("Gina Glass <gina@globex.example>").subject("Proposal: Globex")
                    .date(Instant.parse("2026-03-02T10:00:00Z")).text("Hi Gina, attached is our proposal.")
                    .attach("Proposal.pdf", "application/pdf", 500).build()});
        }
    }

    @AfterEach
    void stop() throws Exception {
        dovecot.close();
    }

    @Test
    void anUnchangedFolderCostsOneStatusAndNoFetchAndAFlagChangeIsStillNoticed() throws Exception {
        try (Tickler tickler = Tickler.start(config, NOW)) {
            PassReport first = tickler.scan(false, NOW).get(0);
            assertEquals(1, first.messagesRead());
            assertEquals(1, first.placed().size());
            PassReport second = tickler.scan(false, NOW).get(0);
            assertEquals(2, second.unchangedFolders(), "Sent and INBOX proved unchanged by STATUS HIGHESTMODSEQ");
            assertEquals(0, second.messagesRead());

            tag("Sent", "$TicklerClosed");
            PassReport third = tickler.scan(false, NOW).get(0);
            assertEquals(1, third.unchangedFolders(), "only INBOX is unchanged: a flag changed in Sent");
            assertEquals(PursuitState.CLOSED, third.pursuits().get(0).state());
            assertEquals(1, third.retracted().size(), "the unsent draft of the closed pursuit is retracted");
            assertEquals(0, count("Drafts"));
        }
    }

    @Test
    void mailExpungedBeforeAnyPassReadItDoesNotKeepTheFolderChanged() throws Exception {
        try (Tickler tickler = Tickler.start(config, NOW)) {
            tickler.scan(false, NOW);
            try (Store store = connect()) {
                store.getFolder("INBOX").appendMessages(new Message[] {Mime.message().id("<gone@media.example>").from("news@media.example")
                        .to("riley@acme.example").subject("News").date(NOW.instant()).text("Hello").build()});
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                inbox.setFlags(inbox.getMessages(), new Flags(Flags.Flag.DELETED), true);
                inbox.close(true);
            }
            assertEquals(1, tickler.scan(false, NOW).get(0).unchangedFolders(), "INBOX changed (its modseq moved): read, nothing in it");
            assertEquals(2, tickler.scan(false, NOW).get(0).unchangedFolders(), "then unchanged again by one STATUS");
        }
    }

    @Test
    void aNewUidValidityRereadsTheFolderWithoutDuplicatingFactsOrDrafts() throws Exception {
        try (Tickler tickler = Tickler.start(config, NOW)) {
            PassReport first = tickler.scan(false, NOW).get(0);
            assertEquals(1, first.placed().size());
            recreateSent();
            PassReport again = tickler.scan(false, NOW).get(0);
            assertEquals(1, again.messagesRead(), "Sent read again from UID 1");
            assertEquals(1, again.pursuits().size(), "one pursuit, not two");
            assertTrue(again.placed().isEmpty());
            assertEquals(1, count("Drafts"), "no second draft");
        }
    }

    @Test
    void aDraftTheRepExpungesIsNoticedAsDismissed() throws Exception {
        try (Tickler tickler = Tickler.start(config, NOW)) {
            tickler.scan(false, NOW);
            try (Store store = connect()) {
                Folder drafts = store.getFolder("Drafts");
                drafts.open(Folder.READ_WRITE);
                drafts.setFlags(drafts.getMessages(), new Flags(Flags.Flag.DELETED), true);
                drafts.close(true);
            }
            PassReport after = tickler.scan(false, NOW).get(0);
            assertEquals(1, after.dismissed());
            assertTrue(after.placed().isEmpty(), "the next one waits a full interval");
        }
    }

    /**
     * Outlook over IMAP and Thunderbird's "mark as deleted" mode delete by flag and leave the expunge for later: noticed
     * by the same process following Drafts by QRESYNC (a flag change), and by a new one listing Drafts in full.
     */
    @Test
    void aDraftTheRepOnlyMarksDeletedIsDismissedToo() throws Exception {
        try (Tickler tickler = Tickler.start(config, NOW)) {
            assertEquals(1, tickler.scan(false, NOW).get(0).placed().size());
            markDraftsDeleted();
            PassReport followed = tickler.scan(false, NOW).get(0);
            assertEquals(1, followed.dismissed(), "noticed as the rep's deletion");
            assertTrue(followed.placed().isEmpty(), "the next one waits a full interval");
            assertEquals(1, count("Drafts"), "Tickler expunges nothing of the rep's");
        }
    }

    @Test
    void aDraftMarkedDeletedIsDismissedByANewProcessListingDraftsInFull() throws Exception {
        try (Tickler tickler = Tickler.start(config, NOW)) {
            assertEquals(1, tickler.scan(false, NOW).get(0).placed().size());
            markDraftsDeleted();
            try (Tickler another = Tickler.start(config, NOW)) { // the same store (kept open by the first), its own listing
                assertEquals(1, another.scan(false, NOW).get(0).dismissed());
            }
        }
    }

    /**
     * Gmail's and Exchange's SEARCH match words, not substrings, and Gmail's index lags behind an APPEND: a search for
     * Tickler's Message-IDs could find none of the drafts that are there, and count them as deleted by the rep. Played
     * here by a proxy that makes every search of a Message-ID match nothing.
     */
    @Test
    void draftsAreFoundWhereTheServersSearchWouldMissThem() throws Exception {
        try (dev.tickler.testing.LatencyProxy searchFindsNothing = dev.tickler.testing.LatencyProxy.start(dovecot.port(),
                java.time.Duration.ZERO, command -> command.replaceAll("(?i)(HEADER Message-ID \"?)<", "$1<nowhere-"))) {
            TicklerConfig viaProxy = DovecotServer.configVia(searchFindsNothing.port(), "jdbc:hsqldb:mem:" + java.util.UUID.randomUUID(),
                    "riley", dir.resolve("pw"), "", "");
            try (Tickler tickler = Tickler.start(viaProxy, NOW)) {
                assertEquals(1, tickler.scan(false, NOW).get(0).placed().size());
                try (Tickler another = Tickler.start(viaProxy, NOW)) { // a new process lists Drafts in full
                    PassReport next = another.scan(false, NOW).get(0);
                    assertEquals(0, next.dismissed(), "the draft is there: not deleted by the rep");
                    assertTrue(next.placed().isEmpty());
                }
                tag("Sent", "$TicklerClosed");
                assertEquals(1, tickler.scan(false, NOW).get(0).retracted().size(), "found to be retracted, too");
                assertEquals(0, count("Drafts"));
            }
        }
    }

    private void markDraftsDeleted() throws Exception {
        try (Store store = connect()) {
            Folder drafts = store.getFolder("Drafts");
            drafts.open(Folder.READ_WRITE);
            drafts.setFlags(drafts.getMessages(), new Flags(Flags.Flag.DELETED), true);
            drafts.close(false); // no expunge
        }
    }

    @Test
    void withQresyncDraftsAreListedOnceThenFollowedByWhatVanishedAndWhatWasAppended() throws Exception {
        appendDraft("<tickler-a-1@acme.example>", "First reminder");
        appendDraft("<tickler-b-1@acme.example>", "Second reminder");
        appendDraft("<rep-own@acme.example>", "The rep's own draft");
        dev.tickler.imap.OwnDrafts memory = new dev.tickler.imap.OwnDrafts();
        java.util.Map<String, String> first;
        try (var imap = dev.tickler.imap.ImapMailbox.connect("riley", settings(), NOW, memory)) {
            first = imap.ownDrafts();
        }
        assertEquals(java.util.Set.of("<tickler-a-1@acme.example>", "<tickler-b-1@acme.example>"), first.keySet());
        assertEquals(1, memory.fullListings());

        // The rep deletes one draft, and edits the other (a client appends the new version and expunges the old).
        try (Store store = connect()) {
            Folder drafts = store.getFolder("Drafts");
            drafts.open(Folder.READ_WRITE);
            Message[] all = drafts.getMessages();
            drafts.setFlags(new Message[] {all[0], all[1]}, new Flags(Flags.Flag.DELETED), true);
            drafts.close(true);
        }
        appendDraft("<tickler-b-1@acme.example>", "Second reminder, with Thursday at 10 instead");
        java.util.Map<String, String> second;
        try (var imap = dev.tickler.imap.ImapMailbox.connect("riley", settings(), NOW, memory)) {
            second = imap.ownDrafts();
            assertEquals(second, imap.ownDrafts(), "unchanged: the same");
        }
        assertEquals(1, memory.fullListings(), "followed by QRESYNC, not listed again");
        assertEquals(java.util.Set.of("<tickler-b-1@acme.example>"), second.keySet());
        assertFalse(first.get("<tickler-b-1@acme.example>").equals(second.get("<tickler-b-1@acme.example>")), "the edit is seen");
        try (var fresh = dev.tickler.imap.ImapMailbox.connect("riley", settings(), NOW)) {
            assertEquals(fresh.ownDrafts(), second, "what a full listing finds");
        }
    }

    @Test
    void aDraftInTwoCopiesIsRemovedWholeAfterAQresyncListing() throws Exception {
        // After a listing with QRESYNC the pooled connection reports expunges as VANISHED; Angus 2.0.5 fails on a
        // VANISHED of two UIDs, so the copies are expunged one by one.
        appendDraft("<tickler-x-1@acme.example>", "Reminder");
        appendDraft("<tickler-x-1@acme.example>", "Reminder");
        dev.tickler.imap.OwnDrafts memory = new dev.tickler.imap.OwnDrafts();
        try (var imap = dev.tickler.imap.ImapMailbox.connect("riley", settings(), NOW, memory)) {
            imap.ownDrafts();
        }
        try (var imap = dev.tickler.imap.ImapMailbox.connect("riley", settings(), NOW, memory)) {
            assertEquals(java.util.Set.of("<tickler-x-1@acme.example>"), imap.ownDrafts().keySet());
            assertTrue(imap.remove("<tickler-x-1@acme.example>"));
            assertTrue(imap.ownDrafts().isEmpty());
        }
        assertEquals(0, count("Drafts"));
        assertEquals(1, memory.fullListings());
    }

    private void appendDraft(String messageId, String text) throws Exception {
        try (Store store = connect()) {
            store.getFolder("Drafts").appendMessages(new Message[] {Mime.message().id(messageId).from("Riley Rep <riley@acme.example>")
                    .to("Gina Glass <gina@globex.example>").subject("Re: Proposal: Globex").date(Instant.parse("2026-03-05T10:00:00Z"))
                    .text(text).build()});
        }
    }

    private dev.tickler.imap.ImapSettings settings() {
        return new dev.tickler.imap.ImapSettings("127.0.0.1", dovecot.port(), dev.tickler.imap.ImapSettings.Security.NONE,
                dev.tickler.imap.ImapSettings.Auth.PASSWORD, "riley", () -> "pw", java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.List.of(), java.time.Duration.ofSeconds(10), 100, java.util.Optional.empty(), () -> null);
    }

    @Test
    void aServerRestartBetweenPassesFailsOnePassAndLosesNothing() throws Exception {
        try (Tickler tickler = Tickler.start(config, NOW)) {
            tickler.scan(false, NOW);
            dovecot.stop();
            PassReport down = tickler.scan(false, NOW).get(0);
            assertTrue(down.failed());
            assertTrue(down.failure().message().contains("can't connect"), down.failure().message());
            dovecot.restart();
            PassReport up = tickler.scan(false, NOW).get(0);
            assertFalse(up.failed(), () -> up.failure().message());
            assertEquals(1, up.pursuits().size());
            assertEquals(PursuitState.DRAFTED, up.pursuits().get(0).state());
            assertEquals(1, count("Drafts"));
        }
    }

    @Test
    void aWrongPasswordIsAPermanentFailureSoTheDaemonParksTheMailbox() throws Exception {
        Files.writeString(dir.resolve("pw"), "wrong");
        try (Tickler tickler = Tickler.start(config, NOW)) {
            PassReport report = tickler.scan(false, NOW).get(0);
            assertTrue(report.failed());
            assertEquals(dev.tickler.mail.MailboxException.Kind.PERMANENT, report.failure().kind());
            assertTrue(report.failure().message().contains("login to 127.0.0.1:" + dovecot.port() + " failed"), report.failure().message());

            dev.tickler.runtime.Daemon daemon = new dev.tickler.runtime.Daemon(tickler, NOW);
            daemon.start();
            try {
                awaitNextAttempt(tickler);
            } finally {
                daemon.stop(java.time.Duration.ofSeconds(10));
            }
            dev.tickler.store.MailboxHealthRepository.Health health = tickler.health("riley").orElseThrow();
            assertEquals("PERMANENT", health.failureKind());
            assertEquals(2, health.failures(), "the scan's failed pass and the daemon's");
            assertEquals(NOW.instant(), health.failingSince());
            assertEquals(NOW.instant().plus(java.time.Duration.ofHours(1)), health.nextAttemptAt(), "parked: retried in an hour");
            assertTrue(health.problem().startsWith("login to 127.0.0.1:" + dovecot.port() + " failed"), health.problem());
        }
    }

    /** A parked mailbox whose IDLE still works: new mail used to start a pass (and a failed one) per message. */
    @Test
    void newMailDoesNotRunTheFailingPassesOfAParkedMailboxAgain() throws Exception {
        TicklerConfig missingFolder = dovecot.config("riley", dir.resolve("pw"), ", folders: { scan: [Nope] }", "pollInterval: 1h\n");
        try (Tickler tickler = Tickler.start(missingFolder, NOW)) {
            dev.tickler.runtime.Daemon daemon = new dev.tickler.runtime.Daemon(tickler, NOW);
            daemon.start();
            try {
                awaitNextAttempt(tickler);
                assertEquals("PERMANENT", tickler.health("riley").orElseThrow().failureKind());
                awaitIdling(daemon); // else the new mail below would trigger nothing, fix or not
                try (Store store = connect()) {
                    for (int i = 0; i < 3; i++) {
                        store.getFolder("INBOX").appendMessages(new Message[] {Mime.message().id("<news" + i + "@media.example>")
                                .from("news@media.example").to("riley@acme.example").subject("News " + i).date(NOW.instant())
                                .text("Hello").build()});
                        Thread.sleep(700);
                    }
                }
                Thread.sleep(2_000);
            } finally {
                daemon.stop(java.time.Duration.ofSeconds(10));
            }
            assertEquals(1, tickler.health("riley").orElseThrow().failures(), "only the scheduled pass ran; the next is in an hour");
        }
    }

    /**
     * The IDLE watcher tried a refused login again after 5 s, 10 s, 20 s … and then every 5 minutes, while the passes were
     * parked for an hour: enough failed logins to lock an account or get the host banned, which blocks every mailbox there.
     */
    @Test
    void aRefusedIdleLoginIsNotTriedAgainForAnHour() throws Exception {
        try (dev.tickler.testing.LatencyProxy link = dev.tickler.testing.LatencyProxy.start(dovecot.port(), java.time.Duration.ZERO)) {
            dev.tickler.imap.ImapSettings wrong = new dev.tickler.imap.ImapSettings("127.0.0.1", link.port(),
                    dev.tickler.imap.ImapSettings.Security.NONE, dev.tickler.imap.ImapSettings.Auth.PASSWORD, "riley", () -> "wrong",
                    java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of(), java.time.Duration.ofSeconds(10), 100,
                    java.util.Optional.empty(), () -> null);
            try (dev.tickler.imap.IdleWatcher watcher = new dev.tickler.imap.IdleWatcher("riley", wrong, () -> { },
                    java.time.Duration.ofMinutes(3))) {
                watcher.start();
                Thread.sleep(12_000); // the old first retry came 5 s after the refusal, which Dovecot delays by about 2 s
                assertEquals(1, link.connections(), "one refused login, then an hour's wait");
            }
        }
    }

    @Test
    void aReplyArrivingDuringIdleRetractsTheDraftWithinSeconds() throws Exception {
        TicklerConfig daemonConfig = config.withMailboxes(config.mailboxes(), java.time.Duration.ofHours(1));
        try (Tickler tickler = Tickler.start(daemonConfig, NOW)) {
            dev.tickler.runtime.Daemon daemon = new dev.tickler.runtime.Daemon(tickler, NOW);
            daemon.start();
            try {
                awaitCount("Drafts", 1);
                awaitIdling(daemon);
                long start = System.nanoTime();
                try (Store store = connect()) {
                    store.getFolder("INBOX").appendMessages(new Message[] {Mime.message().id("<yes@globex.example>")
                            .from("Gina Glass <gina@globex.example>").to("riley@acme.example").subject("RE: Proposal: Globex")
                            .date(NOW.instant()).replyTo("<p1@acme.example>").text("Yes.").build()});
                }
                awaitCount("Drafts", 0);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < 15_000, "took " + ms + " ms");
            } finally {
                daemon.stop(java.time.Duration.ofSeconds(10));
            }
        }
    }

    /** Waits until the daemon's IDLE connection for riley is up. */
    private static void awaitIdling(dev.tickler.runtime.Daemon daemon) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!daemon.idling("riley") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(daemon.idling("riley"), "IDLE is up");
        Thread.sleep(300); // INBOX is open; IDLE itself is the next command
    }

    /** Waits until the daemon has recorded when it will try the failing mailbox again. */
    private static void awaitNextAttempt(Tickler tickler) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (tickler.health("riley").map(h -> h.nextAttemptAt() == null).orElse(true) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void awaitCount(String folder, int expected) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int n = -1;
        while (System.nanoTime() < deadline) {
            n = count(folder);
            if (n == expected) {
                return;
            }
            Thread.sleep(200);
        }
        assertEquals(expected, n);
    }

    private void tag(String folderName, String keyword) throws Exception {
        try (Store store = connect()) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_WRITE);
            folder.setFlags(folder.getMessages(), new Flags(keyword), true);
            folder.close(false);
        }
    }

    /** Sent deleted and created again with the same mail: a new UIDVALIDITY, as after a server migration. */
    private void recreateSent() throws Exception {
        try (Store store = connect()) {
            Folder sent = store.getFolder("Sent");
            sent.open(Folder.READ_ONLY);
            Message[] copies = new Message[sent.getMessageCount()];
            for (int i = 0; i < copies.length; i++) {
                copies[i] = new jakarta.mail.internet.MimeMessage((jakarta.mail.internet.MimeMessage) sent.getMessage(i + 1));
            }
            sent.close(false);
            sent.delete(false);
            store.getFolder("Sent").create(Folder.HOLDS_MESSAGES);
            store.getFolder("Sent").appendMessages(copies);
        }
    }

    private int count(String folder) throws Exception {
        try (Store store = connect()) {
            return store.getFolder(folder).getMessageCount();
        }
    }

    private Store connect() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.port(), "riley", "pw");
        return store;
    }
}
