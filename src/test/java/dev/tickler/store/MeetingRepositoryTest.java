package dev.tickler.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.calendar.Invitation;
import dev.tickler.calendar.Meeting;
import dev.tickler.mail.Address;
import dev.tickler.mail.FolderCursor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        Invitation invitation = new Invitation(Invitation.Method.REQUEST, 2, NOW, List.of(meeting("m1", "2026-03-17T13:00:00Z")));
        meetings.saveInvitations("riley", "Sent", 5, Map.of(7L, invitation));
        meetings.saveInvitations("riley", "Sent", 5, Map.of(7L, invitation)); // a batch read again after a crash
        facts.saveBatch("riley", "Sent", new FolderCursor(5, 7), List.of(), List.of(), NOW);
        assertEquals(List.of(invitation), meetings.invitations("riley"));
        facts.saveBatch("riley", "Sent", new FolderCursor(6, 0), List.of(), List.of(), NOW);
        assertTrue(meetings.invitations("riley").isEmpty(), "UIDVALIDITY 6: the old UIDs mean nothing any more");
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
