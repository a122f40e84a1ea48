package dev.tickler.detect;

import static dev.tickler.TestMessages.IDENTITY;
import static dev.tickler.TestMessages.received;
import static dev.tickler.TestMessages.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.mail.Address;
import dev.tickler.mail.DeliveryReport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageClassifierTest {

    private static final Address GINA = new Address("Gina Glass", "gina@globex.example");
    private static final Address SAM = new Address("Sam Sales", "sam@acme.example");
    private final MessageClassifier classifier = new MessageClassifier(IDENTITY);

    @ParameterizedTest
    @ValueSource(strings = {"Globex_Proposal_2026.pdf", "Quote-40-seats.pdf", "Angebot_Umbrella.pdf", "Stark SOW v3.docx",
            "devis-2026.pdf", "Offerta commerciale.pdf", "pricing.xlsx"})
    void anAttachmentNamedLikeAnOfferToAProspectIsAProposal(String fileName) {
        Classification c = classifier.classify(sent("<p@acme.example>").to(GINA).subject("Documents").attachment(fileName, "application/pdf").build());
        assertEquals(MessageKind.PROPOSAL, c.kind());
        assertTrue(c.reasons().stream().anyMatch(r -> r.rule().equals("attachment-name") && r.detail().contains(fileName)), c.reasons().toString());
    }

    @Test
    void bodyWordingAloneMakesAProposal() {
        Classification c = classifier.classify(sent("<p@acme.example>").to(GINA).subject("Next steps")
                .body("Hi Gina,\n\nAttached is our proposal for the rollout.\n").attachment("scan.pdf", "application/pdf").build());
        assertEquals(MessageKind.PROPOSAL, c.kind());
        assertTrue(c.reasons().stream().anyMatch(r -> r.rule().equals("body-phrase")));
    }

    @Test
    void aProposalSentOnlyToColleaguesIsNotOne() {
        Classification c = classifier.classify(sent("<p@acme.example>").to(SAM).subject("Proposal draft")
                .attachment("Wayne_Proposal.pdf", "application/pdf").build());
        assertEquals(MessageKind.OUTBOUND, c.kind());
        assertTrue(c.reasons().stream().anyMatch(r -> r.rule().equals("internal-only")));
    }

    @Test
    void aTeamCanAddItsOwnOfferWordsAndWeights() {
        var tender = sent("<t@acme.example>").to(GINA).subject("Documents").attachment("Tender_Response_Lot2.pdf", "application/pdf").build();
        assertEquals(MessageKind.OUTBOUND, classifier.classify(tender).kind());
        var rules = new ProposalRules(3, java.util.Map.of("documentAttached", 0), java.util.List.of("tender response"), java.util.List.of());
        Classification c = new MessageClassifier(IDENTITY, java.time.ZoneId.of("UTC"), rules).classify(tender);
        assertEquals(MessageKind.PROPOSAL, c.kind());
        assertTrue(c.reasons().stream().anyMatch(r -> r.rule().equals("attachment-name") && r.detail().contains("Tender Response")), c.reasons().toString());
    }

    @Test
    void aQuoteTheRepAsksASupplierForIsNotAProposal() {
        var request = sent("<q@acme.example>").to(GINA).subject("Quote for banners")
                .body("Hi, could you please send us a quote for 20 roll-up banners? Thanks, Riley").build();
        assertEquals(MessageKind.OUTBOUND, classifier.classify(request).kind());
    }

    @Test
    void aReplyQuotingOurProposalIsNotItselfAProposal() {
        var chat = sent("<c@acme.example>").to(GINA).subject("Re: lunch").body(
                "Sounds good, see you at noon.\n\nOn Tue, 3 Mar 2026 at 10:00, Gina Glass wrote:\n"
                        + "> Riley, attached is our proposal for the offsite\n").build();
        assertEquals(MessageKind.OUTBOUND, classifier.classify(chat).kind());
    }

    @Test
    void anInvoiceIsNotAProposal() {
        Classification c = classifier.classify(sent("<i@acme.example>").to(GINA).subject("Invoice 2026-14 for your quote")
                .attachment("Invoice-2026-14.pdf", "application/pdf").build());
        assertEquals(MessageKind.OUTBOUND, c.kind());
    }

    @Test
    void anOrdinaryEmailIsNotAProposal() {
        assertEquals(MessageKind.OUTBOUND, classifier.classify(sent("<l@acme.example>").to(GINA).subject("Lunch?").body("Tuesday?").build()).kind());
    }

    @Test
    void mailFromAnAliasCountsAsTheRep() {
        var m = received("<x@acme.example>", new Address(null, "R.Rep@acme.example")).to(GINA).subject("Quote")
                .attachment("quote.pdf", "application/pdf").build();
        assertTrue(classifier.isFromRep(m));
        assertEquals(MessageKind.PROPOSAL, classifier.classify(m).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Automatic reply: Proposal", "Out of Office: Proposal", "Abwesenheitsnotiz: Angebot",
            "Réponse automatique : devis", "Respuesta automática: propuesta", "Afwezig: offerte", "Risposta automatica: offerta"})
    void localisedAutoReplySubjectsAreAutoReplies(String subject) {
        assertEquals(MessageKind.AUTO_REPLY, classifier.classify(received("<a@globex.example>", GINA).subject(subject).build()).kind());
    }

    @Test
    void rfc3834HeaderMakesAnAutoReplyWhateverTheSubject() {
        Classification c = classifier.classify(received("<a@globex.example>", GINA).subject("Re: Proposal")
                .header("auto-submitted", "auto-replied").build());
        assertEquals(MessageKind.AUTO_REPLY, c.kind());
        assertEquals("rfc3834-auto-submitted", c.reasons().get(0).rule());
    }

    @Test
    void autoSubmittedNoIsAPersonWriting() {
        assertEquals(MessageKind.INBOUND, classifier.classify(received("<a@globex.example>", GINA).subject("Re: Proposal")
                .header("auto-submitted", "no").build()).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-autoreply", "x-autorespond"})
    void vendorAutoReplyHeaders(String header) {
        assertEquals(MessageKind.AUTO_REPLY, classifier.classify(received("<a@globex.example>", GINA).subject("Re: Proposal")
                .header(header, "yes").build()).kind());
    }

    @Test
    void aDeliveryStatusReportIsABounceNotAnAutoReply() {
        Classification c = classifier.classify(received("<b@mx.example>", Address.of("MAILER-DAEMON@mx.example"))
                .subject("Undelivered Mail Returned to Sender").header("auto-submitted", "auto-replied")
                .contentType("multipart/report; report-type=delivery-status; boundary=x")
                .report(new DeliveryReport(List.of("gina@globex.example"), "<p@acme.example>")).build());
        assertEquals(MessageKind.BOUNCE, c.kind());
    }

    @Test
    void anExchangeStyleNdrWithoutReportTypeIsABounce() {
        assertEquals(MessageKind.BOUNCE, classifier.classify(received("<b@x>", Address.of("postmaster@globex.example"))
                .subject("Undeliverable: Proposal").build()).kind());
    }

    @Test
    void aPlainReplyIsInbound() {
        assertEquals(MessageKind.INBOUND, classifier.classify(received("<r@globex.example>", GINA).subject("RE: Proposal").build()).kind());
    }

    @Test
    void aMeetingResponseIsAMeetingFactUnlessItDeclinesWithANote() {
        String accepted = "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:u\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:gina@globex.example\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        String declined = accepted.replace("ACCEPTED", "DECLINED");
        dev.tickler.mail.MailMessage outlook = dev.tickler.TestMessages.received("<r@globex.example>", GINA).subject("Declined: Call")
                .attachment("invite.ics", "text/calendar")
                .body("When: Tuesday, 17 March 2026 14:00-14:30 (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\n"
                        + "Where: Microsoft Teams Meeting\nGina Glass has declined this invitation.").build();
        assertEquals(MessageKind.CALENDAR_REPLY, classifier.classify(outlook.withCalendar(accepted, java.util.List.of())).kind());
        assertEquals(MessageKind.CALENDAR_REPLY, classifier.classify(outlook.withCalendar(declined, java.util.List.of())).kind(),
                "the client's boilerplate is no note");
        dev.tickler.mail.MailMessage withNote = outlook.withBody("Thanks Riley, but we have decided to go with another vendor for this "
                + "project, so there is no need to meet.\n\nWhen: Tuesday, 17 March 2026");
        assertEquals(MessageKind.INBOUND, classifier.classify(withNote.withCalendar(declined, java.util.List.of())).kind());
        assertEquals(MessageKind.INBOUND, classifier.classify(outlook.withCalendar(
                declined.replace("END:VEVENT", "COMMENT:Sorry, we chose another supplier.\r\nEND:VEVENT"), java.util.List.of())).kind());
    }

    @Test
    void anOutlineWantsItsDetailOnlyWhenItLooksAutomatic() {
        Address stranger = new Address("Ops", "notifications@shipping.example");
        assertTrue(classifier.wantsBody(received("<b1@x.example>", stranger).subject("Undeliverable: Proposal").outline().build()),
                "a failure subject from any sender: a plain report names the failed recipient in its text");
        assertTrue(classifier.wantsBody(received("<b2@x.example>", new Address(null, "MAILER-DAEMON@mx.example")).subject("x")
                .outline().build()));
        assertTrue(!classifier.wantsBody(received("<n1@x.example>", stranger).subject("Your parcel").outline().build()));
        Classification c = classifier.classify(received("<n1@x.example>", stranger).subject("Your parcel").outline().build());
        assertEquals(MessageKind.INBOUND, c.kind());
        assertEquals("outline", c.reasons().get(0).rule());
    }
}
