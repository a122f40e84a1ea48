package dev.tickler.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the iTIP messages found in mail into the meetings they add up to (RFC 5546): a REQUEST
 * creates or reschedules, a CANCEL cancels, a REPLY records one attendee's answer. Applied in
 * revision order (SEQUENCE, then the REQUEST before answers to it, then DTSTAMP), so a late-filed old invitation does not undo a newer one.
 */
public final class Invitations {

    private Invitations() {
    }

    public static List<Meeting> merge(List<Invitation> invitations) {
        List<Invitation> ordered = new ArrayList<>(invitations);
        // Within one revision the REQUEST comes first: answers and cancellations refer to it.
        ordered.sort(Comparator.comparingLong(Invitation::sequence)
                .thenComparingInt(i -> i.method() == Invitation.Method.REQUEST || i.method() == Invitation.Method.PUBLISH ? 0 : 1)
                .thenComparing(i -> i.stamp() == null ? java.time.Instant.EPOCH : i.stamp()));
        Map<String, Map<String, Meeting>> byUid = new LinkedHashMap<>();
        for (Invitation invitation : ordered) {
            switch (invitation.method()) {
                case REQUEST, PUBLISH -> request(byUid, invitation.meetings());
                case CANCEL -> apply(byUid, invitation.meetings(), (m, said) -> m.withStatus(Meeting.Status.CANCELLED));
                case REPLY -> apply(byUid, invitation.meetings(), (m, said) -> {
                    Meeting answered = m;
                    for (Meeting.Attendee a : said.attendees()) {
                        answered = answered.withParticipation(a.address(), a.participation());
                    }
                    return answered;
                });
                default -> { } // COUNTER and others propose, they do not change the meeting
            }
        }
        List<Meeting> out = new ArrayList<>();
        byUid.values().forEach(occurrences -> out.addAll(occurrences.values()));
        out.sort(Comparator.comparing(Meeting::start));
        return out;
    }

    /**
     * A single event or a whole series replaces what was known of that UID (it may have moved); one
     * occurrence with a recurrence id updates just that occurrence.
     */
    private static void request(Map<String, Map<String, Meeting>> byUid, List<Meeting> meetings) {
        Map<String, List<Meeting>> grouped = new LinkedHashMap<>();
        meetings.forEach(m -> grouped.computeIfAbsent(m.uid(), u -> new ArrayList<>()).add(m));
        grouped.forEach((uid, group) -> {
            boolean whole = group.size() > 1 || group.get(0).recurrenceId() == null;
            Map<String, Meeting> known = byUid.computeIfAbsent(uid, u -> new LinkedHashMap<>());
            if (whole) {
                known.clear();
            }
            group.forEach(m -> known.put(m.occurrenceKey(), m));
        });
    }

    private interface Change {
        Meeting apply(Meeting known, Meeting said);
    }

    /** Applies a change to the occurrence named, or to every occurrence when the message names none. */
    private static void apply(Map<String, Map<String, Meeting>> byUid, List<Meeting> meetings, Change change) {
        for (Meeting said : meetings) {
            Map<String, Meeting> known = byUid.get(said.uid());
            if (known == null) {
                continue; // a reply or cancel for an invitation we never saw: nothing to change
            }
            known.replaceAll((key, m) -> said.recurrenceId() == null || said.recurrenceId().equals(m.recurrenceId())
                    ? change.apply(m, said) : m);
        }
    }
}
