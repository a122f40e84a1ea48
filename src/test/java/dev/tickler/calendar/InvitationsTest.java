package dev.tickler.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.calendar.Invitation.Method;
import dev.tickler.calendar.Meeting.Participation;
import dev.tickler.mail.Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvitationsTest {

    static final Address RILEY = Address.of("riley@acme.example");
    static final Address GINA = Address.of("gina@globex.example");
    static final Instant TUESDAY = Instant.parse("2026-03-17T13:00:00Z");

    static Meeting meeting(String uid, Instant start, Participation gina) {
        return new Meeting(uid, null, start, start.plus(Duration.ofMinutes(30)), RILEY,
                List.of(new Meeting.Attendee(GINA, gina)), Meeting.Status.CONFIRMED, true, "invitation in Sent#1");
    }

    static Invitation of(Method method, long sequence, String stamp, Meeting... meetings) {
        return new Invitation(method, sequence, Instant.parse(stamp), List.of(meetings));
    }

    @Test
    void aRescheduleReplacesTheOldTimeAndAReplyRecordsTheAnswer() {
        Instant wednesday = TUESDAY.plus(Duration.ofDays(1));
        List<Meeting> merged = Invitations.merge(List.of(
                of(Method.REPLY, 1, "2026-03-12T10:00:00Z", meeting("m1", wednesday, Participation.ACCEPTED)),
                of(Method.REQUEST, 0, "2026-03-10T10:00:00Z", meeting("m1", TUESDAY, Participation.NEEDS_ACTION)),
                of(Method.REQUEST, 1, "2026-03-11T10:00:00Z", meeting("m1", wednesday, Participation.NEEDS_ACTION))));
        assertEquals(1, merged.size());
        assertEquals(wednesday, merged.get(0).start(), "the later SEQUENCE wins whatever order the mail was read in");
        assertEquals(Participation.ACCEPTED, merged.get(0).participationOf(GINA));
    }

    @Test
    void aCancelWithoutRecurrenceIdCancelsTheWholeSeriesAndOneWithItJustThatOccurrence() {
        Instant week2 = TUESDAY.plus(Duration.ofDays(7));
        Meeting first = new Meeting("s", TUESDAY, TUESDAY, TUESDAY.plusSeconds(1800), RILEY, List.of(new Meeting.Attendee(GINA, null)),
                Meeting.Status.CONFIRMED, true, "x");
        Meeting second = new Meeting("s", week2, week2, week2.plusSeconds(1800), RILEY, List.of(new Meeting.Attendee(GINA, null)),
                Meeting.Status.CONFIRMED, true, "x");
        Invitation series = of(Method.REQUEST, 0, "2026-03-10T10:00:00Z", first, second);
        List<Meeting> one = Invitations.merge(List.of(series, of(Method.CANCEL, 1, "2026-03-11T10:00:00Z",
                new Meeting("s", week2, week2, week2, null, List.of(), Meeting.Status.CANCELLED, true, "y"))));
        assertEquals(List.of(false, true), one.stream().map(Meeting::cancelled).toList());
        List<Meeting> all = Invitations.merge(List.of(series, of(Method.CANCEL, 1, "2026-03-11T10:00:00Z",
                new Meeting("s", null, TUESDAY, TUESDAY, null, List.of(), Meeting.Status.CANCELLED, true, "y"))));
        assertTrue(all.stream().allMatch(Meeting::cancelled));
    }

    @Test
    void aReplyOrCancelForAnUnknownInvitationAddsNothing() {
        assertTrue(Invitations.merge(List.of(of(Method.REPLY, 0, "2026-03-12T10:00:00Z",
                meeting("unknown", TUESDAY, Participation.DECLINED)))).isEmpty());
    }
}
