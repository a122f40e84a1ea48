package dev.tickler.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.cli.Main;
import dev.tickler.demo.Mime;
import dev.tickler.testing.DovecotServer;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickler scan} against a real Dovecot whose Sent and Drafts carry SPECIAL-USE attributes
 * under names Tickler would never guess, with the rep's messages' flags checked before and after.
 */
class DovecotScanIT {

    private static final String SENT = "Outbox Archive";
    private static final String DRAFTS = "Brouillons perso";

    @TempDir
    static Path dir;
    private static DovecotServer dovecot;

    @BeforeAll
    static void start() throws Exception {
        dovecot = DovecotServer.start(Map.of("riley", "pw-riley"),
                Map.of(SENT, "\\Sent", DRAFTS, "\\Drafts", "Sent", "", "Drafts", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void findsTheSpecialUseFoldersDraftsOnceAndLeavesTheRepsMailUntouched() throws Exception {
        try (Store store = connect()) {
            Folder sent = store.getFolder(SENT);
            sent.appendMessages(new Message[] {Mime.message().id("<p1@acme.example>").from("Riley Rep <riley@acme.example>")
                    .to("Gina Glass <gina@globex.example>").subject("Proposal: Globex rollout")
                    .date(Instant.parse("2026-03-02T10:00:00Z")).text("Hi Gina,\n\nattached is our proposal.")
                    .attach("Globex_Proposal.pdf", "application/pdf", 2000).build()});
            Folder inbox = store.getFolder("INBOX");
            Message unread = Mime.message().id("<n1@example.org>").from("news@example.org").to("riley@acme.example")
                    .subject("Newsletter").date(Instant.parse("2026-03-03T10:00:00Z")).text("news").build();
            Message flagged = Mime.message().id("<f1@example.org>").from("boss@acme.example").to("riley@acme.example")
                    .subject("Important").date(Instant.parse("2026-03-03T11:00:00Z")).text("read me").build();
            flagged.setFlags(new Flags(Flags.Flag.FLAGGED), true);
            inbox.appendMessages(new Message[] {unread, flagged});
        }
        Map<String, String> before = flags();

        Path config = dir.resolve("tickler.yml");
        Files.writeString(config, """
                stateDir: %s
                company: { domains: [acme.example] }
                mailboxes:
                  - id: riley
                    owner: { name: Riley Rep, address: riley@acme.example }
                    timezone: Europe/Berlin
                    imap: { host: 127.0.0.1, port: %d, security: none, username: riley, password: "${file:%s}" }
                """.formatted(dir.resolve("state"), dovecot.port(), write(dir.resolve("pw"), "pw-riley")));
        String[] scan = {"scan", "--config", config.toString(), "--now", "2026-03-12T09:30:00Z"};
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(out, true), scan);
        assertEquals(0, code, out + dovecot.logs());
        assertTrue(out.toString().contains("reminder #1"), out.toString());
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), scan));

        try (Store store = connect()) {
            Folder drafts = store.getFolder(DRAFTS);
            drafts.open(Folder.READ_ONLY);
            assertEquals(1, drafts.getMessageCount(), "one draft, in the \\Drafts folder, after two passes");
            Message draft = drafts.getMessage(1);
            assertTrue(draft.isSet(Flags.Flag.DRAFT));
            assertEquals("<p1@acme.example>", draft.getHeader("In-Reply-To")[0]);
            assertEquals(0, store.getFolder("Drafts").getMessageCount(), "the plain-named Drafts folder is not used");
        }
        assertEquals(before, flags(), "no flag of the rep's messages changed");
    }

    private static Map<String, String> flags() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Store store = connect()) {
            for (String name : new String[] {SENT, "INBOX"}) {
                Folder f = store.getFolder(name);
                f.open(Folder.READ_ONLY);
                for (Message m : f.getMessages()) {
                    out.put(name + ":" + m.getHeader("Message-ID")[0], m.getFlags().toString());
                }
                f.close(false);
            }
        }
        assertEquals(3, out.size());
        return out;
    }

    private static Store connect() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(dovecot.host(), dovecot.port(), "riley", "pw-riley");
        return store;
    }

    private static Path write(Path file, String content) throws Exception {
        Files.writeString(file, content);
        return file;
    }
}
