package dev.tickler.it;

import static dev.tickler.testing.TestMailServer.mailbox;
import static dev.tickler.testing.TestMailServer.tickler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.demo.Mime;
import dev.tickler.testing.TestMailServer;
import dev.tickler.testing.TestMailServer.Result;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incoming mail from nobody the rep wrote to is read in outline (envelope and structure, no header
 * fields, which a server must open the file for); what can matter is still read in full: an answer
 * linked only by References from another domain, an out-of-office from the prospect, a colleague of
 * the prospect in a later pass; and an outline that turns out to concern a proposal seen later (in a
 * later pass, or in a folder read after INBOX) is read again in full before anything is decided.
 */
class OutlineReadIT {

    private static final Instant PROPOSAL = Instant.parse("2026-03-02T10:00:00Z"); // Monday
    private static final String NOW = "2026-03-12T09:30:00Z";                      // a reminder is due

    @TempDir
    Path dir;
    private TestMailServer server;
    private Path password;

    @BeforeEach
    void start() throws Exception {
        server = new TestMailServer(dir);
        password = server.user("riley", "pw");
        server.append("riley", "pw", "Sent", TestMailServer.globexProposal(PROPOSAL));
        for (int i = 0; i < 3; i++) {
            server.appendRaw("riley", "pw", "INBOX", raw("<n" + i + "@media.example>", "News <news@media.example>",
                    "Weekly digest " + i, "List-Id: <digest.media.example>\nPrecedence: list\n", "Mon, 9 Mar 2026 08:00:00 +0000"));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void strangersAreReadInOutlineAndChangeNothing() throws Exception {
        Result r = scan(NOW);
        assertTrue(r.err().contains("4 new message(s) (3 read in outline) synced in"), r.err());
        assertEquals(1, server.drafts("riley", "pw").size(), "the newsletters are not an answer\n" + r.out());
        Result explain = tickler("explain", "--config", config().toString(), "--now", NOW, "<p1@acme.example>");
        assertEquals(0, explain.code(), explain.err());
    }

    @Test
    void anAnswerLinkedOnlyByReferencesFromAnotherDomainIsReadInFull() throws Exception {
        // Gina forwarded the proposal inside her group; procurement answers from the holding's domain.
        server.appendRaw("riley", "pw", "INBOX", procurementAnswer("<po1@globex-holding.example>", "RE: FW: Proposal: Globex rollout"));
        Result r = scan(NOW);
        assertTrue(r.err().contains("5 new message(s) (3 read in outline) synced in"), r.err());
        assertEquals(0, server.drafts("riley", "pw").size(), "answered: no reminder\n" + r.out());
        Result status = tickler("status", "--config", config().toString(), "--now", NOW);
        assertTrue(status.out().contains("answered"), status.out());
    }

    @Test
    void theProspectsOutOfOfficeIsReadInFullAndIsNoAnswer() throws Exception {
        server.appendRaw("riley", "pw", "INBOX", raw("<ooo1@globex.example>", "Gina Glass <gina@globex.example>",
                "Automatic reply: Proposal: Globex rollout", "Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All\n"
                        + "In-Reply-To: <p1@acme.example>\n", "Mon, 2 Mar 2026 11:05:00 +0100"));
        Result r = scan(NOW);
        assertTrue(r.err().contains("5 new message(s) (3 read in outline) synced in"), r.err());
        assertEquals(1, server.drafts("riley", "pw").size(), "an out-of-office is not an answer\n" + r.out());
    }

    @Test
    void aLaterPassReadsTheProspectsColleagueInFull() throws Exception {
        Result first = scan("2026-03-04T09:30:00Z");
        assertEquals(0, server.drafts("riley", "pw").size(), first.out());
        // A new thread from a colleague at the prospect's company, arriving after the first pass.
        server.appendRaw("riley", "pw", "INBOX", raw("<c1@globex.example>", "Greg <greg@globex.example>", "Your offer",
                "", "Wed, 11 Mar 2026 09:00:00 +0100"));
        Result r = scan(NOW);
        assertTrue(r.err().contains("1 new message(s) (0 read in outline) synced in"), r.err());
        assertEquals(0, server.drafts("riley", "pw").size(), "Greg at Globex answered\n" + r.out());
    }

    @Test
    void anAnswerFromAnotherDomainUnderANewSubjectIsReadInFullByItsInReplyTo() throws Exception {
        server.appendRaw("riley", "pw", "INBOX", procurementAnswer("<po2@globex-holding.example>",
                "Globex rollout - questions from procurement"));
        Result r = scan(NOW);
        assertTrue(r.err().contains("5 new message(s) (3 read in outline)"), r.err());
        assertEquals(0, server.drafts("riley", "pw").size(), "answered: no reminder\n" + r.out());
    }

    @Test
    void anAutoReplyThatArrivedBeforeTheSentCopyIsReadAgainOnceTheProposalIsSeen() throws Exception {
        // The client saves the Sent copy after sending; Olaf's auto-reply (no In-Reply-To) is read first.
        server.appendRaw("riley", "pw", "INBOX", autoReply("<ooo2@initech.example>", "Olaf <olaf@initech.example>"));
        Result first = scan("2026-03-03T12:00:00Z");
        assertTrue(first.err().contains("5 new message(s) (4 read in outline)"), first.err());
        server.append("riley", "pw", "Sent", initechProposal());
        Result r = scan(NOW);
        assertTrue(r.err().contains("1 message(s) read in outline before concern your mail after all"), r.err());
        assertOlafsPursuitIsNotAnswered();
    }

    @Test
    void aProspectsAutoReplyReadBeforeTheirProposalInAScannedFolderIsReadAgainInTheSamePass() throws Exception {
        server.user("riley", "pw", "Archive");
        server.append("riley", "pw", "Archive", initechProposal());
        server.appendRaw("riley", "pw", "INBOX", autoReply("<ooo2@initech.example>", "Olaf <olaf@initech.example>"));
        Result r = tickler("scan", "--config", server.config(mailbox("riley", server.port(), password, "folders: { scan: [Archive] }"))
                .toString(), "--now", NOW);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1 message(s) read in outline before concern your mail after all"), r.err());
        assertOlafsPursuitIsNotAnswered();
    }

    @Test
    void mailOlderThanTheAgeLimitIsPassedOverAndItsProposalsAreNotFollowedUp() throws Exception {
        // Nine months before NOW: an offer only its wording shows (no attachment, a plain subject), and Olaf's answer.
        server.append("riley", "pw", "Sent", Mime.message().id("<old1@acme.example>").from("Riley Rep <riley@acme.example>")
                .to("Olaf <olaf@initech.example>").subject("Initech licences").date(Instant.parse("2025-06-02T09:00:00Z"))
                .text("Hi Olaf,\n\nas promised, our proposal: 40 licences at EUR 120 each, EUR 4,800 per year in total."
                        + " The offer is valid until the end of June.").build());
        server.appendRaw("riley", "pw", "INBOX", raw("<old2@initech.example>", "Olaf <olaf@initech.example>", "Re: Initech licences",
                "In-Reply-To: <old1@acme.example>\n", "Wed, 4 Jun 2025 10:00:00 +0200"));
        Result r = scan(NOW);
        assertTrue(r.err().contains("4 new message(s) (3 read in outline; 2 older than policy.maxAgeDays passed over) synced in"),
                "the newsletters in outline, both old ones not at all\n" + r.err());
        assertTrue(!r.err().contains("read in outline before concern your mail after all"), "nor read again at the end\n" + r.err());
        assertEquals(1, server.drafts("riley", "pw").size(), "Globex's reminder alone\n" + r.out());
        Result explain = tickler("explain", "--config", config().toString(), "--now", NOW, "<old1@acme.example>");
        assertEquals(2, explain.code(), "neither read nor kept");
        assertTrue(explain.err().contains("mail older than policy.maxAgeDays is not kept"), explain.err());

        // With a limit that reaches back to it, the wording is read: a proposal, answered long ago.
        Path longer = server.config(mailbox("riley", server.port(), password, "", "policy: { maxAgeDays: 400 }"));
        java.nio.file.Files.writeString(longer, java.nio.file.Files.readString(longer).replace(dir.resolve("state").toString(),
                dir.resolve("state2").toString()));
        Result again = tickler("scan", "--config", longer.toString(), "--now", NOW);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("6 new message(s) (3 read in outline) synced in"), again.err());
        Result status = tickler("status", "--config", longer.toString(), "--now", NOW);
        assertTrue(status.out().contains("answered"), status.out());
    }

    @Test
    void mailTheServerReceivedLongAgoIsPassedOverOnItsStructureAloneWhateverItsDateSays() throws Exception {
        // Dated last week, but the server has had it since May 2025 (a sender's clock far off): the arrival wins,
        // and only its BODYSTRUCTURE is fetched. Had its outline been read, its Date would have kept it.
        jakarta.mail.internet.MimeMessage skewed = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(
                new java.util.Properties()), new java.io.ByteArrayInputStream(raw("<skew@globex.example>", "Gina Glass <gina@globex.example>",
                "Re: Proposal: Globex rollout", "In-Reply-To: <p1@acme.example>\n", "Thu, 5 Mar 2026 10:00:00 +0100")
                .replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            @Override
            public java.util.Date getReceivedDate() {
                return java.util.Date.from(Instant.parse("2025-05-01T10:00:00Z")); // what Angus APPENDs as INTERNALDATE
            }
        };
        server.append("riley", "pw", "INBOX", skewed);
        Result r = scan(NOW);
        assertTrue(r.err().contains("4 new message(s) (3 read in outline; 1 older than policy.maxAgeDays passed over) synced in"),
                r.err());
        assertEquals(1, server.drafts("riley", "pw").size(), "not taken for an answer: it was never read\n" + r.out());
    }

    @Test
    void aProposalFollowedUpSinceItWasYoungIsLetGoAtTheAgeLimit() throws Exception {
        Result young = scan(NOW);
        assertTrue(young.err().contains("1 pursuit(s); 1 draft(s) placed"), young.err());
        // 187 days after the proposal: past 180, the pursuit is dormant and its unsent, unedited draft taken back.
        Result old = scan("2026-09-05T09:30:00Z");
        assertTrue(old.err().contains("1 pursuit(s); 0 draft(s) placed; 1 retracted"), old.err());
        assertEquals(0, server.drafts("riley", "pw").size(), old.out());
        Result status = tickler("status", "--config", config().toString(), "--now", "2026-09-05T09:30:00Z");
        assertTrue(status.out().contains("more than 180 days old (policy.maxAgeDays)"), status.out());
        // Later passes leave it dormant; nothing moves, nothing is logged as a bug.
        Result later = scan("2026-09-20T09:30:00Z");
        assertTrue(later.err().contains("1 pursuit(s); 0 draft(s) placed; 0 retracted"), later.err());
        assertTrue(!later.err().contains("illegal"), later.err());
    }

    @Test
    void raisingTheAgeLimitWakesADormantPursuitWithoutCallingItABug() throws Exception {
        scan(NOW);
        Result old = scan("2026-09-05T09:30:00Z");
        assertTrue(old.err().contains("1 pursuit(s); 0 draft(s) placed; 1 retracted"), old.err());
        // IT raises the limit: the pursuit is followed up again. PursuitState's table has no DORMANT -> WAITING or DUE,
        // but no derivation went wrong: the policy changed.
        Path longer = server.config(mailbox("riley", server.port(), password, "", "policy: { maxAgeDays: 400 }"));
        Result raised = tickler("scan", "--config", longer.toString(), "--now", "2026-09-05T09:30:00Z");
        assertEquals(0, raised.code(), raised.err());
        assertTrue(!raised.err().contains("illegal") && !raised.err().contains("a bug"), raised.err());
        assertTrue(raised.err().contains("the cadence policy changed since the last pass; 1 pursuit(s) re-derived under it"),
                raised.err());
        Result status = tickler("status", "--config", longer.toString(), "--now", "2026-09-05T09:30:00Z");
        assertTrue(!status.out().contains("policy.maxAgeDays"), "no longer dormant\n" + status.out());
        // Under the same policy the next pass judges moves again, and says nothing of a change.
        Result next = tickler("scan", "--config", longer.toString(), "--now", "2026-09-06T09:30:00Z");
        assertEquals(0, next.code(), next.err());
        assertTrue(!next.err().contains("illegal") && !next.err().contains("cadence policy changed"), next.err());
    }

    // The two below are a reviewer's: with only the facts since the age limit read back for a pass, an aged-out
    // thread was cut in half, and what was left of it started or answered another pursuit with no new mail.

    @Test
    void aRevisedProposalInAnAnsweredThreadIsNotFollowedUpOnceTheFirstProposalAgesOut() throws Exception {
        // Gina answered the proposal of 2 March; the rep sent a revised proposal in the same thread on 20 March.
        server.appendRaw("riley", "pw", "INBOX", raw("<a1@globex.example>", "Gina Glass <gina@globex.example>",
                "Re: Proposal: Globex rollout", "In-Reply-To: <p1@acme.example>\nReferences: <p1@acme.example>\n",
                "Tue, 3 Mar 2026 10:00:00 +0100"));
        server.append("riley", "pw", "Sent", Mime.message().id("<p1b@acme.example>").from("Riley Rep <riley@acme.example>")
                .to("Gina Glass <gina@globex.example>").subject("Re: Proposal: Globex rollout")
                .date(Instant.parse("2026-03-20T10:00:00Z")).replyTo("<p1@acme.example>", "<a1@globex.example>")
                .text("Hi Gina,\n\nattached is our revised proposal.").attach("Globex_Proposal_v2.pdf", "application/pdf", 1000)
                .build());
        Result young = scan("2026-03-25T09:30:00Z");
        assertTrue(young.err().contains("1 pursuit(s); 0 draft(s) placed"), "answered, the revision a touch of it\n" + young.err());
        // 197 days after the first proposal, 179 after the revision; nothing new in the mailbox.
        Result later = scan("2026-09-15T09:30:00Z");
        assertTrue(later.err().contains("1 pursuit(s); 0 draft(s) placed"), later.err());
        assertEquals(0, server.drafts("riley", "pw").size(), "nothing happened since the answer: nothing to draft\n" + later.err());
    }

    @Test
    void aReplyInAnAgedOutThreadDoesNotBecomeAnAnswerToANewerProposal() throws Exception {
        // A second, unrelated proposal to Gina on 1 June; on 1 July Gina writes again in the thread of the first (2 March).
        server.append("riley", "pw", "Sent", Mime.message().id("<p3@acme.example>").from("Riley Rep <riley@acme.example>")
                .to("Gina Glass <gina@globex.example>").subject("Proposal: Globex support plan")
                .date(Instant.parse("2026-06-01T10:00:00Z")).text("Hi Gina,\n\nattached is our proposal for support.")
                .attach("Globex_Support_Proposal.pdf", "application/pdf", 1000).build());
        server.appendRaw("riley", "pw", "INBOX", raw("<a2@globex.example>", "Gina Glass <gina@globex.example>",
                "Re: Proposal: Globex rollout", "In-Reply-To: <p1@acme.example>\nReferences: <p1@acme.example>\n",
                "Wed, 1 Jul 2026 10:00:00 +0200"));
        Result before = scan("2026-09-08T09:30:00Z"); // the first proposal 190 days old
        assertTrue(before.err().contains("2 pursuit(s); 1 draft(s) placed"), "the support plan's reminder\n" + before.err());
        Result after = scan("2026-09-15T09:30:00Z");  // 197 days
        assertTrue(after.err().contains("0 retracted"), "nothing new came in: the support plan is still unanswered\n" + after.err());
        assertEquals(1, server.drafts("riley", "pw").size(), after.err());
    }

    private void assertOlafsPursuitIsNotAnswered() throws Exception {
        Result explain = tickler("explain", "--config", config().toString(), "--now", NOW, "<p2@acme.example>");
        assertEquals(0, explain.code(), explain.err());
        assertTrue(explain.out().contains("auto-repl"), "Olaf's auto-reply is read as one\n" + explain.out());
        assertTrue(!explain.out().contains("outline"), explain.out());
    }

    /** The rep's proposal to Olaf at Initech, sent on 3 March. */
    private static jakarta.mail.internet.MimeMessage initechProposal() throws Exception {
        return Mime.message().id("<p2@acme.example>").from("Riley Rep <riley@acme.example>").to("Olaf <olaf@initech.example>")
                .subject("Proposal: Initech licences").date(Instant.parse("2026-03-03T09:00:00Z"))
                .text("Hi Olaf,\n\nattached is our proposal.").attach("Initech_Proposal.pdf", "application/pdf", 1000).build();
    }

    private static String autoReply(String id, String from) {
        return raw(id, from, "Your message", "Auto-Submitted: auto-replied\n", "Tue, 3 Mar 2026 10:00:00 +0100")
                .replace("Some text.", "I am out of the office until 9 March 2026 and will answer then.");
    }

    // --- helpers ---

    private Path config() throws Exception {
        return server.config(mailbox("riley", server.port(), password, ""));
    }

    private Result scan(String now) throws Exception {
        Result r = tickler("scan", "--config", config().toString(), "--now", now);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    /** Globex's holding company answering a forward of the proposal: linked to it in References only. */
    private static String procurementAnswer(String id, String subject) {
        return raw(id, "Procurement <po@globex-holding.example>", subject,
                "In-Reply-To: <fw1@globex.example>\nReferences: <p1@acme.example> <fw1@globex.example>\n", "Tue, 10 Mar 2026 11:00:00 +0100");
    }

    private static String raw(String id, String from, String subject, String extraHeaders, String date) {
        return """
                Message-ID: %s
                Date: %s
                From: %s
                To: Riley Rep <riley@acme.example>
                Subject: %s
                %sMIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Some text.
                """.formatted(id, date, from, subject, extraHeaders);
    }
}
