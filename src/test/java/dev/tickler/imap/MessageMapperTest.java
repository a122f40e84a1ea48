package dev.tickler.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.demo.Mime;
import dev.tickler.mail.Attachment;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The mapping layers on messages parsed from bytes: what survives which defect. */
class MessageMapperTest {

    private static final Instant ARRIVED = Instant.parse("2026-03-03T10:05:00Z");

    @Test
    void anOutlineHasTheEnvelopeAndStructureButNoOtherHeaderFieldsUntilTheyAreAdded() throws Exception {
        MimeMessage m = parse("""
                From: Gina Glass <gina@globex.example>
                To: Riley Rep <riley@acme.example>
                Subject: RE: Proposal
                Date: Tue, 3 Mar 2026 10:00:00 -0500
                Message-ID: <r1@globex.example>
                In-Reply-To: <p1@acme.example>
                References: <p0@acme.example> <p1@acme.example>
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                Out of the office.
                """);
        MailMessage outline = MessageMapper.outline(m, "INBOX", FolderRole.INBOX, 4);
        assertTrue(outline.outline());
        assertEquals("<r1@globex.example>", outline.messageId());
        assertEquals(List.of("<p1@acme.example>"), outline.inReplyTo());
        assertEquals(List.of(), outline.references());
        assertTrue(outline.headers().isEmpty(), "no header field beyond the envelope: " + outline.headers());
        assertEquals("gina@globex.example", outline.from().email());
        assertEquals("RE: Proposal", outline.subject());

        MailMessage full = MessageMapper.withHeaderFields(outline, name -> m.getHeader(name, " "));
        assertTrue(!full.outline());
        assertEquals(List.of("<p0@acme.example>", "<p1@acme.example>"), full.references());
        assertEquals("auto-replied", full.header("auto-submitted").orElseThrow());
        assertEquals("Tue, 3 Mar 2026 10:00:00 -0500", full.header("date").orElseThrow());
        assertEquals(MessageMapper.headers(m, "INBOX", FolderRole.INBOX, 4), full, "the same as reading it whole");
    }

    @Test
    void mapsEnvelopeThreadingAndAttachmentNamesIncludingEncodedOnes() throws Exception {
        MimeMessage m = parse("""
                From: Riley Rep <riley@acme.example>
                To: =?UTF-8?Q?J=C3=BCrgen_Wei=C3=9F?= <juergen@umbrella.example>, undisclosed-recipients:;
                Cc: sam@acme.example
                Subject: =?UTF-8?Q?Angebot_f=C3=BCr_Umbrella?=
                Date: Tue, 3 Mar 2026 10:00:00 +0100
                Message-ID: <p1@acme.example>
                In-Reply-To: <x@umbrella.example>
                References: <w@umbrella.example>
                 <x@umbrella.example>
                Auto-Submitted: no
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                Anbei unser Angebot.
                --b1
                Content-Type: application/pdf; name="=?UTF-8?Q?Angebot_M=C3=BCller.pdf?="
                Content-Disposition: attachment; filename="=?UTF-8?Q?Angebot_M=C3=BCller.pdf?="
                Content-Transfer-Encoding: base64

                JVBERi0=
                --b1--
                """);
        MailMessage mapped = MessageMapper.headers(m, "Sent", FolderRole.SENT, 7);
        assertEquals("<p1@acme.example>", mapped.messageId());
        assertEquals(List.of("<x@umbrella.example>"), mapped.inReplyTo());
        assertEquals(List.of("<w@umbrella.example>", "<x@umbrella.example>"), mapped.references());
        assertEquals("Jürgen Weiß", mapped.to().get(0).name());
        assertEquals(1, mapped.to().size(), "the empty group is not a recipient");
        assertEquals("sam@acme.example", mapped.cc().get(0).email());
        assertEquals("Angebot für Umbrella", mapped.subject());
        assertEquals(Instant.parse("2026-03-03T09:00:00Z"), mapped.sentAt());
        assertEquals("no", mapped.headers().get("auto-submitted"));
        assertEquals(List.of(new Attachment("Angebot Müller.pdf", "application/pdf", mapped.attachments().get(0).sizeBytes())),
                mapped.attachments());
        assertNull(mapped.bodyText(), "bodies only on request");
        assertTrue(mapped.defects().isEmpty(), mapped.defects().toString());
        List<String> defects = new ArrayList<>();
        assertEquals("Anbei unser Angebot.", BodyFetcher.textOf(m, defects).strip());
    }

    @Test
    void aMissingDateFallsBackToTheArrivalTimeAndSaysSo() throws Exception {
        MimeMessage m = arrived(parse("""
                From: Riley Rep <riley@acme.example>
                To: walt@graymatter.example
                Subject: Proposal
                Message-ID: <nodate@acme.example>

                Attached is our proposal.
                """));
        MailMessage mapped = MessageMapper.headers(m, "Sent", FolderRole.SENT, 1);
        assertEquals(ARRIVED, mapped.sentAt());
        assertEquals(List.of("no usable Date header; used the server's arrival time"), mapped.defects());
    }

    @Test
    void anAbsurdlyLongMessageIdIsDroppedNotStored() throws Exception {
        MimeMessage m = parse("From: spam@x.example\nTo: riley@acme.example\nSubject: hi\nDate: Tue, 3 Mar 2026 10:00:00 +0000\n"
                + "Message-ID: <" + "a".repeat(1200) + "@x.example>\n\nbody\n");
        MailMessage mapped = MessageMapper.headers(m, "INBOX", FolderRole.INBOX, 1);
        assertNull(mapped.messageId());
        assertTrue(mapped.defects().contains("Message-ID over 900 characters; ignored"), mapped.defects().toString());
    }

    @Test
    void noDateAndNoArrivalTimeCannotBeReadAtAll() throws Exception {
        MimeMessage m = parse("From: a@b.example\nSubject: x\n\nbody\n");
        assertThrows(MessagingException.class, () -> MessageMapper.headers(m, "INBOX", FolderRole.INBOX, 1));
    }

    @Test
    void aBrokenBoundaryKeepsTheEnvelopeSoAnAnswerIsNotLost() throws Exception {
        MimeMessage m = parse("""
                From: Gina <gina@globex.example>
                To: riley@acme.example
                Subject: RE: Proposal
                Date: Tue, 3 Mar 2026 10:00:00 +0000
                Message-ID: <r1@globex.example>
                In-Reply-To: <p1@acme.example>
                Content-Type: multipart/mixed; boundary="never-used"

                --wrong
                Content-Type: text/plain

                Yes, let's talk.
                """);
        MailMessage mapped = MessageMapper.headers(m, "INBOX", FolderRole.INBOX, 3);
        assertEquals(List.of("<p1@acme.example>"), mapped.inReplyTo());
        assertEquals("gina@globex.example", mapped.from().email());
        assertTrue(mapped.defects().get(0).startsWith("unreadable MIME structure"), mapped.defects().toString());
    }

    @Test
    void anUnknownCharsetLosesOnlyTheBody() throws Exception {
        MimeMessage m = parse("""
                From: Riley Rep <riley@acme.example>
                To: gus@pollos.example
                Subject: Our quote
                Date: Tue, 3 Mar 2026 10:00:00 +0000
                Content-Type: text/plain; charset=x-no-such-charset-42

                Please find attached our quote.
                """);
        List<String> defects = new ArrayList<>();
        assertNull(BodyFetcher.textOf(m, defects));
        assertTrue(defects.get(0).startsWith("body in an unknown charset"), defects.toString());
    }

    @Test
    void aBounceYieldsItsFailedRecipientsAndTheOriginalId() throws Exception {
        MimeMessage bounce = Mime.message().id("<b@mx>").from("MAILER-DAEMON@mx.hooli.example").to("riley@acme.example")
                .subject("Undelivered Mail Returned to Sender").date(ARRIVED)
                .bounceOf("gavin@hooli.example", "<p1@acme.example>", "Proposal").build();
        MimeMessage reparsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes(bounce)));
        MailMessage mapped = MessageMapper.headers(reparsed, "INBOX", FolderRole.INBOX, 9);
        assertEquals(List.of("gavin@hooli.example"), mapped.report().failedRecipients());
        assertEquals("<p1@acme.example>", mapped.report().originalMessageId());
        assertTrue(mapped.attachments().isEmpty() || mapped.attachments().stream().noneMatch(a -> a.fileName().endsWith(".pdf")));
    }

    @Test
    void htmlOnlyBodiesAreFlattenedToText() throws Exception {
        MimeMessage m = parse("""
                From: Riley Rep <riley@acme.example>
                To: gus@pollos.example
                Subject: x
                Date: Tue, 3 Mar 2026 10:00:00 +0000
                Content-Type: text/html; charset=utf-8

                <html><style>p{}</style><body><p>Attached is our <b>proposal</b>.</p></body></html>
                """);
        String text = BodyFetcher.textOf(m, new ArrayList<>());
        assertTrue(text.replaceAll("\\s+", " ").contains("Attached is our proposal"), text);
        assertTrue(!text.contains("p{}"));
    }

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static MimeMessage arrived(MimeMessage m) throws Exception {
        return new MimeMessage(m) {
            @Override
            public Date getReceivedDate() {
                return Date.from(ARRIVED);
            }
        };
    }

    private static byte[] bytes(MimeMessage m) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void aStructureAloneTellsWhichOldMessagesMayCarryAnInvitation() throws Exception {
        assertFalse(OutlineFetch.mayHoldInvitation(structure("(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 4 1"
                + " NIL NIL NIL NIL)")));
        assertFalse(OutlineFetch.mayHoldInvitation(structure("((\"text\" \"plain\" NIL NIL NIL \"7bit\" 4 1 NIL NIL NIL NIL)"
                + "(\"application\" \"pdf\" (\"name\" \"Quote.pdf\") NIL NIL \"base64\" 400 NIL (\"attachment\""
                + " (\"filename\" \"Quote.pdf\")) NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)")));
        assertTrue(OutlineFetch.mayHoldInvitation(structure("((\"text\" \"plain\" NIL NIL NIL \"7bit\" 4 1 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"CALENDAR\" (\"method\" \"REQUEST\") NIL NIL \"7bit\" 40 2 NIL NIL NIL NIL) \"alternative\""
                + " (\"boundary\" \"b\") NIL NIL NIL)")), "an Outlook invitation");
        assertTrue(OutlineFetch.mayHoldInvitation(structure("((\"text\" \"plain\" NIL NIL NIL \"7bit\" 4 1 NIL NIL NIL NIL)"
                + "(\"application\" \"octet-stream\" (\"name\" \"invite.ICS\") NIL NIL \"base64\" 400 NIL NIL NIL NIL)"
                + " \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)")), "an .ics file of any type");
        assertTrue(OutlineFetch.mayHoldInvitation(structure("((\"text\" \"plain\" NIL NIL NIL \"7bit\" 4 1 NIL NIL NIL NIL)"
                + "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 300 (NIL \"Invitation\" NIL NIL NIL NIL NIL NIL NIL NIL)"
                + " (\"text\" \"calendar\" NIL NIL NIL \"7bit\" 40 2 NIL NIL NIL NIL) 12 NIL NIL NIL NIL)"
                + " \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)")), "inside a forwarded message too");
        assertEquals(java.time.LocalDate.of(2026, 1, 17), ImapMailbox.receivedLongBefore(java.time.Instant.parse("2026-01-19T23:30:00Z")),
                "two whole days before, whatever the server's timezone");
    }

    /** A BODYSTRUCTURE as Angus parses it off the wire (through its package-private, non-strict constructor). */
    private static org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE structure(String bodystructure) throws Exception {
        var make = org.eclipse.angus.mail.imap.protocol.FetchResponse.class.getDeclaredConstructor(
                org.eclipse.angus.mail.imap.protocol.IMAPResponse.class, boolean.class);
        make.setAccessible(true);
        org.eclipse.angus.mail.imap.protocol.FetchResponse r = make.newInstance(
                new org.eclipse.angus.mail.imap.protocol.IMAPResponse("* 1 FETCH (UID 5 BODYSTRUCTURE " + bodystructure + ")"), false);
        return r.getItem(org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE.class);
    }

    @Test
    void uidSetsAreWrittenAsRangesAndCutUnderALength() {
        assertEquals(List.of("1:3,5", "7,9:10"), OutlineFetch.uidSets(List.of(1L, 2L, 3L, 5L, 7L, 9L, 10L), 6));
        assertEquals(List.of("3:7,9,12:13"), OutlineFetch.uidSets(List.of(3L, 4L, 5L, 6L, 7L, 9L, 12L, 13L), Integer.MAX_VALUE));
        assertEquals(List.of("5"), OutlineFetch.uidSets(List.of(5L), Integer.MAX_VALUE));
        assertEquals(List.of("5,3:4"), OutlineFetch.uidSets(List.of(5L, 3L, 4L), Integer.MAX_VALUE), "any order stays a valid set");
    }
}
