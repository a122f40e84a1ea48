package dev.tickler.pursuit;

import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.detect.MessageKind;
import dev.tickler.mail.Address;
import dev.tickler.mail.DeliveryReport;
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
        Candidates candidates = new Candidates();
        for (ClassifiedMessage fact : ordered) {
            if (fact.kind() == MessageKind.PROPOSAL && fact.messageId() != null && findThread(fact, byThreadId) == null
                    && candidates.of(fact).stream().noneMatch(b -> linkOutsideThread(fact, fact.message().from(), b) != null)) {
                Builder builder = new Builder(fact, builders.size());
                builders.add(builder);
                candidates.add(builder);
                byThreadId.put(fact.messageId(), builder);
            }
        }
        // By identity: the facts are unique after deduplicate, and a record's hash walks every field of the message.
        Set<ClassifiedMessage> placed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        // Messages join a thread through any id they point at; repeat until nothing moves, so a
        // reply that arrives (or is dated) before the message it answers still finds its place.
        boolean moved = true;
        while (moved) {
            moved = false;
            for (ClassifiedMessage fact : ordered) {
                if (placed.contains(fact) || isProposalOfItsOwn(fact, byThreadId)) {
                    continue;
                }
                Builder builder = findThread(fact, byThreadId);
                if (builder != null) {
                    builder.addThreaded(fact);
                    placed.add(fact);
                    if (fact.messageId() != null) {
                        byThreadId.putIfAbsent(fact.messageId(), builder);
                    }
                    moved = true;
                }
            }
        }
        attachBouncesByRecipient(ordered, placed, builders);
        attachOutsideTheThread(ordered, placed, builders, candidates);
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
        DeliveryReport report = report(fact);
        if (report != null && report.originalMessageId() != null) {
            return byThreadId.get(report.originalMessageId());
        }
        return null;
    }

    /** A bounce that quotes no header of ours still counts when it names a prospect of a pursuit. */
    private static void attachBouncesByRecipient(List<ClassifiedMessage> ordered, Set<ClassifiedMessage> placed,
                                                 List<Builder> builders) {
        for (ClassifiedMessage fact : ordered) {
            DeliveryReport report = report(fact);
            if (fact.kind() != MessageKind.BOUNCE || placed.contains(fact) || report == null) {
                continue;
            }
            for (Builder builder : builders) {
                boolean namesProspect = report.failedRecipients().stream()
                        .anyMatch(r -> builder.prospects.stream().anyMatch(p -> p.key().equalsIgnoreCase(r)));
                if (namesProspect && !fact.sentAt().isBefore(builder.proposal.sentAt())) {
                    builder.add(fact, "names a prospect as failed recipient");
                    placed.add(fact);
                }
            }
        }
    }

    /**
     * Messages in no pursuit's thread that still belong to one: the prospect writing in a new thread,
     * a colleague at the prospect's company (not a public mail provider), and the rep following up
     * in a new thread under the same subject.
     */
    private void attachOutsideTheThread(List<ClassifiedMessage> ordered, Set<ClassifiedMessage> placed,
                                        List<Builder> builders, Candidates candidates) {
        Set<ClassifiedMessage> proposals = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        builders.forEach(b -> proposals.add(b.proposal));
        for (ClassifiedMessage fact : ordered) {
            if (placed.contains(fact) || proposals.contains(fact)) {
                continue;
            }
            Address from = fact.message().from();
            for (Builder builder : candidates.of(fact)) {
                if (fact.sentAt().isBefore(builder.proposal.sentAt())) {
                    continue;
                }
                String how = linkOutsideThread(fact, from, builder);
                if (how != null) {
                    builder.add(fact, how);
                }
            }
        }
    }

    private String linkOutsideThread(ClassifiedMessage fact, Address from, Builder builder) {
        switch (fact.kind()) {
            case INBOUND, AUTO_REPLY -> {
                if (from == null || identity.isInternal(from)) {
                    return null;
                }
                if (builder.isProspect(from)) {
                    return "from the prospect, in a new thread";
                }
                boolean colleague = !FreemailDomains.contains(from.domain())
                        && builder.prospects.stream().anyMatch(p -> p.domain().equals(from.domain()));
                // A colleague's out-of-office says nothing about the prospect.
                return colleague && fact.kind() == MessageKind.INBOUND ? "from a colleague at " + from.domain() + ", in a new thread" : null;
            }
            case PROPOSAL, OUTBOUND -> {
                boolean toProspect = fact.message().recipients().stream().anyMatch(builder::isProspect);
                boolean sameSubject = Subjects.normalize(fact.message().subject()).equals(Subjects.normalize(builder.proposal.message().subject()));
                return toProspect && sameSubject ? "to the prospect under the same subject, in a new thread" : null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Which pursuits a message outside every thread could belong to, by address and by company
     * domain: each message is compared with a handful of pursuits, not with all of them.
     */
    private static final class Candidates {
        private final Map<String, List<Builder>> byAddress = new HashMap<>();
        private final Map<String, List<Builder>> byDomain = new HashMap<>();

        void add(Builder builder) {
            for (Address prospect : builder.prospects) {
                byAddress.computeIfAbsent(prospect.key(), k -> new ArrayList<>()).add(builder);
                if (!FreemailDomains.contains(prospect.domain())) {
                    List<Builder> same = byDomain.computeIfAbsent(prospect.domain(), k -> new ArrayList<>());
                    if (same.isEmpty() || same.get(same.size() - 1) != builder) {
                        same.add(builder);
                    }
                }
            }
        }

        /** In the order the pursuits were created (the order the full scan used). */
        List<Builder> of(ClassifiedMessage fact) {
            java.util.TreeMap<Integer, Builder> found = new java.util.TreeMap<>();
            switch (fact.kind()) {
                case INBOUND, AUTO_REPLY -> {
                    Address from = fact.message().from();
                    if (from != null) {
                        byAddress.getOrDefault(from.key(), List.of()).forEach(b -> found.put(b.order, b));
                        byDomain.getOrDefault(from.domain(), List.of()).forEach(b -> found.put(b.order, b));
                    }
                }
                case PROPOSAL, OUTBOUND -> {
                    for (Address to : fact.message().recipients()) {
                        byAddress.getOrDefault(to.key(), List.of()).forEach(b -> found.put(b.order, b));
                    }
                }
                default -> {
                    return List.of();
                }
            }
            return new ArrayList<>(found.values());
        }
    }

    private static dev.tickler.mail.MailMessage withDate(dev.tickler.mail.MailMessage m, java.time.Instant date) {
        List<String> defects = new ArrayList<>(m.defects());
        defects.add("dated before the proposal it answers; counted as sent with it");
        return new dev.tickler.mail.MailMessage(m.folder(), m.role(), m.uid(), m.messageId(), m.inReplyTo(), m.references(),
                m.from(), m.to(), m.cc(), m.subject(), date, m.contentType(), m.headers(), m.attachments(), m.bodyText(),
                m.report(), defects);
    }

    private static DeliveryReport report(ClassifiedMessage fact) {
        return fact.classification().report() != null ? fact.classification().report() : fact.message().report();
    }

    /** The same message filed twice (Sent and INBOX, say) counts once: the first copy, unless only a later one was read in full. */
    private static List<ClassifiedMessage> deduplicate(List<ClassifiedMessage> facts) {
        Map<Object, ClassifiedMessage> unique = new LinkedHashMap<>();
        facts.stream()
                .sorted(Comparator.comparing(ClassifiedMessage::sentAt)
                        .thenComparing(f -> f.message().folder())
                        .thenComparingLong(f -> f.message().uid()))
                .forEach(f -> unique.merge(f.messageId() != null ? f.messageId() : f.message().folder() + "#" + f.message().uid(), f,
                        (first, later) -> first.message().outline() && !later.message().outline() ? later : first));
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
        final Map<String, String> links = new LinkedHashMap<>();
        final int order;

        Builder(ClassifiedMessage proposal, int order) {
            this.proposal = proposal;
            this.order = order;
            Map<String, Address> unique = new LinkedHashMap<>();
            proposal.message().recipients().stream().filter(identity::isExternal)
                    .forEach(a -> unique.putIfAbsent(a.key(), a));
            this.prospects = List.copyOf(unique.values());
        }

        boolean isProspect(Address address) {
            return address != null && prospects.stream().anyMatch(p -> p.sameAddress(address));
        }

        /** A message whose headers point into the thread: it belongs, whatever its (possibly skewed) clock says. */
        void addThreaded(ClassifiedMessage fact) {
            ClassifiedMessage f = fact;
            if (f.sentAt().isBefore(proposal.sentAt())) {
                // A quick reply from a sender whose clock runs slow: keep it, dated at the proposal.
                f = new ClassifiedMessage(withDate(f.message(), proposal.sentAt()), f.classification());
            }
            addChecked(f, "in the thread");
        }

        void add(ClassifiedMessage fact, String how) {
            if (fact.sentAt().isBefore(proposal.sentAt()) && fact.kind() != MessageKind.BOUNCE) {
                return; // Outside the thread, something older than the proposal can't answer it.
            }
            addChecked(fact, how);
        }

        private void addChecked(ClassifiedMessage fact, String how) {
            switch (fact.kind()) {
                case PROPOSAL, OUTBOUND -> {
                    // Forwarding the thread to a colleague is not a touch: only mail that goes outside is.
                    if (fact.message().recipients().stream().noneMatch(identity::isExternal)) {
                        return;
                    }
                    touches.add(fact);
                }
                case AUTO_REPLY -> autoReplies.add(fact);
                case BOUNCE -> bounces.add(fact);
                case BULK, IGNORED -> {
                    return;
                }
                case INBOUND -> {
                    // A colleague of the rep chiming in is not the prospect answering.
                    if (!identity.isExternal(fact.message().from())) {
                        return;
                    }
                    answers.add(fact);
                }
            }
            links.put(fact.message().logId(), how);
        }

        Pursuit build() {
            Set<String> bounced = new HashSet<>();
            for (ClassifiedMessage bounce : bounces) {
                DeliveryReport report = report(bounce);
                if (report != null) {
                    report.failedRecipients().forEach(r -> bounced.add(r.toLowerCase(java.util.Locale.ROOT)));
                }
            }
            Comparator<ClassifiedMessage> byDate = Comparator.comparing(ClassifiedMessage::sentAt);
            touches.sort(byDate);
            answers.sort(byDate);
            autoReplies.sort(byDate);
            bounces.sort(byDate);
            return new Pursuit(pursuitId(mailboxId, proposal.messageId()), mailboxId, proposal, prospects,
                    touches, answers, autoReplies, bounces, bounced, links);
        }
    }
}
