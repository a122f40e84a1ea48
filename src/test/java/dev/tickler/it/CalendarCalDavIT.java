package dev.tickler.it;

import static dev.tickler.testing.TestMailServer.mailbox;
import static dev.tickler.testing.TestMailServer.tickler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.testing.RadicaleServer;
import dev.tickler.testing.TestMailServer;
import dev.tickler.testing.TestMailServer.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rep's CalDAV calendar on a real server (a private Radicale) next to their mailbox (GreenMail):
 * a meeting with the prospect's side keeps the pursuit quiet, a cancelled or declined one does not,
 * a recurring series counts by its occurrences, and after the meeting the follow-up asks for the
 * next step. Everything runs through {@code tickler scan} and {@code status}.
 */
class CalendarCalDavIT {

    private static final String USER = "riley";
    private static final String DAV_PASSWORD = "dav-Secret-42";
    private static final Instant PROPOSAL = Instant.parse("2026-03-02T10:00:00Z"); // Monday
    private static final String NOW = "2026-03-12T09:30:00Z";                      // Thursday: reminder 1 is due
    private static final AtomicInteger CALENDARS = new AtomicInteger();
    private static RadicaleServer radicale;

    @TempDir
    Path dir;
    private TestMailServer mail;
    private Path mailPassword;
    private String calendar;

    @BeforeAll
    static void startRadicale() throws Exception {
        radicale = RadicaleServer.start(Map.of(USER, DAV_PASSWORD));
    }

    @AfterAll
    static void stopRadicale() throws Exception {
        if (radicale != null) {
            radicale.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        mail = new TestMailServer(dir);
        mailPassword = mail.user("riley", "pw");
        mail.append("riley", "pw", "Sent", TestMailServer.globexProposal(PROPOSAL));
        calendar = "work" + CALENDARS.incrementAndGet();
        radicale.createCalendar(USER, DAV_PASSWORD, calendar);
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    @Test
    void aMeetingWithTheProspectKeepsThePursuitQuiet() throws Exception {
        event("call", "DTSTART;TZID=Europe/Berlin:20260317T140000", "DTEND;TZID=Europe/Berlin:20260317T143000",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:gina@globex.example");
        Result r = scan(NOW);
        assertEquals(0, drafts().size(), r.out());
        Result status = tickler("status", "--config", config(DAV_PASSWORD).toString(), "--now", NOW);
        assertTrue(status.out().contains("a meeting with them is on the calendar for Tue 17 Mar 2026 14:00 (caldav)"), status.out());
        assertTrue(status.out().contains("Calendar caldav: last read"), status.out());
    }

    @Test
    void aCancelledMeetingDoesNotKeepItQuiet() throws Exception {
        event("call", "DTSTART;TZID=Europe/Berlin:20260317T140000", "DTEND;TZID=Europe/Berlin:20260317T143000",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:gina@globex.example", "STATUS:CANCELLED");
        Result r = scan(NOW);
        assertEquals(1, drafts().size(), r.out());
    }

    @Test
    void aMeetingTheProspectDeclinedDoesNotKeepItQuiet() throws Exception {
        event("call", "DTSTART;TZID=Europe/Berlin:20260317T140000", "DTEND;TZID=Europe/Berlin:20260317T143000",
                "ATTENDEE;PARTSTAT=DECLINED:mailto:gina@globex.example");
        Result r = scan(NOW);
        assertEquals(1, drafts().size(), r.out());
    }

    @Test
    void aMeetingWithAColleagueAtTheProspectsCompanyCounts() throws Exception {
        event("call", "DTSTART:20260316T100000Z", "DTEND:20260316T110000Z",
                "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:greg@globex.example");
        Result r = scan(NOW);
        assertEquals(0, drafts().size(), r.out());
        assertTrue(r.out().contains("scheduled"), r.out());
    }

    @Test
    void aRecurringSeriesCountsByItsNextOccurrence() throws Exception {
        // A weekly call since February; 16 March is skipped (EXDATE), the next is on 23 March.
        event("weekly", "DTSTART;TZID=Europe/Berlin:20260202T160000", "DTEND;TZID=Europe/Berlin:20260202T163000",
                "RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE;TZID=Europe/Berlin:20260316T160000",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:gina@globex.example");
        Result r = scan(NOW);
        assertEquals(0, drafts().size(), r.out());
        Result status = tickler("status", "--config", config(DAV_PASSWORD).toString(), "--now", NOW);
        assertTrue(status.out().contains("on the calendar for Mon 23 Mar 2026 16:00"), "the skipped 16 March is not it\n" + status.out());
    }

    @Test
    void aSeriesThatEndedBeforeTheProposalIsNoNextStep() throws Exception {
        event("old", "DTSTART:20260105T100000Z", "DTEND:20260105T103000Z", "RRULE:FREQ=WEEKLY;COUNT=4",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:gina@globex.example");
        Result r = scan(NOW);
        assertEquals(1, drafts().size(), r.out());
    }

    @Test
    void afterTheMeetingThePostMeetingFollowUpAppears() throws Exception {
        event("call", "DTSTART;TZID=Europe/Berlin:20260310T140000", "DTEND;TZID=Europe/Berlin:20260310T150000",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:gina@globex.example");
        Result thursday = scan(NOW);
        assertEquals(0, drafts().size(), "Thursday: 2 business days after Tuesday's meeting\n" + thursday.out());
        Result friday = scan("2026-03-13T09:30:00Z");
        List<String> bodies = drafts();
        assertEquals(1, bodies.size(), friday.out());
        assertTrue(bodies.get(0).contains("Thank you for your time on Tuesday"), bodies.get(0));
        assertTrue(bodies.get(0).contains("Would one of these times suit you?"), bodies.get(0));
    }

    @Test
    void aCalendarThatCannotBeReadNeverStopsTheMailPass() throws Exception {
        event("call", "DTSTART;TZID=Europe/Berlin:20260317T140000", "DTEND;TZID=Europe/Berlin:20260317T143000",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:gina@globex.example");
        Path config = config("wrong-password");
        Result r = tickler("scan", "--config", config.toString(), "--now", NOW);
        assertEquals(0, r.code(), r.err());
        assertEquals(1, drafts().size(), "without the calendar the reminder is due\n" + r.out());
        assertTrue(r.err().contains("calendar not read (check its settings)"), r.err());
        assertTrue(!r.err().contains("wrong-password"), "no secret in the logs");
        Result status = tickler("status", "--config", config.toString(), "--now", NOW);
        assertTrue(status.out().contains("Calendar caldav: never read; last attempt failed:"), status.out() + status.err());
        assertTrue(status.out().contains("401"), status.out());
    }

    // --- helpers ---

    private void event(String uid, String... properties) throws Exception {
        String ics = String.join("\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tickler tests//EN", "BEGIN:VEVENT",
                "UID:" + uid + "@acme.example", "DTSTAMP:20260303T100000Z", "SUMMARY:Globex",
                "ORGANIZER;CN=Riley Rep:mailto:riley@acme.example", String.join("\n", properties), "END:VEVENT", "END:VCALENDAR", "");
        radicale.putEvent(USER, DAV_PASSWORD, calendar, uid + ".ics", ics);
    }

    private Path config(String davPassword) throws Exception {
        Path secret = dir.resolve("dav-secret-" + Integer.toHexString(davPassword.hashCode()));
        Files.writeString(secret, davPassword);
        return mail.config(mailbox("riley", mail.port(), mailPassword, "", "calendar: { caldav: { url: \""
                + radicale.calendarUrl(USER, calendar) + "\", username: " + USER + ", password: \"${file:" + secret + "}\" } }"));
    }

    private Result scan(String now) throws Exception {
        Result r = tickler("scan", "--config", config(DAV_PASSWORD).toString(), "--now", now);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    private List<String> drafts() throws Exception {
        return new ArrayList<>(mail.drafts("riley", "pw").values());
    }
}
