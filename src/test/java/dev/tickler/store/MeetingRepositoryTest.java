package dev.tickler.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.calendar.Meeting;
import dev.tickler.mail.Address;
import dev.tickler.mail.FolderCursor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeetingRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-12T09:00:00Z");
    private final Database db = Database.open("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", "");
    private final MeetingRepository meetings = new MeetingRepository(db);
    private final FactRepository facts = new FactRepository(db);

    @AfterEach
    void close() {
        db.close();
    }

    private static Meeting meeting(String uid, String start) {
        Instant s = Instant.parse(start);
        return new Meeting(uid, null, s, s.plusSeconds(1800), Address.of("riley@acme.example"),
                List.of(new Meeting.Attendee(new Address("Gina Glass", "gina@globex.example"), Meeting.Participation.ACCEPTED)),
                Meeting.Status.CONFIRMED, true, "invitation in Sent#7");
    }

    @Test
    void invitationsRoundTripAndAreDroppedWhenTheirFolderChangesUidValidity() {
        MeetingRepository.StoredInvitation invitation = new MeetingRepository.StoredInvitation("Sent", 7, NOW, Instant.MAX,
                "BEGIN:VCALENDAR\r\n");
        MeetingRepository.StoredInvitation over = new MeetingRepository.StoredInvitation("Sent", 8, NOW,
                Instant.parse("2026-01-10T10:00:00Z"), "BEGIN:VCALENDAR\r\n");
        meetings.saveInvitations("riley", 5, List.of(invitation, over));
        meetings.saveInvitations("riley", 5, List.of(invitation)); // a batch read again after a crash
        facts.saveBatch("riley", "Sent", new FolderCursor(5, 8), List.of(), List.of(), NOW);
        assertEquals(List.of(invitation, over), meetings.invitations("riley", Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals(List.of(invitation), meetings.invitations("riley", Instant.parse("2026-02-01T00:00:00Z")),
                "a meeting long over is not read again");
        facts.saveBatch("riley", "Sent", new FolderCursor(6, 0), List.of(), List.of(), NOW);
        assertTrue(meetings.invitations("riley", Instant.EPOCH).isEmpty(), "UIDVALIDITY 6: the old UIDs mean nothing any more");
    }

    @Test
    void aWebinarWithHundredsOfAttendeesIsStoredCapped() {
        Meeting m = meeting("big", "2026-03-17T13:00:00Z");
        List<Meeting.Attendee> crowd = new java.util.ArrayList<>();
        for (int i = 0; i < 900; i++) {
            crowd.add(new Meeting.Attendee(Address.of("person" + i + "@audience" + i + ".example"), Meeting.Participation.NEEDS_ACTION));
        }
        meetings.replaceMeetings("riley", "caldav", List.of(new Meeting(m.uid(), null, m.start(), m.end(), m.organizer(), crowd,
                m.status(), true, m.source())), NOW);
        assertEquals(MeetingRepository.MAX_ATTENDEES, meetings.meetings("riley").get(0).attendees().size());
    }

    @Test
    void aFailedReadKeepsTheLastGoodOneAndRecordsTheProblem() {
        meetings.replaceMeetings("riley", "caldav", List.of(meeting("a", "2026-03-17T13:00:00Z"), meeting("b", "2026-03-16T13:00:00Z")), NOW);
        meetings.recordProblem("riley", "caldav", "caldav dav.example/riley/: authentication failed (HTTP 401)", NOW.plusSeconds(60));
        assertEquals(List.of("b", "a"), meetings.meetings("riley").stream().map(Meeting::uid).toList());
        MeetingRepository.SourceState state = meetings.sources("riley").get(0);
        assertEquals(NOW, state.readAt());
        assertTrue(state.problem().contains("HTTP 401"));
        meetings.replaceMeetings("riley", "caldav", List.of(), NOW.plusSeconds(120));
        assertTrue(meetings.meetings("riley").isEmpty());
        assertNull(meetings.sources("riley").get(0).problem(), "a good read clears the problem");
    }
}
