package dev.tickler.pursuit;

import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.detect.MessageKind;
import dev.tickler.mail.Address;
import dev.tickler.mail.RepIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds pursuits from one mailbox's classified messages: each proposal starts one, and every
 * later message that points into its thread (In-Reply-To / References) joins it.
 */
public final class PursuitAssembler {

    private final String mailboxId;
    private final RepIdentity identity;

    public PursuitAssembler(String mailboxId, RepIdentity identity) {
        this.mailboxId = mailboxId;
        this.identity = identity;
    }

    public List<Pursuit> assemble(List<ClassifiedMessage> facts) {
        List<ClassifiedMessage> ordered = deduplicate(facts);
        Map<String, Builder> byThreadId = new HashMap<>();
        List<Builder> builders = new ArrayList<>();
        for (ClassifiedMessage fact : ordered) {
            if (fact.kind() == MessageKind.PROPOSAL && fact.messageId() != null && findThread(fact, byThreadId) == null) {
                Builder builder = new Builder(fact);
                builders.add(builder);
                byThreadId.put(fact.messageId(), builder);
            }
        }
        // Messages join a thread through any id they point at; repeat until nothing moves, so a
        // reply that arrives (or is dated) before the message it answers still finds its place.
        Set<ClassifiedMessage> placed = new HashSet<>();
        boolean moved = true;
        while (moved) {
            moved = false;
            for (ClassifiedMessage fact : ordered) {
                if (placed.contains(fact) || isProposalOfItsOwn(fact, byThreadId)) {
                    continue;
                }
                Builder builder = findThread(fact, byThreadId);
                if (builder != null) {
                    builder.add(fact);
                    placed.add(fact);
                    if (fact.messageId() != null) {
                        byThreadId.putIfAbsent(fact.messageId(), builder);
                    }
                    moved = true;
                }
            }
        }
        attachBouncesByRecipient(ordered, placed, builders);
        return builders.stream().map(Builder::build).toList();
    }

    private boolean isProposalOfItsOwn(ClassifiedMessage fact, Map<String, Builder> byThreadId) {
        Builder owner = fact.messageId() == null ? null : byThreadId.get(fact.messageId());
        return owner != null && owner.proposal == fact;
    }

    private static Builder findThread(ClassifiedMessage fact, Map<String, Builder> byThreadId) {
        for (String parent : fact.message().parentIds()) {
            Builder builder = byThreadId.get(parent);
            if (builder != null) {
                return builder;
            }
        }
        if (fact.message().report() != null && fact.message().report().originalMessageId() != null) {
            return byThreadId.get(fact.message().report().originalMessageId());
        }
        return null;
    }

    /** A bounce that quotes no header of ours still counts when it names a prospect of a pursuit. */
    private static void attachBouncesByRecipient(List<ClassifiedMessage> ordered, Set<ClassifiedMessage> placed,
                                                 List<Builder> builders) {
        for (ClassifiedMessage fact : ordered) {
            if (fact.kind() != MessageKind.BOUNCE || placed.contains(fact) || fact.message().report() == null) {
                continue;
            }
            for (Builder builder : builders) {
                boolean namesProspect = fact.message().report().failedRecipients().stream()
                        .anyMatch(r -> builder.prospects.stream().anyMatch(p -> p.key().equalsIgnoreCase(r)));
                if (namesProspect && !fact.sentAt().isBefore(builder.proposal.sentAt())) {
                    builder.add(fact);
                }
            }
        }
    }

    /** The same message filed twice (Sent and INBOX, say) counts once. */
    private static List<ClassifiedMessage> deduplicate(List<ClassifiedMessage> facts) {
        Map<Object, ClassifiedMessage> unique = new LinkedHashMap<>();
        facts.stream()
                .sorted(Comparator.comparing(ClassifiedMessage::sentAt)
                        .thenComparing(f -> f.message().folder())
                        .thenComparingLong(f -> f.message().uid()))
                .forEach(f -> unique.putIfAbsent(
                        f.messageId() != null ? f.messageId() : f.message().folder() + "#" + f.message().uid(), f));
        return new ArrayList<>(unique.values());
    }

    /** Stable id for a pursuit: the mailbox and the proposal's Message-ID. */
    public static String pursuitId(String mailboxId, String proposalMessageId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((mailboxId + "\n" + proposalMessageId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private final class Builder {
        final ClassifiedMessage proposal;
        final List<Address> prospects;
        final List<ClassifiedMessage> touches = new ArrayList<>();
        final List<ClassifiedMessage> answers = new ArrayList<>();
        final List<ClassifiedMessage> autoReplies = new ArrayList<>();
        final List<ClassifiedMessage> bounces = new ArrayList<>();

        Builder(ClassifiedMessage proposal) {
            this.proposal = proposal;
            Map<String, Address> unique = new LinkedHashMap<>();
            proposal.message().recipients().stream().filter(identity::isExternal)
                    .forEach(a -> unique.putIfAbsent(a.key(), a));
            this.prospects = List.copyOf(unique.values());
        }

        void add(ClassifiedMessage fact) {
            if (fact.sentAt().isBefore(proposal.sentAt()) && fact.kind() != MessageKind.BOUNCE) {
                return; // Something older than the proposal can't follow up on it or answer it.
            }
            switch (fact.kind()) {
                case PROPOSAL, OUTBOUND -> touches.add(fact);
                case AUTO_REPLY -> autoReplies.add(fact);
                case BOUNCE -> bounces.add(fact);
                case INBOUND -> {
                    // A colleague of the rep chiming in is not the prospect answering.
                    if (identity.isExternal(fact.message().from())) {
                        answers.add(fact);
                    }
                }
            }
        }

        Pursuit build() {
            Set<String> bounced = new HashSet<>();
            for (ClassifiedMessage bounce : bounces) {
                if (bounce.message().report() != null) {
                    bounce.message().report().failedRecipients().forEach(r -> bounced.add(r.toLowerCase(java.util.Locale.ROOT)));
                }
            }
            Comparator<ClassifiedMessage> byDate = Comparator.comparing(ClassifiedMessage::sentAt);
            touches.sort(byDate);
            answers.sort(byDate);
            return new Pursuit(pursuitId(mailboxId, proposal.messageId()), mailboxId, proposal, prospects,
                    touches, answers, autoReplies, bounces, bounced);
        }
    }
}
