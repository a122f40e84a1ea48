package dev.tickler.pursuit;

import static dev.tickler.TestMessages.IDENTITY;
import static dev.tickler.TestMessages.proposal;
import static dev.tickler.TestMessages.received;
import static dev.tickler.TestMessages.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.mail.Address;
import dev.tickler.mail.DeliveryReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class PursuitAssemblerTest {

    private static final Address GINA = new Address("Gina Glass", "gina@globex.example");
    private static final Address GREG = new Address("Greg", "greg@globex.example");
    private static final Address SAM = new Address("Sam Sales", "sam@acme.example");
    private final PursuitAssembler assembler = new PursuitAssembler("riley", IDENTITY);

    @Test
    void aReplyInTheThreadFromTheProspectIsAnAnswer() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        var reply = received("<r@globex.example>", GINA).replyTo("<p@acme.example>").at("2026-03-03T10:00:00Z").classified();
        Pursuit pursuit = single(assembler.assemble(List.of(reply, p)));
        assertEquals(List.of(reply), pursuit.answers());
        assertEquals(List.of(GINA), pursuit.prospects());
    }

    @Test
    void aColleagueOfTheProspectReplyingAlsoAnswers() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        var reply = received("<r@globex.example>", GREG).replyTo("<p@acme.example>").at("2026-03-03T10:00:00Z").classified();
        assertEquals(1, single(assembler.assemble(List.of(p, reply))).answers().size());
    }

    @Test
    void aColleagueOfTheRepInTheThreadIsNotAnAnswer() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        var internal = received("<i@acme.example>", SAM).replyTo("<p@acme.example>").at("2026-03-03T10:00:00Z").classified();
        assertTrue(single(assembler.assemble(List.of(p, internal))).answers().isEmpty());
    }

    @Test
    void anAutoReplyIsKeptApartFromAnswers() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        var ooo = received("<o@globex.example>", GINA).replyTo("<p@acme.example>").subject("Out of Office: Proposal")
                .at("2026-03-02T10:01:00Z").classified();
        Pursuit pursuit = single(assembler.assemble(List.of(p, ooo)));
        assertTrue(pursuit.answers().isEmpty());
        assertEquals(List.of(ooo), pursuit.autoReplies());
    }

    @Test
    void ofTwoCopiesOfOneMessageTheOneReadInFullCounts() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        // The same auto-reply in INBOX (read in outline: no Auto-Submitted seen) and in "[Gmail]/All Mail" (read in full).
        var outline = received("<o@globex.example>", GINA).replyTo("<p@acme.example>").subject("Your message")
                .at("2026-03-02T10:01:00Z").outline().classified();
        var full = received("<o@globex.example>", GINA).folder("[Gmail]/All Mail").replyTo("<p@acme.example>").subject("Your message")
                .header("auto-submitted", "auto-replied").at("2026-03-02T10:01:00Z").classified();
        assertEquals(dev.tickler.detect.MessageKind.INBOUND, outline.kind());
        Pursuit pursuit = single(assembler.assemble(List.of(p, outline, full)));
        assertTrue(pursuit.answers().isEmpty(), "the outline copy sorts first (INBOX) but is not the one that counts");
        assertEquals(List.of(full), pursuit.autoReplies());
    }

    @Test
    void followUpsTheRepSentInTheThreadAreTouchesAndRepliesToThemStillAnswer() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        var t1 = sent("<t1@acme.example>").to(GINA).subject("Re: Proposal").replyTo("<p@acme.example>").at("2026-03-09T10:00:00Z").classified();
        var t2 = sent("<t2@acme.example>").to(GINA).replyTo("<p@acme.example>", "<t1@acme.example>").at("2026-03-16T10:00:00Z").classified();
        var answer = received("<a@globex.example>", GINA).replyTo("<t2@acme.example>").at("2026-03-17T10:00:00Z").classified();
        Pursuit withoutAnswer = single(assembler.assemble(List.of(p, t1, t2)));
        assertEquals(List.of(t1, t2), withoutAnswer.touches());
        assertEquals(1, single(assembler.assemble(List.of(t2, answer, p, t1))).answers().size());
    }

    @Test
    void aBounceNamingTheProspectMarksTheAddress() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        var bounce = received("<b@mx>", Address.of("MAILER-DAEMON@mx.globex.example")).subject("Undelivered Mail Returned to Sender")
                .contentType("multipart/report; report-type=delivery-status")
                .report(new DeliveryReport(List.of("gina@globex.example"), "<p@acme.example>"))
                .at("2026-03-02T10:00:05Z").classified();
        Pursuit pursuit = single(assembler.assemble(List.of(p, bounce)));
        assertTrue(pursuit.reachableProspects().isEmpty());
        assertTrue(pursuit.answers().isEmpty());
    }

    @Test
    void theSameMessageInTwoFoldersCountsOnce() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        var reply = received("<r@globex.example>", GINA).replyTo("<p@acme.example>").at("2026-03-03T10:00:00Z");
        var inInbox = reply.classified();
        assertEquals(1, single(assembler.assemble(List.of(p, inInbox, reply.classified()))).answers().size());
    }

    @Test
    void aRevisedProposalInTheSameThreadIsATouchNotASecondPursuit() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        var revised = proposal("<p2@acme.example>", GINA).replyTo("<p@acme.example>").at("2026-03-05T10:00:00Z").classified();
        Pursuit pursuit = single(assembler.assemble(List.of(p, revised)));
        assertEquals(List.of(revised), pursuit.touches());
    }

    @Test
    void aReplyInTheThreadDatedBeforeTheProposalStillAnswersIt() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        var quick = received("<r@globex.example>", GINA).replyTo("<p@acme.example>").at("2026-03-02T09:58:00Z").classified();
        Pursuit pursuit = single(assembler.assemble(List.of(p, quick)));
        assertEquals(1, pursuit.answers().size(), "a sender whose clock runs two minutes slow still answered");
    }

    @Test
    void forwardingTheThreadToAColleagueIsNotATouch() {
        var p = proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified();
        var forward = sent("<f@acme.example>").to(SAM).subject("Fwd: Proposal").replyTo("<p@acme.example>").at("2026-03-03T10:00:00Z").classified();
        assertTrue(single(assembler.assemble(List.of(p, forward))).touches().isEmpty());
    }

    @Test
    void pursuitIdsAreStable() {
        assertEquals(PursuitAssembler.pursuitId("riley", "<p@acme.example>"), PursuitAssembler.pursuitId("riley", "<p@acme.example>"));
        assertTrue(!PursuitAssembler.pursuitId("riley", "<p@acme.example>").equals(PursuitAssembler.pursuitId("sam", "<p@acme.example>")));
    }

    private static Pursuit single(List<Pursuit> pursuits) {
        assertEquals(1, pursuits.size(), pursuits.toString());
        return pursuits.get(0);
    }
}
