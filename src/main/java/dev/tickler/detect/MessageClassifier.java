package dev.tickler.detect;

import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.RepIdentity;
import java.util.ArrayList;
import java.util.List;

/** Decides what one message is, with the reasons, for one rep's mailbox. */
public final class MessageClassifier {

    private final RepIdentity identity;
    private final ProposalDetector proposals = new ProposalDetector();
    private final AutoReplyDetector autoReplies = new AutoReplyDetector();
    private final BounceDetector bounces = new BounceDetector();

    public MessageClassifier(RepIdentity identity) {
        this.identity = identity;
    }

    public Classification classify(MailMessage message) {
        if (isFromRep(message)) {
            return classifyOutbound(message);
        }
        List<Reason> bounce = bounces.reasons(message);
        if (!bounce.isEmpty()) {
            return new Classification(MessageKind.BOUNCE, 0, bounce);
        }
        List<Reason> auto = autoReplies.reasons(message);
        if (!auto.isEmpty()) {
            return new Classification(MessageKind.AUTO_REPLY, 0, auto);
        }
        return new Classification(MessageKind.INBOUND, 0, List.of(Reason.of("inbound", "not from the rep, not automatic")));
    }

    /** True when the rep wrote it: filed in Sent, or from the owner or an alias. */
    public boolean isFromRep(MailMessage message) {
        return message.role() == FolderRole.SENT || identity.isRep(message.from());
    }

    /** Whether this message is what the body text is needed for: something the rep sent outside. */
    public boolean wantsBody(MailMessage message) {
        return isFromRep(message) && message.recipients().stream().anyMatch(identity::isExternal);
    }

    private Classification classifyOutbound(MailMessage message) {
        List<Reason> reasons = new ArrayList<>(proposals.score(message));
        int score = reasons.stream().mapToInt(Reason::weight).sum();
        boolean external = message.recipients().stream().anyMatch(identity::isExternal);
        if (!external) {
            reasons.add(Reason.of("internal-only", "every recipient is inside the company"));
        }
        if (ProposalDetector.isProposal(score, message, identity)) {
            reasons.add(Reason.of("proposal", "score " + score + " reaches threshold " + ProposalDetector.THRESHOLD
                    + " and mail goes outside the company"));
            return new Classification(MessageKind.PROPOSAL, score, reasons);
        }
        if (external) {
            reasons.add(Reason.of("not-a-proposal", "score " + score + " is below threshold " + ProposalDetector.THRESHOLD));
        }
        return new Classification(MessageKind.OUTBOUND, score, reasons);
    }
}
