package dev.tickler.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailMessage;
import dev.tickler.testing.DovecotServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;

/**
 * The outline read from the FETCH items ({@link OutlineFetch}) against the outline Jakarta Mail's
 * IMAPMessage gives ({@link MessageMapper#outline(Message, String, FolderRole, long)}), on every message of
 * the labeled corpus and the holdout plus structures they lack, served by a real Dovecot: the same
 * message, attachments, text part and invitation part, or the message is read the old way.
 */
class OutlineEquivalenceIT {

    private static final String DATE = "Date: Mon, 2 Mar 2026 10:00:00 +0100\r\n";

    /** Structures the corpus may not have; each is written as its own message. */
    private static final List<String> ODD = List.of(
            // RFC 2231 file name, and an RFC 2047 one (which RFC 2231 does not allow, but Outlook sends)
            "From: a@x.example\r\nTo: b@y.example\r\nSubject: 2231\r\n" + DATE + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\n"
                    + "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''Angebot%20M%C3%BCller.pdf\r\n\r\nx\r\n"
                    + "--b\r\nContent-Type: application/pdf; name=\"=?UTF-8?B?w5xiZXJzaWNodC5wZGY=?=\"\r\nContent-Disposition: attachment;"
                    + " filename=\"=?UTF-8?B?w5xiZXJzaWNodC5wZGY=?=\"\r\n\r\nx\r\n--b--\r\n",
            // an empty filename with a name on the type; a nested message; an attached part without a name
            "From: a@x.example\r\nTo: b@y.example\r\nSubject: nested\r\n" + DATE + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=FC=DFe\r\n--b\r\nContent-Type: application/pdf; name=\"q.pdf\"\r\n"
                    + "Content-Disposition: attachment; filename=\"\"\r\n\r\nx\r\n--b\r\nContent-Type: message/rfc822\r\n"
                    + "Content-Disposition: attachment\r\n\r\nFrom: c@z.example\r\nSubject: inner\r\n\r\ninner\r\n--b\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment\r\n\r\nx\r\n--b--\r\n",
            // an invitation inline in an alternative, and an .ics attached as octet-stream
            "From: a@x.example\r\nTo: b@y.example\r\nSubject: invite\r\n" + DATE + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: multipart/alternative; boundary=a\r\n\r\n"
                    + "--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>\r\n--a\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\n"
                    + "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n--a--\r\n--o\r\nContent-Type: application/octet-stream; name=invite.ics\r\n"
                    + "Content-Disposition: attachment; filename=invite.ics\r\n\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n--o--\r\n",
            // upper-case types, HTML only, an encoded folded subject
            "From: a@x.example\r\nTo: b@y.example\r\nSubject: =?ISO-8859-1?Q?Gr=FC=DFe_aus?=\r\n =?ISO-8859-1?Q?_M=FCnchen?=\r\n" + DATE
                    + "MIME-Version: 1.0\r\nContent-Type: TEXT/HTML; CHARSET=ISO-8859-1\r\n\r\n<b>Gr\u00fc\u00dfe</b>\r\n",
            // no Date, no From but a Sender, a group, a single part sent as an attachment
            "Sender: s@x.example\r\nTo: undisclosed-recipients:;\r\nCc: c@y.example\r\nSubject: no date\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: application/pdf; name=only.pdf\r\nContent-Disposition: attachment; filename=only.pdf\r\n\r\nx\r\n",
            // a Message-ID over the limit, In-Reply-To with two ids
            "From: a@x.example\r\nTo: b@y.example\r\nSubject: long id\r\n" + DATE + "Message-ID: <" + "x".repeat(950) + "@x.example>\r\n"
                    + "In-Reply-To: <p1@acme.example> <p2@acme.example>\r\n\r\nbody\r\n",
            // a delivery report: read the old way, its parts being needed
            "From: MAILER-DAEMON@x.example\r\nTo: a@x.example\r\nSubject: Undelivered\r\n" + DATE + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\n"
                    + "failed\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x.example\r\n\r\n"
                    + "Final-Recipient: rfc822; gone@y.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--r\r\n"
                    + "Content-Type: text/rfc822-headers\r\n\r\nMessage-ID: <p1@acme.example>\r\n\r\n--r--\r\n",
            // a misspelt report type, which MessageMapper still reads as a report (its printed type starts so)
            "From: MAILER-DAEMON@x.example\r\nTo: a@x.example\r\nSubject: Undelivered\r\n" + DATE + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/reports; boundary=r\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--r\r\n"
                    + "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x.example\r\n\r\n"
                    + "Final-Recipient: rfc822; gone@y.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--r--\r\n");

    @Test
    void theFetchItemsGiveTheOutlineJakartaMailGives() throws Exception {
        try (DovecotServer dovecot = DovecotServer.start(Map.of("riley", "pw"), Map.of("Sent", "\\Sent", "Drafts", "\\Drafts"))) {
            Path cur = Files.createDirectories(dovecot.maildir("riley").resolve("cur"));
            Files.createDirectories(dovecot.maildir("riley").resolve("new"));
            Files.createDirectories(dovecot.maildir("riley").resolve("tmp"));
            List<Path> files;
            try (Stream<Path> corpus = Files.walk(Path.of("src/test/resources"))) {
                files = corpus.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
            }
            int n = 0;
            for (Path file : files) {
                Files.copy(file, cur.resolve(1_700_000_000L + n + ".m" + n++ + ".eq:2,S"));
            }
            for (String raw : ODD) {
                Files.writeString(cur.resolve(1_700_000_000L + n + ".m" + n++ + ".eq:2,S"), raw, StandardCharsets.UTF_8);
            }
            Files.writeString(cur.resolve(1_700_000_000L + n + ".m" + n++ + ".eq:2,DS"), ODD.get(0), StandardCharsets.UTF_8); // a draft
            dovecot.fixOwnership();

            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", dovecot.port(), "riley", "pw");
            try {
                IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
                folder.open(Folder.READ_ONLY);
                List<Long> uids = OutlineFetch.uidsFrom(folder, 1);
                assertEquals(n, uids.size(), "every message written is found by UID SEARCH");
                assertEquals(List.of(), OutlineFetch.uidsFrom(folder, uids.get(uids.size() - 1) + 1), "nothing above the last UID");
                // Dovecot's first BODYSTRUCTURE of a message keeps a parameter's case (charset=US-ASCII), the ones
                // from its cache may not (us-ascii): both paths are compared on answers from the cache.
                OutlineFetch.fetch(folder, uids);
                int plain = 0;
                int reports = 0;
                List<String> differences = new ArrayList<>();
                for (int from = 0; from < uids.size(); from += 100) {
                    List<Long> batch = uids.subList(from, Math.min(uids.size(), from + 100));
                    Map<Long, OutlineFetch.Fetched> fetched = OutlineFetch.fetch(folder, batch);
                    assertEquals(batch, List.copyOf(fetched.keySet()), "one answer per UID, in order");
                    for (long uid : batch) {
                        OutlineFetch.Fetched item = fetched.get(uid);
                        Message message = folder.getMessageByUID(uid);
                        assertEquals(message.isSet(jakarta.mail.Flags.Flag.DRAFT), item.draft(), "draft flag of " + uid);
                        boolean report = message.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/report");
                        reports += report ? 1 : 0;
                        assertEquals(!report, item.plain(), "all but delivery reports are read from the FETCH items: " + uid);
                        if (!item.plain()) {
                            continue;
                        }
                        plain++;
                        MailMessage expected = MessageMapper.outline(message, "INBOX", FolderRole.INBOX, uid);
                        MailMessage actual = MessageMapper.outline(item, "INBOX", FolderRole.INBOX);
                        if (!expected.equals(actual)) {
                            differences.add(uid + ":\n  " + expected + "\n  " + actual);
                        }
                        if (!same(BodyFetcher.locate(message), OutlineFetch.locate(item.structure()))) {
                            differences.add(uid + " text part: " + BodyFetcher.locate(message) + " / " + OutlineFetch.locate(item.structure()));
                        }
                        if (!same(BodyFetcher.locateCalendar(message), OutlineFetch.locateCalendar(item.structure()))) {
                            differences.add(uid + " invitation part: " + BodyFetcher.locateCalendar(message) + " / "
                                    + OutlineFetch.locateCalendar(item.structure()));
                        }
                    }
                }
                assertEquals(List.of(), differences);
                assertTrue(plain > 400 && reports > 0, "the comparison covered the corpus: " + plain + " messages, " + reports + " reports");
            } finally {
                store.close();
            }
        }
    }

    private static boolean same(Optional<BodyFetcher.TextPart> a, Optional<BodyFetcher.TextPart> b) {
        return a.map(p -> List.of(p.section(), String.valueOf(p.encoding()), String.valueOf(p.charset()), p.html()))
                .equals(b.map(p -> List.of(p.section(), String.valueOf(p.encoding()), String.valueOf(p.charset()), p.html())));
    }
}
