package dev.tickler.pursuit;

import static dev.tickler.TestMessages.IDENTITY;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.TestMessages;
import dev.tickler.mail.Address;
import dev.tickler.mail.MailMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CorrespondentsTest {

    private static final Address PAT = new Address("Pat Buyer", "pat@globex.example");
    private static final Address FRIEND = new Address("Sam", "sam.prospect@gmail.com");

    private Correspondents known;

    @BeforeEach
    void theRepWroteToPatAndToAGmailAddress() {
        known = new Correspondents(IDENTITY);
        MailMessage proposal = TestMessages.sent("<p1@acme.example>").to(PAT).subject("Proposal for Globex").build();
        assertTrue(known.concerns(proposal, true), "the rep's mail to outsiders is read in full");
        known.readInFull(proposal);
        assertTrue(known.concerns(TestMessages.sent("<p2@acme.example>").to(FRIEND).subject("Quote").build(), true));
    }

    @Test
    void theRepsInternalMailIsReadInOutline() {
        Address colleague = new Address("Kim", "kim@acme.example");
        assertFalse(known.concerns(TestMessages.sent("<i1@acme.example>").to(colleague).subject("Lunch?").build(), true));
    }

    @Test
    void mailFromSomeoneTheRepWroteToOrTheirCompanyIsReadInFull() {
        assertTrue(known.concerns(inbound(PAT, "Thanks"), false));
        assertTrue(known.concerns(inbound(new Address("Lee", "LEE@Globex.example"), "Hello"), false), "a colleague at Globex");
        assertTrue(known.concerns(inbound(FRIEND, "hi"), false));
    }

    @Test
    void aPublicMailProviderIsNotACompany() {
        assertFalse(known.concerns(inbound(new Address("Other", "someone.else@gmail.com"), "Hello"), false));
    }

    @Test
    void strangersNewslettersAndColleaguesAreReadInOutline() {
        assertFalse(known.concerns(inbound(new Address("News", "news@media.example"), "Weekly digest"), false));
        assertFalse(known.concerns(inbound(new Address("Kim", "kim@acme.example"), "Re: Proposal for Globex"), false),
                "a colleague of the rep never answers for the prospect");
    }

    @Test
    void anAnswerToAMessageReadInFullIsReadInFullWhoeverSendsIt() {
        MailMessage fromAnotherDomain = TestMessages.received("<x1@holding.example>", new Address("Proc", "proc@holding.example"))
                .subject("Purchase order").replyTo("<p1@acme.example>").build();
        assertTrue(known.concerns(fromAnotherDomain, false));
        MailMessage toSomethingElse = TestMessages.received("<x2@holding.example>", new Address("Proc", "proc@holding.example"))
                .subject("Purchase order").replyTo("<fw1@globex.example>").build();
        assertTrue(known.concerns(toSomethingElse, false), "an answer from outside to a forward: References may name the proposal");
        MailMessage colleagueToSomethingElse = TestMessages.received("<x3@acme.example>", new Address("Kim", "kim@acme.example"))
                .subject("Lunch").replyTo("<unknown@acme.example>").build();
        assertFalse(known.concerns(colleagueToSomethingElse, false));
        MailMessage colleagueInTheThread = TestMessages.received("<x4@acme.example>", new Address("Kim", "kim@acme.example"))
                .subject("Re: Proposal for Globex").replyTo("<p1@acme.example>").build();
        assertTrue(known.concerns(colleagueInTheThread, false), "in the thread of a message read in full");
    }

    @Test
    void aReplyUnderTheSubjectOfTheRepsMailIsReadInFull() {
        // Forwarded inside the prospect's group and answered from there: the link may be in References only.
        assertTrue(known.concerns(inbound(new Address("Proc", "proc@holding.example"), "RE: [EXT] FW: Proposal for Globex"), false));
        assertTrue(known.concerns(inbound(new Address("Proc", "proc@holding.example"), "AW: proposal  for GLOBEX"), false));
        assertTrue(known.concerns(inbound(new Address("Proc", "proc@holding.example"), "RES: Proposal for Globex"), false));
        assertTrue(known.concerns(inbound(new Address("Proc", "proc@holding.example"), "[External Sender] RE: Proposal for Globex"),
                false));
        assertFalse(known.concerns(inbound(new Address("News", "news@media.example"), "Proposal for Globex"), false),
                "the same words without a reply marker are somebody else's");
        assertFalse(known.concerns(inbound(new Address("Proc", "proc@holding.example"), "Re: Something else"), false));
    }

    @Test
    void learningFromStoredFactsRestoresWhatReadingTaught() {
        Correspondents fresh = new Correspondents(IDENTITY);
        fresh.learn(TestMessages.sent("<p1@acme.example>").to(PAT).subject("Proposal for Globex").build(), true);
        MailMessage answered = TestMessages.received("<r1@globex.example>", PAT).subject("Re: Proposal").build();
        fresh.learn(answered, false);
        assertTrue(fresh.concerns(inbound(new Address("Lee", "lee@globex.example"), "Hi"), false));
        // A colleague's answer (from outside, any answer is read in full): only a known Message-ID makes it count.
        MailMessage answerToTheAnswer = TestMessages.received("<y@acme.example>", new Address("Kim", "kim@acme.example"))
                .subject("x").replyTo("<r1@globex.example>").build();
        assertTrue(fresh.concerns(answerToTheAnswer, false), "a fact read in full teaches its Message-ID");

        MailMessage outline = TestMessages.received("<n1@media.example>", new Address("News", "news@media.example"))
                .subject("Digest").build();
        MailMessage stored = new MailMessage(outline.folder(), outline.role(), outline.uid(), outline.messageId(), outline.inReplyTo(),
                outline.references(), outline.from(), outline.to(), outline.cc(), outline.subject(), outline.sentAt(),
                outline.contentType(), outline.headers(), outline.attachments(), null, null, outline.defects(), null, true);
        fresh.learn(stored, false);
        MailMessage answerToANewsletter = TestMessages.received("<z@acme.example>", new Address("Kim", "kim@acme.example"))
                .subject("x").replyTo("<n1@media.example>").build();
        assertFalse(fresh.concerns(answerToANewsletter, false), "a fact read in outline teaches nothing");
    }

    private static MailMessage inbound(Address from, String subject) {
        return TestMessages.received("<" + subject.hashCode() + "@x.example>", from).subject(subject).build();
    }
}
