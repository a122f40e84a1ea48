package dev.tickler.cadence;

import dev.tickler.calendar.Meeting;
import dev.tickler.mail.Address;
import dev.tickler.mail.RepIdentity;
import dev.tickler.pursuit.FreemailDomains;
import dev.tickler.pursuit.Pursuit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which meetings are a defined next step for a pursuit: not cancelled, starting after the proposal
 * went out, with someone from the prospect's side — one of the pursuit's addresses, or failing that
 * a colleague at the same company domain (never by a freemail domain) — who has not declined, and
 * not declined by the rep either.
 */
public final class MeetingMatcher {

    private final RepIdentity identity;

    public MeetingMatcher(RepIdentity identity) {
        this.identity = identity;
    }

    /** The pursuit's meetings, earliest first. */
    public List<Meeting> matching(Pursuit pursuit, List<Meeting> meetings) {
        if (meetings.isEmpty()) {
            return List.of();
        }
        Set<String> addresses = pursuit.prospects().stream().map(Address::key).collect(Collectors.toSet());
        Set<String> domains = pursuit.prospects().stream().map(Address::domain)
                .filter(d -> !d.isEmpty() && !FreemailDomains.contains(d)).collect(Collectors.toSet());
        return meetings.stream()
                .filter(m -> !m.cancelled())
                .filter(m -> m.start().isAfter(pursuit.proposal().sentAt()))
                .filter(m -> !m.declinedBy(identity::isRep))
                .filter(m -> m.participants().stream()
                        .filter(p -> addresses.contains(p.key()) || domains.contains(p.domain()))
                        .filter(p -> !identity.isRep(p) && !identity.isInternal(p))
                        .anyMatch(p -> m.participationOf(p) != Meeting.Participation.DECLINED))
                .sorted(Comparator.comparing(Meeting::start))
                .toList();
    }
}
