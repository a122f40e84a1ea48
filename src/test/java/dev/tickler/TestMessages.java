package dev.tickler;

import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.detect.MessageClassifier;
import dev.tickler.mail.Address;
import dev.tickler.mail.Attachment;
import dev.tickler.mail.DeliveryReport;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.RepIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds core {@link MailMessage}s for unit tests: no server, no MIME. */
public final class TestMessages {

    public static final Address RILEY = new Address("Riley Rep", "riley@acme.example");
    public static final RepIdentity IDENTITY = new RepIdentity(RILEY, List.of("r.rep@acme.example"), Set.of("acme.example"));

    private String folder = "Sent";
    private FolderRole role = FolderRole.SENT;
    private long uid = 1;
    private String messageId;
    private final List<String> inReplyTo = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private Address from = RILEY;
    private final List<Address> to = new ArrayList<>();
    private final List<Address> cc = new ArrayList<>();
    private String subject = "";
    private Instant sentAt = Instant.parse("2026-03-06T10:00:00Z");
    private String contentType = "text/plain";
    private final Map<String, String> headers = new HashMap<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private String body;
    private DeliveryReport report;
    private boolean outline;
    private static long nextUid = 1;

    public static TestMessages sent(String id) {
        TestMessages m = new TestMessages();
        m.messageId = id;
        m.uid = nextUid++;
        return m;
    }

    public static TestMessages received(String id, Address from) {
        TestMessages m = sent(id);
        m.folder = "INBOX";
        m.role = FolderRole.INBOX;
        m.from = from;
        m.to.add(RILEY);
        return m;
    }

    public TestMessages to(Address... a) {
        to.addAll(List.of(a));
        return this;
    }

    public TestMessages cc(Address... a) {
        cc.addAll(List.of(a));
        return this;
    }

    public TestMessages subject(String s) {
        subject = s;
        return this;
    }

    public TestMessages at(String isoInstant) {
        sentAt = Instant.parse(isoInstant);
        return this;
    }

    public TestMessages at(Instant instant) {
        sentAt = instant;
        return this;
    }

    public TestMessages attachment(String name, String type) {
        attachments.add(new Attachment(name, type, 10_000));
        return this;
    }

    public TestMessages body(String text) {
        body = text;
        return this;
    }

    public TestMessages header(String lowerName, String value) {
        headers.put(lowerName, value);
        return this;
    }

    public TestMessages contentType(String type) {
        contentType = type;
        return this;
    }

    public TestMessages replyTo(String... thread) {
        inReplyTo.add(thread[thread.length - 1]);
        references.addAll(List.of(thread));
        return this;
    }

    public TestMessages report(DeliveryReport r) {
        report = r;
        return this;
    }

    public MailMessage build() {
        return new MailMessage(folder, role, uid, messageId, inReplyTo, references, from, to, cc, subject, sentAt,
                contentType, headers, attachments, body, report, List.of(), null, outline);
    }

    /** Read in outline: what the envelope and structure tell (no header fields, no body). */
    public TestMessages outline() {
        outline = true;
        headers.clear();
        references.clear();
        body = null;
        return this;
    }

    public TestMessages folder(String name) {
        folder = name;
        return this;
    }

    public ClassifiedMessage classified() {
        MailMessage m = build();
        return new ClassifiedMessage(m.withoutBody(), new MessageClassifier(IDENTITY).classify(m));
    }

    /** The one pursuit these facts make (fails the test when they make none or several). */
    public static dev.tickler.pursuit.Pursuit pursuit(List<ClassifiedMessage> facts) {
        List<dev.tickler.pursuit.Pursuit> all = new dev.tickler.pursuit.PursuitAssembler("riley", IDENTITY).assemble(facts);
        org.junit.jupiter.api.Assertions.assertEquals(1, all.size(), "pursuits made of these facts");
        return all.get(0);
    }

    /** The pursuit of a proposal alone. */
    public static dev.tickler.pursuit.Pursuit pursuit(ClassifiedMessage proposal) {
        return pursuit(List.of(proposal));
    }

    /** A typical proposal: PDF named like one, to an external prospect. */
    public static TestMessages proposal(String id, Address prospect) {
        return sent(id).to(prospect).subject("Proposal for Globex").attachment("Globex_Proposal.pdf", "application/pdf");
    }
}
