package dev.tickler.runtime;

import dev.tickler.detect.MessageClassifier;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.MailboxSource;
import dev.tickler.pursuit.Correspondents;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one pass reads of each message: in full (header fields) only what concerns someone the rep wrote to or looks
 * automatic, the rest in outline; bodies of the rep's mail to outsiders, of automatic mail, and of replies to proposals
 * (auto-reply wording); nothing of mail older than {@code oldest} (its invitations aside).
 */
final class PassReadPolicy implements MailboxSource.ReadPolicy {

    private final MessageClassifier classifier;
    private final Instant oldest;
    private final Supplier<Correspondents> known;
    private final Set<String> proposalIds;
    private final Runnable storedProposals;
    private final StoringThread<?> storing;

    /**
     * @param proposalIds     the proposals' Message-IDs seen so far, filled as batches are stored
     * @param storedProposals adds the stored proposals' Message-IDs to {@code proposalIds} the first time it runs
     */
    PassReadPolicy(MessageClassifier classifier, Instant oldest, Supplier<Correspondents> known, Set<String> proposalIds,
                   Runnable storedProposals, StoringThread<?> storing) {
        this.classifier = classifier;
        this.oldest = oldest;
        this.known = known;
        this.proposalIds = proposalIds;
        this.storedProposals = storedProposals;
        this.storing = storing;
    }

    @Override
    public boolean wantsDetail(MailMessage outline) {
        if (outline.sentAt().isBefore(oldest)) {
            return false;
        }
        Correspondents correspondents = known.get();
        boolean detail = correspondents.concerns(outline, classifier.isFromRep(outline)) || classifier.wantsBody(outline);
        if (detail) {
            correspondents.readInFull(outline);
        }
        return detail;
    }

    @Override
    public Instant oldestKept() {
        return oldest;
    }

    @Override
    public boolean wantsBody(MailMessage message) {
        if (message.sentAt().isBefore(oldest)) {
            return false;
        }
        return classifier.wantsBody(message) || repliesToProposal(message);
    }

    /** Whether a message answers a proposal, counting those in batches read but not stored yet. */
    private boolean repliesToProposal(MailMessage m) {
        List<String> parents = m.parentIds();
        if (parents.isEmpty()) {
            return false;
        }
        storedProposals.run();
        if (parents.stream().anyMatch(proposalIds::contains)) {
            return true;
        }
        storing.awaitStored();
        return parents.stream().anyMatch(proposalIds::contains);
    }
}
