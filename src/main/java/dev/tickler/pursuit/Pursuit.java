package dev.tickler.pursuit;

import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.mail.Address;
import java.util.List;
import java.util.Locale;
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

    /** The first prospect, for display. */
    public Address primaryProspect() {
        return prospects.get(0);
    }

    public boolean isToProspect(Address address) {
        return address != null && prospects.stream().anyMatch(p -> p.key().equals(address.key().toLowerCase(Locale.ROOT)));
    }
}
