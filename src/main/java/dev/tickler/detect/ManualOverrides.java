package dev.tickler.detect;

import dev.tickler.mail.RepIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rep overrules Tickler from their own mail client by setting an IMAP keyword (a "tag" or
 * "label") on a message: {@code $TicklerProposal} makes a sent message a proposal, {@code $TicklerIgnore}
 * takes any message out of every pursuit.
 */
public final class ManualOverrides {

    public static final String PROPOSAL = "$TicklerProposal";
    public static final String IGNORE = "$TicklerIgnore";
    public static final List<String> KEYWORDS = List.of(PROPOSAL, IGNORE);

    private ManualOverrides() {
    }

    public static ClassifiedMessage apply(ClassifiedMessage fact, Set<String> keywords, RepIdentity identity) {
        if (keywords == null || keywords.isEmpty()) {
            return fact;
        }
        Set<String> lower = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        Classification c = fact.classification();
        List<Reason> reasons = new ArrayList<>(c.reasons());
        if (lower.contains(IGNORE.toLowerCase(Locale.ROOT))) {
            reasons.add(Reason.of("manual-ignore", "the rep set " + IGNORE));
            return new ClassifiedMessage(fact.message(), new Classification(MessageKind.IGNORED, c.proposalScore(), reasons,
                    c.returnDate(), c.report()));
        }
        boolean outbound = c.kind() == MessageKind.OUTBOUND || c.kind() == MessageKind.PROPOSAL;
        if (lower.contains(PROPOSAL.toLowerCase(Locale.ROOT)) && outbound
                && fact.message().recipients().stream().anyMatch(identity::isExternal)) {
            reasons.add(Reason.of("manual-proposal", "the rep set " + PROPOSAL));
            return new ClassifiedMessage(fact.message(), new Classification(MessageKind.PROPOSAL, c.proposalScore(), reasons,
                    c.returnDate(), c.report()));
        }
        return fact;
    }
}
