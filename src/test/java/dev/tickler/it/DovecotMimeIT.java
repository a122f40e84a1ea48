package dev.tickler.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tickler.config.TicklerConfig;
import dev.tickler.pursuit.PursuitState;
import dev.tickler.runtime.PassReport;
import dev.tickler.runtime.Tickler;
import dev.tickler.testing.DovecotServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
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

/** Mail as some clients really write it, read through a real server's ENVELOPE and BODYSTRUCTURE. */
class DovecotMimeIT {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-12T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private DovecotServer dovecot;

    @BeforeEach
    void start() throws Exception {
        dovecot = DovecotServer.start(Map.of("riley", "pw"), Map.of("Sent", "\\Sent", "Drafts", "\\Drafts"));
    }

    @AfterEach
    void stop() throws Exception {
        dovecot.close();
    }

    /** Raw UTF-8 in the header (no RFC 2047 words): the server's ENVELOPE has the bytes, which must not become "fÃ¼r". */
    @Test
    void rawUtf8HeadersStayReadableInTheDraft() throws Exception {
        append("Sent", """
                From: Riley Rep <riley@acme.example>
                To: Dörte Dähne <doerte@daehne.example>
                Subject: Angebot für Dähne GmbH
                Date: Mon, 2 Mar 2026 10:00:00 +0100
                Message-ID: <p1@acme.example>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Hallo Frau Dähne,

                anbei unser Angebot für die Einführung: 12.400 € netto. Das Angebot ist 30 Tage gültig.
                """, "UTF-8");
        PassReport report = scan();
        assertEquals(1, report.placed().size(), "the proposal was found and its reminder drafted");
        MimeMessage draft = onlyDraft();
        assertEquals("Re: Angebot für Dähne GmbH", draft.getSubject());
        assertEquals("Dörte Dähne", ((InternetAddress) draft.getRecipients(Message.RecipientType.TO)[0]).getPersonal());
    }

    /** An HTML-only proposal whose words are joined by entities, as some editors write every space. */
    @Test
    void anHtmlOnlyProposalWithEntitiesIsReadAsItsWords() throws Exception {
        append("Sent", """
                From: Riley Rep <riley@acme.example>
                To: Gina Glass <gina@globex.example>
                Subject: Next steps
                Date: Mon, 2 Mar 2026 10:00:00 +0100
                Message-ID: <p1@acme.example>
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8

                <html><body><p>Hi&nbsp;Gina,</p><p>attached&nbsp;is&nbsp;our&nbsp;proposal&nbsp;for&nbsp;the&nbsp;rollout:
                &euro;&nbsp;12.400 per&nbsp;year, valid&nbsp;for&nbsp;30&nbsp;days.</p></body></html>
                """, "UTF-8");
        PassReport report = scan();
        assertEquals(1, report.pursuits().size(), "the HTML proposal is a proposal");
        assertEquals(PursuitState.DRAFTED, report.pursuits().get(0).state());
    }

    private PassReport scan() throws Exception {
        Files.writeString(dir.resolve("pw"), "pw");
        TicklerConfig config = dovecot.config("riley", dir.resolve("pw"), "", "");
        try (Tickler tickler = Tickler.start(config, NOW)) {
            PassReport report = tickler.scan(false, NOW).get(0);
            assertFalse(report.failed(), () -> report.failure().message());
            return report;
        }
    }

    /** Appends these bytes as they are: the header's 8-bit characters in {@code charset}, no encoding added. */
    private void append(String folder, String raw, String charset) throws Exception {
        try (Store store = connect()) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(Charset.forName(charset))));
            store.getFolder(folder).appendMessages(new Message[] {m});
        }
    }

    private MimeMessage onlyDraft() throws Exception {
        try (Store store = connect()) {
            Folder drafts = store.getFolder("Drafts");
            drafts.open(Folder.READ_ONLY);
            Message[] all = drafts.getMessages();
            assertEquals(1, all.length);
            MimeMessage copy = new MimeMessage((MimeMessage) all[0]);
            drafts.close(false);
            return copy;
        }
    }

    private Store connect() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.port(), "riley", "pw");
        return store;
    }
}
