package dev.tickler.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tickler.cli.Main;
import dev.tickler.demo.Mime;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickler scan} end to end: a YAML file, the real CLI, GreenMail over IMAP. Exit codes,
 * one-line failures, malformed mail, and one bad mailbox not stopping the others.
 */
class ScanCommandIT {

    private static final String NOW = "2026-03-12T09:30:00Z";
    private static final Instant PROPOSAL_DATE = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;
    private GreenMail greenMail;
    private Path passwordFile;

    @BeforeEach
    void start() throws Exception {
        greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.start();
        greenMail.setUser("riley@acme.example", "riley", "pw-riley");
        greenMail.setUser("sam@acme.example", "sam", "pw-sam");
        passwordFile = dir.resolve("riley.pw");
        Files.writeString(passwordFile, "pw-riley\n");
        Files.writeString(dir.resolve("sam.pw"), "pw-sam\n");
        createFolders("riley", "pw-riley");
        createFolders("sam", "pw-sam");
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void scanDraftsTheReminderAndExitsZero() throws Exception {
        append("riley", "pw-riley", "Sent", proposal("<p1@acme.example>", "Gina Glass <gina@globex.example>"));
        Result r = tickler("scan", "--config", config(mailbox("riley", imapPort(), passwordFile)).toString(), "--now", NOW);
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("reminder #1"), r.out);
        assertTrue(r.out.contains("Drafts written:"), r.out);
        assertEquals(1, count("riley", "pw-riley", "Drafts"));

        Result status = tickler("status", "--config", config(mailbox("riley", imapPort(), passwordFile)).toString(), "--now", NOW);
        assertEquals(0, status.code, status.err);
        assertTrue(status.out.contains("drafted"), status.out);
        assertTrue(status.out.contains("Gina Glass <gina@globex.example>"), status.out);
    }

    @Test
    void aDryRunPrintsDecisionsAndWritesNothing() throws Exception {
        append("riley", "pw-riley", "Sent", proposal("<p1@acme.example>", "Gina Glass <gina@globex.example>"));
        Path config = config(mailbox("riley", imapPort(), passwordFile));
        Result r = tickler("scan", "--dry-run", "--config", config.toString(), "--now", NOW);
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Drafts that would be written:"), r.out);
        assertEquals(0, count("riley", "pw-riley", "Drafts"));
        Result status = tickler("status", "--config", config.toString(), "--now", NOW);
        assertTrue(status.out.contains("(no proposals found)"), status.out);
    }

    @Test
    void aWrongPasswordFailsThatMailboxWithOneLineAndExitOneWhileTheOtherMailboxIsServed() throws Exception {
        append("sam", "pw-sam", "Sent", proposal("<s1@acme.example>", "Hank Hill <hank@strickland.example>"));
        Path wrong = dir.resolve("wrong.pw");
        Files.writeString(wrong, "not-the-password");
        Path config = config(mailbox("riley", imapPort(), wrong) + mailbox("sam", imapPort(), dir.resolve("sam.pw")));
        Result r = tickler("scan", "--config", config.toString(), "--now", NOW);
        assertEquals(1, r.code);
        assertTrue(r.err.contains("tickler: mailbox riley failed: mailbox riley: login to 127.0.0.1:" + imapPort() + " failed"), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
        assertEquals(1, count("sam", "pw-sam", "Drafts"), "sam's draft is written although riley failed");
    }

    @Test
    void anUnreachableServerFailsWithOneLineAndExitOne() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Result r = tickler("scan", "--config", config(mailbox("riley", closedPort, passwordFile)).toString(), "--now", NOW);
        assertEquals(1, r.code);
        assertTrue(r.err.contains("mailbox riley: can't connect to 127.0.0.1:" + closedPort), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
    }

    @Test
    void aBadConfigurationExitsTwoAndNamesTheKey() throws Exception {
        Path config = config(mailbox("riley", 0, passwordFile));
        Result r = tickler("scan", "--config", config.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("mailboxes[0].imap.port: must be 1..65535, was 0"), r.err);
    }

    @Test
    void unknownOptionsAndBadTimesAreUsageErrors() throws Exception {
        assertEquals(2, tickler("scan", "--frobnicate").code);
        Result r = tickler("scan", "--config", config(mailbox("riley", imapPort(), passwordFile)).toString(), "--now", "tuesday");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--now: expected an ISO-8601 time"), r.err);
    }

    @Test
    void checkConfigPrintsTheEffectiveConfigurationWithoutSecrets() throws Exception {
        Result r = tickler("check-config", "--config", config(mailbox("riley", imapPort(), passwordFile)).toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("is valid"), r.out);
        assertTrue(r.out.contains("password=****(file:"), r.out);
        assertFalse(r.out.contains("pw-riley"));
    }

    @Test
    void malformedMessagesAreCountedAndSkippedWhileThePassCompletes() throws Exception {
        append("riley", "pw-riley", "Sent", proposal("<p1@acme.example>", "Gina Glass <gina@globex.example>"));
        appendRaw("riley", "pw-riley", "INBOX", """
                From: Broken <broken@globex.example>
                To: riley@acme.example
                Subject: broken boundary
                Date: Tue, 3 Mar 2026 10:00:00 +0000
                Message-ID: <broken@globex.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="never-used"

                --wrong-boundary
                Content-Type: text/plain

                text
                """);
        appendRaw("riley", "pw-riley", "Sent", """
                From: Riley Rep <riley@acme.example>
                To: Gus <gus@pollos.example>
                Subject: Our quote
                Date: Tue, 3 Mar 2026 10:00:00 +0000
                Message-ID: <charset@acme.example>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=x-no-such-charset-42

                Please find attached our quote.
                """);
        appendRaw("riley", "pw-riley", "Sent", """
                From: Riley Rep <riley@acme.example>
                To: Walt <walt@graymatter.example>
                Subject: Proposal for Gray Matter
                Message-ID: <nodate@acme.example>
                MIME-Version: 1.0
                Content-Type: text/plain

                Attached is our proposal.
                """);
        Result r = tickler("scan", "--config", config(mailbox("riley", imapPort(), passwordFile)).toString(), "--now", NOW);
        assertEquals(0, r.code, r.err);
        // GreenMail puts the arrival time into the ENVELOPE of a message without Date, so the
        // missing-Date path is pinned in MessageMapperTest; here it must simply not break the pass.
        assertTrue(r.out.contains("Mailbox riley: 4 new message(s), 0 skipped as unreadable, 2 read with defects; 2 pursuit(s)"), r.out);
        assertTrue(r.err.contains("Sent#2: read with defects: [body in an unknown charset"), r.err);
        assertTrue(r.err.contains("INBOX#1: read with defects: [unreadable MIME structure"), r.err);
        assertFalse(r.err.contains("Please find"), "no body in logs");
        assertFalse(r.err.contains("gina@globex.example"), "no addresses in INFO logs");
        assertEquals(1, count("riley", "pw-riley", "Drafts"), "Gina's proposal is drafted despite its malformed neighbours");
    }

    // --- helpers ------------------------------------------------------------------------------

    private record Result(int code, String out, String err) {
    }

    private static Result tickler(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream logs = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(logs, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(), err + logs.toString(StandardCharsets.UTF_8));
    }

    private int imapPort() {
        return greenMail.getImap().getPort();
    }

    private Path config(String mailboxes) throws Exception {
        Path file = dir.resolve("tickler-" + System.nanoTime() + ".yml");
        Files.writeString(file, """
                stateDir: %s
                company: { domains: [acme.example] }
                templates: %s
                mailboxes:
                %s""".formatted(dir.resolve("state"), Path.of("templates").toAbsolutePath(), mailboxes));
        return file;
    }

    private static String mailbox(String id, int port, Path password) {
        return """
                  - id: %s
                    owner: { name: %s Rep, address: %s@acme.example }
                    timezone: Europe/Berlin
                    imap: { host: 127.0.0.1, port: %d, security: none, username: %s, password: "${file:%s}", timeoutSeconds: 5 }
                """.formatted(id, id, id, port, id, password);
    }

    private static MimeMessage proposal(String id, String to) throws Exception {
        return Mime.message().id(id).from("Riley Rep <riley@acme.example>").to(to).subject("Proposal")
                .date(PROPOSAL_DATE).text("Hi,\n\nattached is our proposal.").attach("Proposal.pdf", "application/pdf", 1000).build();
    }

    private Store connect(String login, String password) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort(), login, password);
        return store;
    }

    private void createFolders(String login, String password) throws Exception {
        try (Store store = connect(login, password)) {
            store.getFolder("Sent").create(Folder.HOLDS_MESSAGES);
            store.getFolder("Drafts").create(Folder.HOLDS_MESSAGES);
        }
    }

    private void append(String login, String password, String folder, MimeMessage m) throws Exception {
        try (Store store = connect(login, password)) {
            store.getFolder(folder).appendMessages(new Message[] {m});
        }
    }

    private void appendRaw(String login, String password, String folder, String raw) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        append(login, password, folder, m);
    }

    private int count(String login, String password, String folder) throws Exception {
        try (Store store = connect(login, password)) {
            Folder f = store.getFolder(folder);
            return f.getMessageCount();
        }
    }
}
