package dev.tickler.pursuit;

import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.mail.Address;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailMessage;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything that followed one proposal, in date order.
 *
 * @param touches          messages the rep sent in the thread after the proposal
 * @param answers          real replies from outside the company
 * @param autoReplies      automatic replies in the thread (not answers)
 * @param bounces          delivery failures for this proposal or its touches
 * @param bouncedAddresses lower-case addresses that bounced
 * @param links            for each message (by {@code folder#uid}), how it was tied to the pursuit
 */
public record Pursuit(
        String id,
        String mailboxId,
        ClassifiedMessage proposal,
        List<Address> prospects,
        List<ClassifiedMessage> touches,
        List<ClassifiedMessage> answers,
        List<ClassifiedMessage> autoReplies,
        List<ClassifiedMessage> bounces,
        Set<String> bouncedAddresses,
        java.util.Map<String, String> links) {

    public Pursuit {
        prospects = List.copyOf(prospects);
        touches = List.copyOf(touches);
        answers = List.copyOf(answers);
        autoReplies = List.copyOf(autoReplies);
        bounces = List.copyOf(bounces);
        bouncedAddresses = Set.copyOf(bouncedAddresses);
        links = java.util.Map.copyOf(links);
    }

    /** How a message was tied to this pursuit ("in the thread", "from the prospect, in a new thread"...). */
    public String linkOf(ClassifiedMessage fact) {
        return links.getOrDefault(fact.message().logId(), "the proposal");
    }

    /** The rep's latest message in the pursuit: the last touch, else the proposal. */
    public ClassifiedMessage lastOutbound() {
        return touches.isEmpty() ? proposal : touches.get(touches.size() - 1);
    }

    /** Prospect addresses that have not bounced: the only ones a draft may go to. */
    public List<Address> reachableProspects() {
        return prospects.stream().filter(a -> !bouncedAddresses.contains(a.key())).toList();
    }

    /**
     * The same pursuit as if the rep had sent one more touch at {@code when}: for looking ahead
     * ("what happens over the next 30 days if I send each draft?").
     */
    public Pursuit assumingTouchAt(Instant when, int n) {
        MailMessage last = lastOutbound().message();
        MailMessage touch = new MailMessage("(assumed)", FolderRole.SENT, -n, "<assumed-" + n + "@tickler.invalid>",
                last.messageId() == null ? List.of() : List.of(last.messageId()), List.of(), last.from(), reachableProspects(),
                List.of(), "Re: " + proposal.message().subject(), when, "text/plain", java.util.Map.of(), List.of(), null, null, List.of());
        List<ClassifiedMessage> more = new java.util.ArrayList<>(touches);
        more.add(new ClassifiedMessage(touch, new dev.tickler.detect.Classification(dev.tickler.detect.MessageKind.OUTBOUND, 0,
                List.of(dev.tickler.detect.Reason.of("assumed", "assumed sent")))));
        return new Pursuit(id, mailboxId, proposal, prospects, more, answers, autoReplies, bounces, bouncedAddresses, links);
    }

    /** Every message of the pursuit, oldest first: the proposal, touches, answers, auto-replies, bounces. */
    public List<ClassifiedMessage> timeline() {
        List<ClassifiedMessage> all = new java.util.ArrayList<>();
        all.add(proposal);
        all.addAll(touches);
        all.addAll(answers);
        all.addAll(autoReplies);
        all.addAll(bounces);
        all.sort(java.util.Comparator.comparing(ClassifiedMessage::sentAt));
        return all;
    }

}
