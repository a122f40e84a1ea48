package dev.tickler.it;

import static dev.tickler.testing.TestMailServer.mailbox;
import static dev.tickler.testing.TestMailServer.tickler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.demo.Mime;
import dev.tickler.detect.ManualOverrides;
import dev.tickler.testing.TestMailServer;
import dev.tickler.testing.TestMailServer.Result;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The costliest mistake is a follow-up to someone who already answered. Each test puts one real
 * situation into a GreenMail mailbox and runs {@code tickler scan} on it.
 */
class AnswerDetectionIT {

    private static final Instant PROPOSAL = Instant.parse("2026-03-02T10:00:00Z"); // Monday
    private static final String NOW = "2026-03-12T09:30:00Z";                      // Thursday, 8 business days on

    @TempDir
    Path dir;
    private TestMailServer server;
    private Path password;

    @BeforeEach
    void start() throws Exception {
        server = new TestMailServer(dir);
        password = server.user("riley", "pw", "Archive");
        server.append("riley", "pw", "Sent", TestMailServer.globexProposal(PROPOSAL));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutAnyAnswerTheReminderIsDrafted() throws Exception {
        assertEquals(1, scan("").drafts);
    }

    @Test
    void noDraftAfterAColleagueOfTheProspectReplies() throws Exception {
        inbox(reply("Greg Globex <greg@globex.example>", "RE: Proposal: Globex rollout").replyTo("<p1@acme.example>"));
        Scan s = scan("");
        assertEquals(0, s.drafts, s.out);
        assertTrue(s.out.contains("answered"), s.out);
    }

    @Test
    void noDraftAfterTheProspectAnswersInANewThread() throws Exception {
        inbox(reply("Gina Glass <gina@globex.example>", "Your offer from last week"));
        assertEquals(0, scan("").drafts);
    }

    @Test
    void noDraftAfterAColleagueWritesInANewThread() throws Exception {
        inbox(reply("Greg Globex <greg@globex.example>", "Gina is on leave - I am taking over"));
        assertEquals(0, scan("").drafts);
    }

    @Test
    void noDraftWhenTheReplyWasFiledInArchive() throws Exception {
        server.append("riley", "pw", "Archive", reply("Gina Glass <gina@globex.example>", "RE: Proposal: Globex rollout")
                .replyTo("<p1@acme.example>").build());
        assertEquals(1, scan("").drafts, "without the Archive folder configured the reply is not seen");
        // Configured: the answer is found, and no further draft is written.
        stop();
        start();
        server.append("riley", "pw", "Archive", reply("Gina Glass <gina@globex.example>", "RE: Proposal: Globex rollout")
                .replyTo("<p1@acme.example>").build());
        assertEquals(0, scan("folders: { scan: [Archive] }").drafts);
    }

    @Test
    void anOutOfOfficeWithAReturnDatePausesUntilTheNextBusinessDayAfterIt() throws Exception {
        inbox(reply("Gina Glass <gina@globex.example>", "Automatic reply: Proposal: Globex rollout")
                .replyTo("<p1@acme.example>").header("Auto-Submitted", "auto-replied")
                .text("I am out of the office and will be back on Monday, 16 March. For urgent matters contact Greg."));
        Path config = server.config(mailbox("riley", server.port(), password, ""));
        Result paused = tickler("scan", "--config", config.toString(), "--now", NOW);
        assertEquals(0, paused.code(), paused.err());
        assertEquals(0, server.count("riley", "pw", "Drafts"));
        assertTrue(paused.out().contains("paused"), paused.out());
        assertTrue(paused.out().contains("out of office, back on Mon 16 Mar 2026"), paused.out());

        Result stillPaused = tickler("scan", "--config", config.toString(), "--now", "2026-03-16T15:00:00Z");
        assertEquals(0, server.count("riley", "pw", "Drafts"), stillPaused.out());
        Result resumed = tickler("scan", "--config", config.toString(), "--now", "2026-03-17T08:00:00Z");
        assertEquals(1, server.count("riley", "pw", "Drafts"), resumed.out());
    }

    @Test
    void anOutOfOfficeThatSaysSoOnlyInItsTextIsReadInALaterPassAndIsNoAnswer() throws Exception {
        // The proposal is stored by an earlier pass; the auto-reply has no automatic headers and an ordinary subject, so only
        // its In-Reply-To (a stored proposal's Message-ID) gets its text read.
        Path config = server.config(mailbox("riley", server.port(), password, ""));
        Result before = tickler("scan", "--config", config.toString(), "--now", "2026-03-02T12:00:00Z");
        assertEquals(0, before.code(), before.err());
        inbox(reply("Gina Glass <gina@globex.example>", "RE: Proposal: Globex rollout").replyTo("<p1@acme.example>")
                .text("Automatic reply: I am out of the office until Monday, 16 March, with no access to email."));
        Result later = tickler("scan", "--config", config.toString(), "--now", NOW);
        assertEquals(0, later.code(), later.err());
        assertTrue(later.err().contains("1 new message(s)"), later.err());
        assertTrue(later.out().contains("paused") && !later.out().contains("answered"), later.out());
        assertEquals(0, server.count("riley", "pw", "Drafts"));
    }

    @Test
    void anOutOfOfficeToAProposalFiledFromSentIntoAScannedFolderMeanwhileIsStillNoAnswer() throws Exception {
        // Riley wrote to Gina before the proposal, so Gina's mail is read in full.
        server.append("riley", "pw", "Sent", Mime.message().id("<m0@acme.example>").from("Riley Rep <riley@acme.example>")
                .to("Gina Glass <gina@globex.example>").subject("Our call").date(PROPOSAL.minusSeconds(3 * 86_400))
                .text("Hi Gina, thanks for the call.").build());
        Path config = server.config(mailbox("riley", server.port(), password, "folders: { scan: [Archive] }"));
        Result before = tickler("scan", "--config", config.toString(), "--now", "2026-03-02T12:00:00Z");
        assertEquals(0, before.code(), before.err());
        // Riley files the proposal from Sent into Archive while Gina's auto-reply comes in.
        try (jakarta.mail.Store store = server.connect("riley", "pw")) {
            jakarta.mail.Folder sent = store.getFolder("Sent");
            sent.open(jakarta.mail.Folder.READ_WRITE);
            for (jakarta.mail.Message m : sent.getMessages()) {
                if (String.join("", ((jakarta.mail.internet.MimeMessage) m).getHeader("Message-ID")).contains("p1@")) {
                    sent.copyMessages(new jakarta.mail.Message[] {m}, store.getFolder("Archive"));
                    m.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
                }
            }
            sent.close(true);
        }
        inbox(reply("Gina Glass <gina@globex.example>", "RE: Proposal: Globex rollout").replyTo("<p1@acme.example>")
                .text("Automatic reply: I am out of the office until Monday, 16 March, with no access to email."));
        Result later = tickler("scan", "--config", config.toString(), "--now", NOW);
        assertEquals(0, later.code(), later.err());
        assertTrue(later.out().contains("paused") && !later.out().contains("answered"), later.out() + later.err());
    }

    @Test
    void aBounceMarksTheContactAsPossiblyGone() throws Exception {
        inbox(Mime.message().id("<b1@mx.globex.example>").from("Mail Delivery System <MAILER-DAEMON@mx.globex.example>")
                .to("riley@acme.example").subject("Undelivered Mail Returned to Sender").date(PROPOSAL.plusSeconds(60))
                .bounceOf("gina@globex.example", "<p1@acme.example>", "Proposal: Globex rollout"));
        Scan s = scan("");
        assertEquals(0, s.drafts);
        assertTrue(s.out.contains("bounced"), s.out);
        assertTrue(s.out.contains("contact may have left"), s.out);
    }

    @Test
    void theRepCanOverruleTicklerWithKeywords() throws Exception {
        server.append("riley", "pw", "Sent", Mime.message().id("<p2@acme.example>").from("Riley Rep <riley@acme.example>")
                .to("Hank Hill <hank@strickland.example>").subject("Thoughts after our call").date(PROPOSAL)
                .text("Hank, as discussed: 40 units at 120 each.").build(), ManualOverrides.PROPOSAL);
        server.append("riley", "pw", "Sent", Mime.message().id("<p3@acme.example>").from("Riley Rep <riley@acme.example>")
                .to("Dale <dale@gribble.example>").subject("Quote for the fence").date(PROPOSAL)
                .text("Dale, please find attached our quote.").attach("Quote.pdf", "application/pdf", 500).build(),
                ManualOverrides.IGNORE);
        Scan s = scan("");
        assertEquals(2, s.drafts, "the original proposal and the one the rep tagged; not the ignored one\n" + s.out);
        assertTrue(s.out.contains("hank@strickland.example"), s.out);
        Result explain = tickler("explain", "--config", s.config.toString(), "--now", NOW, "<p3@acme.example>");
        assertTrue(explain.out().contains("manual-ignore: the rep set $TicklerIgnore"), explain.out());
    }

    @Test
    void explainShowsTheTimelineAndTheRuleBehindEachVerdict() throws Exception {
        inbox(reply("Gina Glass <gina@globex.example>", "Automatic reply: Proposal: Globex rollout")
                .replyTo("<p1@acme.example>").header("Auto-Submitted", "auto-replied").text("Back on 5 March."));
        Scan s = scan("");
        Result r = tickler("explain", "--config", s.config.toString(), "--now", NOW, "<p1@acme.example>");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("attachment-name (+3): attachment 'Globex_Proposal.pdf' is named like an offer"), r.out());
        assertTrue(r.out().contains("rfc3834-auto-submitted: Auto-Submitted: auto-replied"), r.out());
        assertTrue(r.out().contains("return-date: back on 2026-03-05"), r.out());
        assertTrue(r.out().contains("Decision: drafted"), r.out());
        String pursuitId = r.out().substring("Pursuit ".length(), "Pursuit ".length() + 12);
        assertEquals(r.out(), tickler("explain", "--config", s.config.toString(), "--now", NOW, pursuitId.substring(0, 6)).out());
        assertEquals(2, tickler("explain", "--config", s.config.toString(), "--now", NOW, "<nothing@nowhere>").code());
    }

    private record Scan(int drafts, String out, Path config) {
    }

    private Scan scan(String imapExtra) throws Exception {
        Path config = server.config(mailbox("riley", server.port(), password, imapExtra));
        Result r = tickler("scan", "--config", config.toString(), "--now", NOW);
        assertEquals(0, r.code(), r.err());
        return new Scan(server.count("riley", "pw", "Drafts"), r.out(), config);
    }

    private void inbox(Mime message) throws Exception {
        server.append("riley", "pw", "INBOX", message.build());
    }

    private static Mime reply(String from, String subject) {
        return Mime.message().id("<r" + System.nanoTime() + "@globex.example>").from(from).to("Riley Rep <riley@acme.example>")
                .subject(subject).date(PROPOSAL.plusSeconds(86_400)).text("Thanks, let's talk.");
    }

}
