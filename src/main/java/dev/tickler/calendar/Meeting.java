package dev.tickler.calendar;

import dev.tickler.mail.Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One occurrence of a calendar event, with its times resolved to instants. A recurring series
 * appears as one Meeting per occurrence in the window that was read.
 *
 * @param uid          the iCalendar UID of the event (shared by every occurrence of a series)
 * @param recurrenceId the original start of this occurrence when it belongs to a series, else null
 * @param start        when it starts
 * @param end          when it ends (never before start; an event with no end lasts zero minutes,
 *                     an all-day event to the next midnight)
 * @param organizer    who organizes it, or null when the source does not say
 * @param attendees    everyone invited, with their answer
 * @param status       CONFIRMED, TENTATIVE or CANCELLED
 * @param busy         whether it blocks time (TRANSP:OPAQUE, the default) or not (TRANSPARENT)
 * @param source       where it was read, for status and explain: "caldav", "invitation in Sent#12"
 */
public record Meeting(
        String uid,
        Instant recurrenceId,
        Instant start,
        Instant end,
        Address organizer,
        List<Attendee> attendees,
        Status status,
        boolean busy,
        String source) {

    public enum Status { CONFIRMED, TENTATIVE, CANCELLED }

    /** An attendee's answer (iCalendar PARTSTAT). */
    public enum Participation { NEEDS_ACTION, ACCEPTED, DECLINED, TENTATIVE, DELEGATED;

        /** Reads a PARTSTAT value; anything unknown counts as not yet answered. */
        public static Participation of(String partstat) {
            if (partstat == null) {
                return NEEDS_ACTION;
            }
            try {
                return valueOf(partstat.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                return NEEDS_ACTION;
            }
        }
    }

    public record Attendee(Address address, Participation participation) {
        public Attendee {
            Objects.requireNonNull(address, "address");
            participation = participation == null ? Participation.NEEDS_ACTION : participation;
        }
    }

    public Meeting {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        end = end == null || end.isBefore(start) ? start : end;
        attendees = List.copyOf(attendees);
        status = status == null ? Status.CONFIRMED : status;
        source = source == null ? "" : source;
    }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }

    /** The organizer and every attendee, organizer first, each address once. */
    public List<Address> participants() {
        List<Address> all = new ArrayList<>();
        if (organizer != null) {
            all.add(organizer);
        }
        for (Attendee a : attendees) {
            if (all.stream().noneMatch(a.address()::sameAddress)) {
                all.add(a.address());
            }
        }
        return all;
    }

    /** The answer of one participant; the organizer counts as having accepted unless listed otherwise. */
    public Participation participationOf(Address who) {
        for (Attendee a : attendees) {
            if (a.address().sameAddress(who)) {
                return a.participation();
            }
        }
        return who.sameAddress(organizer) ? Participation.ACCEPTED : Participation.NEEDS_ACTION;
    }

    /**
     * Whether the people {@code who} picks (the rep and their aliases, say) are listed and every one of
     * their entries declined.
     */
    public boolean declinedBy(java.util.function.Predicate<Address> who) {
        List<Participation> answers = attendees.stream().filter(a -> who.test(a.address())).map(Attendee::participation).toList();
        return !answers.isEmpty() && answers.stream().allMatch(p -> p == Participation.DECLINED);
    }

    /** The same meeting with another status (a CANCEL arrived). */
    public Meeting withStatus(Status newStatus) {
        return new Meeting(uid, recurrenceId, start, end, organizer, attendees, newStatus, busy, source);
    }

    /** The same meeting with one attendee's answer changed (a REPLY arrived); adds them when missing. */
    public Meeting withParticipation(Address who, Participation answer) {
        List<Attendee> updated = new ArrayList<>();
        boolean found = false;
        for (Attendee a : attendees) {
            if (a.address().sameAddress(who)) {
                updated.add(new Attendee(a.address(), answer));
                found = true;
            } else {
                updated.add(a);
            }
        }
        if (!found) {
            updated.add(new Attendee(who, answer));
        }
        return new Meeting(uid, recurrenceId, start, end, organizer, updated, status, busy, source);
    }

    /** Identifies one occurrence: the UID, and the recurrence id for a series. */
    public String occurrenceKey() {
        return recurrenceId == null ? uid : uid + "@" + recurrenceId;
    }
}
