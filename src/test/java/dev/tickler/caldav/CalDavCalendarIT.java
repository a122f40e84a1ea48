package dev.tickler.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.calendar.CalendarException;
import dev.tickler.calendar.Meeting;
import dev.tickler.calendar.Meeting.Participation;
import dev.tickler.calendar.Meeting.Status;
import dev.tickler.mail.Address;
import dev.tickler.testing.RadicaleServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CalDavCalendar against a real CalDAV server (Radicale): discovery, calendar-query, auth failures. */
class CalDavCalendarIT {

    private static final String USER = "jane";
    private static final String PASSWORD = "s3cret-Radicale";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-07-01T00:00:00Z");

    private static RadicaleServer radicale;

    @BeforeAll
    static void startRadicale() throws Exception {
        radicale = RadicaleServer.start(Map.of(USER, PASSWORD, "bob", "bobs-password"));
        radicale.createCalendar(USER, PASSWORD, "work");
        radicale.createCalendar(USER, PASSWORD, "private");
        radicale.putEvent(USER, PASSWORD, "work", "kickoff.ics", event("kickoff@crm.example", """
                DTSTART;TZID=Europe/Berlin:20250610T140000
                DTEND;TZID=Europe/Berlin:20250610T150000
                ORGANIZER;CN=Jane Seller:mailto:jane@seller.example
                ATTENDEE;PARTSTAT=ACCEPTED;CN=Bob Buyer:mailto:bob@buyer.example
                ATTENDEE;PARTSTAT=TENTATIVE:mailto:carol@buyer.example
                SUMMARY:Kickoff
                """));
        radicale.putEvent(USER, PASSWORD, "work", "later.ics", event("later@crm.example", """
                DTSTART:20250801T090000Z
                DTEND:20250801T100000Z
                SUMMARY:Later
                """));
        radicale.putEvent(USER, PASSWORD, "work", "weekly.ics", event("weekly@crm.example", """
                DTSTART:20250505T090000Z
                DTEND:20250505T093000Z
                RRULE:FREQ=WEEKLY;BYDAY=MO
                EXDATE:20250616T090000Z
                SUMMARY:Pipeline review
                """));
        radicale.putEvent(USER, PASSWORD, "work", "cancelled.ics", event("cancelled@crm.example", """
                DTSTART:20250620T120000Z
                DTEND:20250620T130000Z
                STATUS:CANCELLED
                SUMMARY:Lunch
                """));
        radicale.putEvent(USER, PASSWORD, "private", "dentist.ics", event("dentist@example", """
                DTSTART;TZID=Europe/Berlin:20250612T080000
                DTEND;TZID=Europe/Berlin:20250612T090000
                SUMMARY:Dentist
                """));
        radicale.putEvent(USER, PASSWORD, "private", "gone.ics", event("gone@example", """
                DTSTART:20250613T080000Z
                DTEND:20250613T090000Z
                """));
        radicale.deleteEvent(USER, PASSWORD, "private", "gone.ics");
    }

    @AfterAll
    static void stopRadicale() throws Exception {
        if (radicale != null) {
            radicale.stop();
        }
    }

    private static String event(String uid, String properties) {
        return """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Tickler tests//EN
                BEGIN:VEVENT
                UID:%s
                DTSTAMP:20250501T000000Z
                %sEND:VEVENT
                END:VCALENDAR
                """.formatted(uid, properties);
    }

    private static CalDavCalendar calendar(URI url, String password) {
        return new CalDavCalendar(new CalDavSettings(url, USER, () -> password, null, Duration.ofSeconds(10), BERLIN));
    }

    private static List<Meeting> byUid(List<Meeting> meetings, String uid) {
        return meetings.stream().filter(m -> m.uid().equals(uid)).toList();
    }

    @Test
    void aMeetingInTheWindowComesBackWithItsInstantsAndAnswers() throws Exception {
        List<Meeting> meetings = calendar(radicale.calendarUrl(USER, "work"), PASSWORD).meetings(FROM, TO);

        Meeting kickoff = byUid(meetings, "kickoff@crm.example").get(0);
        assertEquals(Instant.parse("2025-06-10T12:00:00Z"), kickoff.start());
        assertEquals(Instant.parse("2025-06-10T13:00:00Z"), kickoff.end());
        assertEquals(new Address("Jane Seller", "jane@seller.example"), kickoff.organizer());
        assertEquals(Participation.ACCEPTED, kickoff.participationOf(Address.of("bob@buyer.example")));
        assertEquals(Participation.TENTATIVE, kickoff.participationOf(Address.of("carol@buyer.example")));
        assertEquals("caldav", kickoff.source());
        assertEquals(List.of(), byUid(meetings, "later@crm.example"), "outside the window");
        assertEquals(List.of(), byUid(meetings, "dentist@example"), "in another calendar");
    }

    @Test
    void aWeeklySeriesIsExpandedWithinTheWindow() throws Exception {
        List<Meeting> weekly = byUid(calendar(radicale.calendarUrl(USER, "work"), PASSWORD).meetings(FROM, TO),
                "weekly@crm.example");

        assertEquals(List.of(Instant.parse("2025-06-02T09:00:00Z"), Instant.parse("2025-06-09T09:00:00Z"),
                Instant.parse("2025-06-23T09:00:00Z"), Instant.parse("2025-06-30T09:00:00Z")),
                weekly.stream().map(Meeting::start).toList(), "16 June is an EXDATE");
        assertEquals(Instant.parse("2025-06-02T09:00:00Z"), weekly.get(0).recurrenceId());
    }

    @Test
    void aCancelledEventComesBackCancelled() throws Exception {
        List<Meeting> cancelled = byUid(calendar(radicale.calendarUrl(USER, "work"), PASSWORD).meetings(FROM, TO),
                "cancelled@crm.example");

        assertEquals(1, cancelled.size());
        assertEquals(Status.CANCELLED, cancelled.get(0).status());
    }

    @Test
    void theServerRootIsEnoughTheCalendarsAreFoundThroughThePrincipal() throws Exception {
        // What iCloud and Google hand out: a server address, not a calendar. RFC 6764 §6 from there.
        CalDavCalendar root = calendar(URI.create("http://127.0.0.1:" + radicale.port() + "/"), PASSWORD);
        assertEquals(List.of(radicale.calendarUrl(USER, "private"), radicale.calendarUrl(USER, "work")),
                root.calendars().stream().sorted().toList());
    }

    @Test
    void theCalendarHomeIsSearchedForEveryCalendar() throws Exception {
        CalDavCalendar home = calendar(radicale.homeUrl(USER), PASSWORD);

        assertEquals(List.of(radicale.calendarUrl(USER, "private"), radicale.calendarUrl(USER, "work")),
                home.calendars().stream().sorted().toList());
        List<Meeting> meetings = home.meetings(FROM, TO);
        assertEquals(Instant.parse("2025-06-12T06:00:00Z"), byUid(meetings, "dentist@example").get(0).start());
        assertEquals(1, byUid(meetings, "kickoff@crm.example").size());
        assertEquals(List.of(), byUid(meetings, "gone@example"), "deleted");
        assertEquals(0, home.skippedObjects());
    }

    @Test
    void aWrongPasswordIsPermanentAndNotInTheMessage() {
        CalendarException e = assertThrows(CalendarException.class,
                () -> calendar(radicale.calendarUrl(USER, "work"), "wrong-Pa55word").meetings(FROM, TO));

        assertTrue(e.permanent());
        assertEquals("caldav 127.0.0.1:" + radicale.port() + "/jane/work/: authentication failed (HTTP 401)", e.getMessage());
        assertFalse(e.getMessage().contains("wrong-Pa55word"));
    }

    @Test
    void anotherUsersCalendarIsRefusedPermanently() {
        CalendarException e = assertThrows(CalendarException.class, () -> new CalDavCalendar(new CalDavSettings(
                radicale.calendarUrl(USER, "work"), "bob", () -> "bobs-password", null, Duration.ofSeconds(10), BERLIN))
                .meetings(FROM, TO));

        assertTrue(e.permanent(), e.getMessage());
    }

    @Test
    void aDeadPortIsTransient() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        CalendarException e = assertThrows(CalendarException.class,
                () -> calendar(URI.create("http://127.0.0.1:" + dead + "/jane/work/"), PASSWORD).meetings(FROM, TO));

        assertFalse(e.permanent());
        assertTrue(e.getMessage().startsWith("caldav 127.0.0.1:" + dead + "/jane/work/: connection failed"), e.getMessage());
    }
}
