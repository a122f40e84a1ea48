package dev.tickler.it;

import static dev.tickler.testing.TestMailServer.mailbox;
import static dev.tickler.testing.TestMailServer.tickler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.testing.TestMailServer;
import dev.tickler.testing.TestMailServer.Result;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invitations found in mail are a calendar with no setup at all (issue 6): the rep's REQUEST keeps
 * the pursuit quiet, a CANCEL or the prospect's decline does not, and once the meeting has passed
 * the post-meeting follow-up appears. Reminders offer free slots around the rep's meetings.
 */
class CalendarMailIT {

    private static final Instant PROPOSAL = Instant.parse("2026-03-02T10:00:00Z"); // Monday
    private static final String NOW = "2026-03-12T09:30:00Z";                      // Thursday, a reminder is due

    @TempDir
    Path dir;
    private TestMailServer server;
    private Path password;

    @BeforeEach
    void start() throws Exception {
        server = new TestMailServer(dir);
        password = server.user("riley", "pw");
        server.append("riley", "pw", "Sent", TestMailServer.globexProposal(PROPOSAL));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theRepsInvitationKeepsThePursuitQuietWithNoCalendarConfigured() throws Exception {
        invitation("Sent", "REQUEST", 0, "gina@globex.example", "NEEDS-ACTION", "20260317T140000");
        Result r = scan(NOW);
        assertEquals(0, drafts().size(), r.out());
        assertTrue(r.out().contains("scheduled"), r.out());
        Result status = tickler("status", "--config", config().toString(), "--now", NOW);
        assertTrue(status.out().contains("a meeting with them is on the calendar for Tue 17 Mar 2026 14:00 (invitation in Sent#"),
                status.out());
        Result explain = tickler("explain", "--config", config().toString(), "--now", NOW, "<p1@acme.example>");
        assertTrue(explain.out().contains("Kept quiet by: the meeting at 2026-03-17 14:00"), explain.out());
        assertTrue(explain.out().contains("gina@globex.example needs-action"), explain.out());
    }

    @Test
    void aMeetingMovedMonthsAheadStillKeepsItQuietAndTheOldTimeIsGone() throws Exception {
        invitation("Sent", "REQUEST", 0, "gina@globex.example", "ACCEPTED", "20260317T140000");
        invitation("Sent", "REQUEST", 1, "gina@globex.example", "ACCEPTED", "20260622T140000");
        Result r = scan(NOW);
        assertEquals(0, drafts().size(), r.out());
        Result status = tickler("status", "--config", config().toString(), "--now", "2026-03-20T09:30:00Z");
        assertTrue(status.out().contains("on the calendar for Mon 22 Jun 2026 14:00"),
                "after 17 March nothing is due: the meeting moved to June\n" + status.out());
    }

    @Test
    void aColleagueAtTheProspectsCompanyCountsToo() throws Exception {
        invitation("Sent", "REQUEST", 0, "greg@globex.example", "ACCEPTED", "20260317T140000");
        Result r = scan(NOW);
        assertEquals(0, drafts().size(), r.out());
        assertTrue(r.out().contains("scheduled"), r.out());
    }

    @Test
    void aCancelledOrDeclinedMeetingDoesNotKeepItQuiet() throws Exception {
        invitation("Sent", "REQUEST", 0, "gina@globex.example", "NEEDS-ACTION", "20260317T140000");
        invitation("INBOX", "REPLY", 0, "gina@globex.example", "DECLINED", "20260317T140000");
        Result r = scan(NOW);
        assertEquals(1, drafts().size(), "Gina declined: the reminder is written\n" + r.out());
    }

    @Test
    void aCancelSentLaterBringsTheReminderBack() throws Exception {
        invitation("Sent", "REQUEST", 0, "gina@globex.example", "ACCEPTED", "20260317T140000");
        Result quiet = scan(NOW);
        assertEquals(0, drafts().size(), quiet.out());
        invitation("Sent", "CANCEL", 1, "gina@globex.example", "ACCEPTED", "20260317T140000");
        Result r = scan("2026-03-12T10:30:00Z");
        assertEquals(1, drafts().size(), r.out());
    }

    @Test
    void afterTheMeetingPassesThePostMeetingFollowUpAppears() throws Exception {
        invitation("Sent", "REQUEST", 0, "gina@globex.example", "ACCEPTED", "20260317T140000");
        Result before = scan(NOW);
        assertEquals(0, drafts().size(), before.out());
        Result plan = tickler("plan", "--config", config().toString(), "--now", NOW, "--days", "30");
        assertTrue(plan.out().contains("Fri 2026-03-20 09:00") && plan.out().contains("after-meeting #1"),
                "the plan looks past the meeting\n" + plan.out());
        Result wednesday = scan("2026-03-18T09:30:00Z");
        assertEquals(0, drafts().size(), "Wednesday: within the grace period\n" + wednesday.out());
        Result r = scan("2026-03-20T09:30:00Z"); // Friday, 3 business days after Tuesday
        List<String> bodies = drafts();
        assertEquals(1, bodies.size(), r.out());
        assertTrue(bodies.get(0).contains("Thank you for your time on Tuesday"), bodies.get(0));
        assertTrue(bodies.get(0).contains("What would you like the next step to be?"), bodies.get(0));
    }

    @Test
    void theReminderOffersFreeSlotsAroundTheRepsOtherMeetings() throws Exception {
        // Riley is busy all Friday morning with another customer, and on Monday from 09:00 to 12:00.
        otherMeeting("busy1", "20260313T090000", "20260313T120000");
        otherMeeting("busy2", "20260316T090000", "20260316T120000");
        Result r = scan(NOW);
        List<String> bodies = drafts();
        assertEquals(1, bodies.size(), r.out());
        String body = bodies.get(0);
        assertTrue(body.contains("Would one of these times suit you?"), body);
        Matcher slot = Pattern.compile("- (\\w+day) (\\d+) March, (\\d\\d):(\\d\\d)").matcher(body);
        int found = 0;
        while (slot.find()) {
            found++;
            int day = Integer.parseInt(slot.group(2));
            int hour = Integer.parseInt(slot.group(3));
            assertTrue(day >= 13, "from the next business day on: " + slot.group());
            assertTrue(hour >= 9 && hour < 17, "inside working hours: " + slot.group());
            if (day == 13 || day == 16) {
                assertTrue(hour >= 12, "clear of the busy mornings (and their buffer): " + slot.group());
            }
        }
        assertEquals(3, found, body);
        assertFalse(body.contains("When is the best day and time"), body);
    }

    @Test
    void slotsAreShownInTheProspectsTimeWhenTheirMailTellsIt() throws Exception {
        // Gina wrote from New York (-0500) before the proposal: her earlier request for it.
        server.appendRaw("riley", "pw", "INBOX", """
                Message-ID: <ask@globex.example>
                Date: Tue, 24 Feb 2026 09:15:00 -0500
                From: Gina Glass <gina@globex.example>
                To: Riley Rep <riley@acme.example>
                Subject: Could you send us a proposal?
                Content-Type: text/plain; charset=UTF-8

                Hi Riley, could you send us a proposal for the rollout?
                """);
        Result r = scan(NOW);
        String body = drafts().get(0);
        // Her offset is from February; US clocks changed on 8 March, so the text names the offset, not "your time".
        assertTrue(body.matches("(?s).*- Friday 13 March, (\\d\\d:\\d\\d)\u2013\\d\\d:\\d\\d UTC\u221205:00 \\(\\d\\d:\\d\\d\u2013\\d\\d:\\d\\d for me in Berlin\\).*"),
                body + r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d\\d):(\\d\\d)\u2013\\d\\d:\\d\\d UTC\u221205:00 \\((\\d\\d):(\\d\\d)").matcher(body);
        assertTrue(m.find(), body);
        assertEquals(6, Integer.parseInt(m.group(3)) - Integer.parseInt(m.group(1)), "UTC-05:00 is 6 hours behind Berlin in March");
    }

    @Test
    void anUnsentReminderWhoseTimesHavePassedIsReplacedWithFreshOnes() throws Exception {
        Result thursday = scan(NOW); // placed Thursday; its first slot is on Friday 13 March
        assertTrue(drafts().get(0).contains("- Friday 13 March, "), drafts().get(0) + thursday.out());
        Result friday = scan("2026-03-13T15:00:00Z"); // Friday 16:00 Berlin: still Friday's working hours
        assertTrue(drafts().get(0).contains("- Friday 13 March, "), "not before the day is over\n" + friday.out());
        Result monday = scan("2026-03-16T09:30:00Z");
        List<String> bodies = drafts();
        assertEquals(1, bodies.size(), "replaced, not added\n" + monday.out());
        assertFalse(bodies.get(0).contains("13 March,"), bodies.get(0));
        assertTrue(bodies.get(0).contains("- Tuesday 17 March, "), bodies.get(0));
        assertTrue(monday.err().contains("replaced the unsent draft"), monday.err());
    }

    @Test
    void withSlotsTurnedOffTheReminderAsksForADayAndTime() throws Exception {
        Path config = server.config(mailbox("riley", server.port(), password, "", "calendar: { slots: { count: 0 } }"));
        Result r = tickler("scan", "--config", config.toString(), "--now", NOW);
        assertEquals(0, r.code(), r.err());
        String body = drafts().get(0);
        assertTrue(body.contains("When is the best day and time for me to call you"), body);
    }

    // --- helpers ---

    private Path config() throws Exception {
        return server.config(mailbox("riley", server.port(), password, ""));
    }

    private Result scan(String now) throws Exception {
        Result r = tickler("scan", "--config", config().toString(), "--now", now);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void aWeeklySeriesSetUpLongAgoStillKeepsThePursuitQuietThoughItsMailIsOld() throws Exception {
        // Sent a year before NOW, older than policy.maxAgeDays: the message is passed over, but not its invitation.
        String ics = String.join("\n",
                "BEGIN:VCALENDAR", "PRODID:-//Tickler tests//EN", "VERSION:2.0", "METHOD:REQUEST",
                "BEGIN:VEVENT", "UID:weekly-globex@acme.example", "DTSTAMP:20250310T100000Z",
                "DTSTART;TZID=Europe/Berlin:20250311T150000", "DTEND;TZID=Europe/Berlin:20250311T153000",
                "RRULE:FREQ=WEEKLY;BYDAY=TU", "SUMMARY:Globex weekly", "ORGANIZER;CN=Riley Rep:mailto:riley@acme.example",
                "ATTENDEE;CN=Gina;PARTSTAT=ACCEPTED:mailto:gina@globex.example", "STATUS:CONFIRMED",
                "END:VEVENT", "END:VCALENDAR");
        server.appendRaw("riley", "pw", "Sent", mime("Riley Rep <riley@acme.example>", "gina@globex.example", "Globex weekly",
                "REQUEST", ics, "weekly").replace("Tue, 10 Mar 2026", "Mon, 10 Mar 2025"));
        Result r = scan(NOW);
        assertTrue(r.err().contains("2 new message(s) (0 read in outline) synced in"), "the old invitation is kept\n" + r.err());
        assertEquals(0, drafts().size(), r.out());
        Result status = tickler("status", "--config", config().toString(), "--now", NOW);
        assertTrue(status.out().contains("a meeting with them is on the calendar for Tue 17 Mar 2026 15:00"), status.out());
    }

    private List<String> drafts() throws Exception {
        return new ArrayList<>(server.drafts("riley", "pw").values());
    }

    /** An iTIP message in Outlook's shape: multipart/alternative with a text part and a text/calendar part. */
    private void invitation(String folder, String method, int sequence, String attendee, String partstat, String berlinStart)
            throws Exception {
        boolean reply = method.equals("REPLY");
        String from = reply ? "Gina Glass <" + attendee + ">" : "Riley Rep <riley@acme.example>";
        String to = reply ? "Riley Rep <riley@acme.example>" : attendee;
        String ics = String.join("\n",
                "BEGIN:VCALENDAR", "PRODID:-//Tickler tests//EN", "VERSION:2.0", "METHOD:" + method,
                "BEGIN:VEVENT", "UID:call-with-globex-1@acme.example", "SEQUENCE:" + sequence,
                "DTSTAMP:2026031" + (sequence + 1) + "T100000Z",
                "DTSTART;TZID=Europe/Berlin:" + berlinStart, "DTEND;TZID=Europe/Berlin:" + berlinStart.substring(0, 9) + "1430" + "00",
                "SUMMARY:Globex rollout: next steps",
                "ORGANIZER;CN=Riley Rep:mailto:riley@acme.example",
                "ATTENDEE;CN=Guest;PARTSTAT=" + partstat + ";RSVP=TRUE:mailto:" + attendee,
                method.equals("CANCEL") ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
                "END:VEVENT", "END:VCALENDAR");
        server.appendRaw("riley", "pw", folder, mime(from, to, method + ": Globex rollout: next steps", method, ics, "inv-" + method + sequence));
    }

    /** A meeting with another company: busy time for slots, no next step for Globex. */
    private void otherMeeting(String uid, String start, String end) throws Exception {
        String ics = String.join("\n",
                "BEGIN:VCALENDAR", "PRODID:-//Tickler tests//EN", "VERSION:2.0", "METHOD:REQUEST",
                "BEGIN:VEVENT", "UID:" + uid + "@acme.example", "DTSTAMP:20260310T100000Z",
                "DTSTART;TZID=Europe/Berlin:" + start, "DTEND;TZID=Europe/Berlin:" + end,
                "SUMMARY:Workshop", "ORGANIZER:mailto:riley@acme.example",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:someone@initech.example",
                "END:VEVENT", "END:VCALENDAR");
        server.appendRaw("riley", "pw", "Sent", mime("Riley Rep <riley@acme.example>", "someone@initech.example", "Workshop",
                "REQUEST", ics, uid));
    }

    private static String mime(String from, String to, String subject, String method, String ics, String id) {
        return """
                Message-ID: <%s@acme.example>
                Date: Tue, 10 Mar 2026 10:00:00 +0100
                From: %s
                To: %s
                Subject: %s
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                Meeting invitation.
                --b1
                Content-Type: text/calendar; charset=UTF-8; method=%s
                Content-Transfer-Encoding: 7bit

                %s
                --b1--
                """.formatted(id, from, to, subject, method, ics);
    }
}
