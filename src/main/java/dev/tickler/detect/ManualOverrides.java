package dev.tickler.detect;

import dev.tickler.mail.RepIdentity;
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
    /** On any message of a pursuit: the rep closed it (won, lost, or simply done). */
    public static final String WON = "$TicklerWon";
    public static final String LOST = "$TicklerLost";
    public static final String CLOSED = "$TicklerClosed";
    public static final List<String> KEYWORDS = List.of(PROPOSAL, IGNORE, WON, LOST, CLOSED);

    private ManualOverrides() {
    }

    /** The closing keyword among {@code keywords}, if any: "won", "lost" or "closed". */
    public static java.util.Optional<String> closing(Set<String> keywords) {
        if (keywords == null) {
            return java.util.Optional.empty();
        }
        for (String k : keywords) {
            for (String closing : List.of(WON, LOST, CLOSED)) {
                if (k.equalsIgnoreCase(closing)) {
                    return java.util.Optional.of(closing.substring("$Tickler".length()).toLowerCase(Locale.ROOT) + " (" + closing + ")");
                }
            }
        }
        return java.util.Optional.empty();
    }

    public static ClassifiedMessage apply(ClassifiedMessage fact, Set<String> keywords, RepIdentity identity) {
        if (keywords == null || keywords.isEmpty()) {
            return fact;
        }
        Set<String> lower = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        Classification c = fact.classification();
        if (lower.contains(IGNORE.toLowerCase(Locale.ROOT))) {
            return new ClassifiedMessage(fact.message(), c.overruled(MessageKind.IGNORED, Reason.of("manual-ignore", "the rep set " + IGNORE)));
        }
        boolean outbound = c.kind() == MessageKind.OUTBOUND || c.kind() == MessageKind.PROPOSAL;
        if (lower.contains(PROPOSAL.toLowerCase(Locale.ROOT)) && outbound
                && fact.message().recipients().stream().anyMatch(identity::isExternal)) {
            return new ClassifiedMessage(fact.message(), c.overruled(MessageKind.PROPOSAL, Reason.of("manual-proposal", "the rep set " + PROPOSAL)));
        }
        return fact;
    }
}
