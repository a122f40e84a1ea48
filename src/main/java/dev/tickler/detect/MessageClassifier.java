package dev.tickler.detect;

import dev.tickler.mail.Address;
import dev.tickler.mail.DeliveryReport;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.RepIdentity;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what one message is, with the reasons, for one rep's mailbox: the rep's own mail is scored
 * for "proposal"; everything else is a bounce, an auto-reply, or ordinary inbound mail (a possible
 * answer, judged per pursuit). Bounces are checked before auto-replies because mail systems mark
 * their reports {@code Auto-Submitted} too.
 */
public final class MessageClassifier {

    private final RepIdentity identity;
    private final ZoneId zone;
    private final ProposalDetector proposals;
    private static final java.util.regex.Pattern CALENDAR_REPLY = java.util.regex.Pattern.compile(
            "(?im)^METHOD\\s*:\\s*REPLY\\s*$");
    private static final java.util.regex.Pattern DECLINED = java.util.regex.Pattern.compile("(?i)PARTSTAT=DECLINED");
    /** Outlook puts the decliner's note in DESCRIPTION, others in COMMENT. */
    private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile("(?im)^(COMMENT|DESCRIPTION)(;[^:]*)?:\\s*\\S");
    /** What calendar clients write around a response: times, places, links, "has declined this invitation". */
    private static final java.util.regex.Pattern BOILERPLATE = java.util.regex.Pattern.compile(
            "(?i)^\\s*(when|where|wann|ort|quand|où|calendar|kalender|organi[sz]er|invitation from|you are receiving|forwarding|"
                    + "learn more|reply for|view all|join|https?://)|(has|hat) (declined|abgelehnt|accepted|angenommen)|"
                    + "declined this|this invitation|diese einladung");
    private final AutoReplyDetector autoReplies = new AutoReplyDetector();
    private final BounceDetector bounces = new BounceDetector();

    public MessageClassifier(RepIdentity identity, ZoneId zone, ProposalRules rules) {
        this.identity = identity;
        this.zone = zone;
        this.proposals = new ProposalDetector(rules);
    }

    public MessageClassifier(RepIdentity identity, ZoneId zone) {
        this(identity, zone, ProposalRules.DEFAULT);
    }

    public MessageClassifier(RepIdentity identity) {
        this(identity, ZoneId.of("UTC"));
    }

    public Classification classify(MailMessage message) {
        if (isFromRep(message)) {
            return classifyOutbound(message);
        }
        if (message.outline()) {
            // Read in outline because nothing in it (sender, threading, subject, structure) concerns the rep's
            // mail or looks automatic: the checks below would find nothing more in it.
            return new Classification(MessageKind.INBOUND, 0, List.of(Reason.of("outline",
                    "read in outline: from nobody you wrote to, not an answer to your mail, nothing automatic")));
        }
        List<Reason> bounce = bounces.reasons(message);
        if (!bounce.isEmpty()) {
            return new Classification(MessageKind.BOUNCE, 0, bounce, null, report(message));
        }
        if (message.calendarText() != null && CALENDAR_REPLY.matcher(message.calendarText()).find()) {
            if (!declinedWithANote(message)) {
                return new Classification(MessageKind.CALENDAR_REPLY, 0, List.of(Reason.of("calendar-reply",
                        "an answer to a meeting invitation (METHOD:REPLY); the meeting counts, not the mail")));
            }
            return new Classification(MessageKind.INBOUND, 0, List.of(Reason.of("declined-with-note",
                    "declined the meeting and wrote something: read as an answer")));
        }
        List<Reason> auto = autoReplies.reasons(message);
        if (!auto.isEmpty()) {
            LocalDate sentOn = message.sentAt().atZone(zone).toLocalDate();
            String text = message.subject() + "\n" + (message.bodyText() == null ? "" : message.bodyText());
            Optional<LocalDate> back = ReturnDateParser.firstDayBack(text, sentOn, !looksEuropean(message));
            List<Reason> reasons = new ArrayList<>(auto);
            back.ifPresent(d -> reasons.add(Reason.of("return-date", "back on " + d)));
            return new Classification(MessageKind.AUTO_REPLY, 0, reasons, back.orElse(null), null);
        }
        Optional<Reason> bulk = ProposalDetector.bulk(message);
        if (bulk.isPresent()) {
            return new Classification(MessageKind.BULK, 0, List.of(Reason.of(bulk.get().rule(), bulk.get().detail())));
        }
        return new Classification(MessageKind.INBOUND, 0, List.of(Reason.of("inbound", "from outside, not automatic")));
    }

    /**
     * A decline that says something ("we went with another vendor"): a COMMENT in the reply, or more
     * than a line of the sender's own text beside the calendar client's boilerplate.
     */
    private static boolean declinedWithANote(MailMessage message) {
        String ics = message.calendarText();
        if (!DECLINED.matcher(ics).find()) {
            return false;
        }
        if (COMMENT.matcher(ics).find()) {
            return true;
        }
        String own = message.bodyText() == null ? "" : OwnText.of(message.bodyText());
        long words = own.lines().filter(l -> !BOILERPLATE.matcher(l).find())
                .flatMap(l -> java.util.Arrays.stream(l.split("\\s+"))).filter(w -> w.length() > 1).count();
        return words > 12;
    }

    /** True when the rep wrote it: filed in Sent, or from the owner or an alias. */
    public boolean isFromRep(MailMessage message) {
        return message.role() == FolderRole.SENT || identity.isRep(message.from());
    }

    /**
     * Whether the body is worth a round trip: the rep's mail to outsiders (proposal wording), and
     * anything that looks automatic (return dates, bounce recipients). Asked with the outline first
     * (a yes also has the message read in full), then again with its header fields.
     */
    public boolean wantsBody(MailMessage message) {
        if (isFromRep(message)) {
            return message.recipients().stream().anyMatch(identity::isExternal);
        }
        return !autoReplies.reasons(message).isEmpty() || !bounces.reasons(message).isEmpty()
                || BounceDetector.looksLikeSystemSender(message.from())
                || BounceDetector.hasFailureSubject(message.subject()) // a plain report names the failed recipient in its text
                || message.attachments().stream().anyMatch(a -> a.mimeType().equals("text/calendar")); // a decline may carry a note
    }

    private DeliveryReport report(MailMessage message) {
        if (message.report() != null) {
            return message.report();
        }
        return PlainBounceParser.parse(message.subject(), message.bodyText(),
                address -> identity.isInternal(Address.of(address)) || address.equalsIgnoreCase(
                        message.from() == null ? "" : message.from().email()));
    }

    private Classification classifyOutbound(MailMessage message) {
        List<Reason> reasons = new ArrayList<>(proposals.score(message));
        int score = reasons.stream().mapToInt(Reason::weight).sum();
        boolean external = message.recipients().stream().anyMatch(identity::isExternal);
        if (!external) {
            reasons.add(Reason.of("internal-only", "every recipient is inside the company"));
        }
        if (proposals.isProposal(score, message, identity)) {
            // Only a proposal's language is used (its follow-ups are written in it): not guessed for the rest.
            String language = LanguageGuess.of(message.subject() + "\n" + OwnText.of(message.bodyText()));
            reasons.add(Reason.of("proposal", "score " + score + " reaches threshold " + proposals.threshold()
                    + " and mail goes outside the company"));
            return new Classification(MessageKind.PROPOSAL, score, reasons, null, null, language);
        }
        if (external) {
            reasons.add(Reason.of("not-a-proposal", "score " + score + " is below threshold " + proposals.threshold()));
        }
        return new Classification(MessageKind.OUTBOUND, score, reasons, null, null, null);
    }

    /** 03/04 is 3 April unless the text is English: US-style dates are read month first only then. */
    private static boolean looksEuropean(MailMessage message) {
        String text = (message.subject() + " " + (message.bodyText() == null ? "" : message.bodyText())).toLowerCase(Locale.ROOT);
        return !text.matches("(?s).*\\b(the|and|office|until|back|will)\\b.*");
    }
}
