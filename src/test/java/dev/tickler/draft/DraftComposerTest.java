package dev.tickler.draft;

import static dev.tickler.TestMessages.IDENTITY;
import static dev.tickler.TestMessages.RILEY;
import static dev.tickler.TestMessages.proposal;
import static dev.tickler.TestMessages.received;
import static dev.tickler.TestMessages.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.cadence.BusinessCalendar;
import dev.tickler.cadence.CadencePlanner;
import dev.tickler.cadence.CadencePolicy;
import dev.tickler.cadence.Decision;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.mail.Address;
import dev.tickler.mail.DeliveryReport;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.pursuit.PursuitAssembler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DraftComposerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Address GINA = new Address("Gina Glass", "gina@globex.example");
    private static final Address GREG = new Address("Greg Globex", "greg@globex.example");
    private static final Address SAM = new Address("Sam Sales", "sam@acme.example");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-12T09:00:00Z"), ZoneOffset.UTC);

    private final TemplateSet templates = TemplateSet.of("en", Map.of(
            TemplateKind.REMINDER, "Hi ${prospectFirstName}, about ${proposalSubject} of ${proposalDate} (${daysSinceProposal} days) from ${prospectCompany}. ${repName}",
            TemplateKind.SECOND_REMINDER, "Hi ${prospectFirstName}, once more about ${proposalSubject}. ${signature}",
            TemplateKind.REVIVAL, "Hi ${prospectFirstName}, I'll assume you're not in a position to go ahead. ${repFirstName}",
            TemplateKind.NURTURE, "Hi ${prospectFirstName}, checking in. ${signature}"), Map.of());
    private final DraftComposer composer = new DraftComposer(IDENTITY, BERLIN, templates);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Proposal for Globex|Re: Proposal for Globex",
        "Re: Proposal for Globex|Re: Proposal for Globex",
        "RE: Re: AW: Proposal|Re: Proposal",
        "Aw: Angebot|Re: Angebot",
        "Re[2]: Quote|Re: Quote",
        "Fwd: Quote|Re: Fwd: Quote",
        "Recap of our call|Re: Recap of our call"})
    void theSubjectGetsExactlyOneRe(String original, String expected) {
        assertEquals(expected, DraftComposer.replySubject(original));
    }

    @Test
    void theFirstReminderRepliesToTheProposalWithThreadingHeadersAndAStableId() {
        ClassifiedMessage p = proposal("<p@acme.example>", GINA).cc(GREG, SAM).subject("Proposal for Globex")
                .at("2026-03-06T14:00:00Z").classified();
        Pursuit pursuit = pursuit(List.of(p));
        Draft draft = composer.compose(pursuit, decide(pursuit), NOW);
        assertEquals(DraftComposer.messageId(pursuit.id(), 1, "acme.example"), draft.messageId());
        assertEquals("<tickler-" + pursuit.id() + "-1@acme.example>", draft.messageId());
        assertEquals("<p@acme.example>", draft.inReplyTo());
        assertEquals(List.of("<p@acme.example>"), draft.references());
        assertEquals(List.of(GINA), draft.to());
        assertEquals(List.of(GREG), draft.cc(), "the colleague at acme is never addressed");
        assertEquals(RILEY, draft.from());
        assertEquals("Re: Proposal for Globex", draft.subject());
        assertEquals("Hi Gina, about Proposal for Globex of 6 March (6 days) from Globex. Riley Rep", draft.body());
    }

    @Test
    void aLaterReminderRepliesToTheLastTouchAndCarriesTheWholeThread() {
        ClassifiedMessage p = proposal("<p@acme.example>", GINA).at("2026-02-26T14:00:00Z").classified();
        ClassifiedMessage t1 = sent("<t1@acme.example>").to(GINA).replyTo("<p@acme.example>").at("2026-03-04T09:00:00Z").classified();
        Pursuit pursuit = pursuit(List.of(p, t1));
        Draft draft = composer.compose(pursuit, decide(pursuit), NOW);
        assertEquals("<t1@acme.example>", draft.inReplyTo());
        assertEquals(List.of("<p@acme.example>", "<t1@acme.example>"), draft.references());
        assertEquals(2, draft.step());
    }

    @Test
    void aBouncedAddressIsNeverAddressedAgain() {
        ClassifiedMessage p = proposal("<p@acme.example>", GINA).cc(GREG).at("2026-03-06T14:00:00Z").classified();
        ClassifiedMessage bounce = received("<b@mx>", Address.of("MAILER-DAEMON@mx.globex.example"))
                .subject("Undelivered Mail Returned to Sender").contentType("multipart/report; report-type=delivery-status")
                .report(new DeliveryReport(List.of("gina@globex.example"), "<p@acme.example>")).at("2026-03-06T14:01:00Z").classified();
        Pursuit pursuit = pursuit(List.of(p, bounce));
        Draft draft = composer.compose(pursuit, decide(pursuit), NOW);
        assertEquals(List.of(GREG), draft.to());
        assertTrue(draft.cc().isEmpty());
        assertFalse(draft.body().contains("Gina"));
    }

    @Test
    void theFollowUpComesFromTheAliasTheProposalWasSentFrom() {
        ClassifiedMessage p = dev.tickler.TestMessages.received("<p@acme.example>", new Address(null, "r.rep@acme.example"))
                .to(GINA).subject("Quote").attachment("Quote.pdf", "application/pdf").at("2026-03-06T14:00:00Z").classified();
        Pursuit pursuit = pursuit(List.of(p));
        Draft draft = composer.compose(pursuit, decide(pursuit), NOW);
        assertEquals(new Address("Riley Rep", "r.rep@acme.example"), draft.from());
    }

    @Test
    void companyNamesComeFromTheDomain() {
        assertEquals("Globex", DraftComposer.company("globex.example"));
        assertEquals("Acme", DraftComposer.company("mail.acme.co.uk"));
        assertEquals("Ibm", DraftComposer.company("mail.ibm.com"));
    }

    private Decision decide(Pursuit pursuit) {
        return new CadencePlanner(CadencePolicy.DEFAULT, BusinessCalendar.mondayToFriday(BERLIN)).decide(pursuit, NOW);
    }

    private static Pursuit pursuit(List<ClassifiedMessage> facts) {
        return new PursuitAssembler("riley", IDENTITY).assemble(facts).get(0);
    }
}
