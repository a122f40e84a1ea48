package dev.tickler.ics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.calendar.Invitation;
import dev.tickler.calendar.Invitation.Method;
import dev.tickler.calendar.Meeting;
import dev.tickler.calendar.Meeting.Participation;
import dev.tickler.calendar.Meeting.Status;
import dev.tickler.mail.Address;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcsReaderTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MAIL_DATE = Instant.parse("2025-01-02T08:00:00Z");

    private final IcsReader reader = new IcsReader();

    private static String crlf(String ics) {
        return ics.replace("\n", "\r\n");
    }

    private Invitation invitation(String ics) throws IcsException {
        return reader.invitation(crlf(ics), MAIL_DATE, "invitation in INBOX#7", FROM, TO, NEW_YORK);
    }

    private static final String BERLIN_VTIMEZONE = """
            BEGIN:VTIMEZONE
            TZID:Europe/Berlin
            X-LIC-LOCATION:Europe/Berlin
            BEGIN:DAYLIGHT
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            TZNAME:CEST
            DTSTART:19700329T020000
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
            END:DAYLIGHT
            BEGIN:STANDARD
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            TZNAME:CET
            DTSTART:19701025T030000
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            END:STANDARD
            END:VTIMEZONE
            """;

    @Test
    void withoutTextDropsWhatPeopleWroteAndKeepsTheMeeting() throws Exception {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT", "UID:u1@x",
                "DTSTAMP:20250102T073015Z", "DTSTART:20250115T100000Z", "DTEND:20250115T110000Z",
                "SUMMARY:Acme / secret pricing", "DESCRIPTION:Line one of the notes", " and its folded continuation",
                "LOCATION;ALTREP=\"http://x\":Room 4", "X-ALT-DESC;FMTTYPE=text/html:<b>notes</b>",
                "ORGANIZER;CN=Jane:mailto:jane@seller.example", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@buyer.example",
                "END:VEVENT", "END:VCALENDAR", "");
        String stripped = IcsReader.withoutText(ics);
        for (String gone : List.of("secret pricing", "notes", "folded continuation", "Room 4")) {
            assertFalse(stripped.contains(gone), gone + " in\n" + stripped);
        }
        Meeting before = new IcsReader().invitation(ics, MAIL_DATE, "s", FROM, TO, NEW_YORK).meetings().get(0);
        Meeting after = new IcsReader().invitation(stripped, MAIL_DATE, "s", FROM, TO, NEW_YORK).meetings().get(0);
        assertEquals(before, after);
    }

    @Test
    void withoutTextDropsAWellKnownVtimezoneKeepsACustomOneAndTheMeetingStaysTheSame() throws Exception {
        String outlook = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST",
                "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time", "BEGIN:STANDARD", "DTSTART:16011028T030000",
                "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:16010325T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0200", "END:DAYLIGHT", "END:VTIMEZONE",
                "BEGIN:VEVENT", "UID:w@x", "DTSTAMP:20250102T073015Z", "DTSTART;TZID=W. Europe Standard Time:20250715T140000",
                "DTEND;TZID=W. Europe Standard Time:20250715T143000", "RRULE:FREQ=WEEKLY;COUNT=20",
                "ORGANIZER:mailto:jane@seller.example", "END:VEVENT", "END:VCALENDAR", "");
        String stripped = IcsReader.withoutText(outlook);
        assertFalse(stripped.contains("VTIMEZONE"), stripped);
        List<Meeting> original = new IcsReader().invitation(outlook, MAIL_DATE, "s", FROM, TO, NEW_YORK).meetings();
        assertEquals(20, original.size());
        assertEquals(original, new IcsReader().invitation(stripped, MAIL_DATE, "s", FROM, TO, NEW_YORK).meetings(),
                "the same instants across the October DST change, from ical4j's own zone");
        String custom = outlook.replace("W. Europe Standard Time", "Customized Time Zone");
        String keptCustom = IcsReader.withoutText(custom);
        assertTrue(keptCustom.contains("TZID:Customized Time Zone"), keptCustom);
        assertEquals(new IcsReader().invitation(custom, MAIL_DATE, "s", FROM, TO, NEW_YORK).meetings(),
                new IcsReader().invitation(keptCustom, MAIL_DATE, "s", FROM, TO, NEW_YORK).meetings());
    }

    @Test
    void googleRequestWithBerlinVtimezone() throws Exception {
        Invitation invitation = invitation("""
                BEGIN:VCALENDAR
                PRODID:-//Google Inc//Google Calendar 70.9054//EN
                VERSION:2.0
                CALSCALE:GREGORIAN
                METHOD:REQUEST
                """ + BERLIN_VTIMEZONE + """
                BEGIN:VEVENT
                DTSTART;TZID=Europe/Berlin:20250115T100000
                DTEND;TZID=Europe/Berlin:20250115T110000
                DTSTAMP:20250102T073015Z
                ORGANIZER;CN=Jane Seller:mailto:jane@seller.example
                UID:4k2j3h4k2j3h4@google.com
                ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE
                 ;CN=Jane Seller;X-NUM-GUESTS=0:mailto:jane@seller.example
                ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
                 TRUE;CN="Bob Buyer";X-NUM-GUESTS=0:MAILTO:Bob.Buyer@buyer.example
                ATTENDEE;CUTYPE=RESOURCE;PARTSTAT=ACCEPTED:urn:uuid:0b6f1c2e-room-4
                CREATED:20250102T073015Z
                DESCRIPTION:Pricing follow-up\\nJoin: https://meet.example/abc
                LAST-MODIFIED:20250102T073015Z
                LOCATION:Room 4
                SEQUENCE:0
                STATUS:CONFIRMED
                SUMMARY:Acme / pricing
                TRANSP:OPAQUE
                END:VEVENT
                END:VCALENDAR
                """);

        assertEquals(Method.REQUEST, invitation.method());
        assertEquals(0, invitation.sequence());
        assertEquals(Instant.parse("2025-01-02T07:30:15Z"), invitation.stamp());
        Meeting m = invitation.meetings().get(0);
        assertEquals(1, invitation.meetings().size());
        assertEquals("4k2j3h4k2j3h4@google.com", m.uid());
        assertNull(m.recurrenceId());
        assertEquals(Instant.parse("2025-01-15T09:00:00Z"), m.start());
        assertEquals(Instant.parse("2025-01-15T10:00:00Z"), m.end());
        assertEquals(new Address("Jane Seller", "jane@seller.example"), m.organizer());
        assertEquals(List.of(
                new Meeting.Attendee(new Address("Jane Seller", "jane@seller.example"), Participation.ACCEPTED),
                new Meeting.Attendee(new Address("Bob Buyer", "Bob.Buyer@buyer.example"), Participation.NEEDS_ACTION)),
                m.attendees(), "the room (urn:uuid) is no mailbox");
        assertEquals(Status.CONFIRMED, m.status());
        assertTrue(m.busy());
        assertEquals("invitation in INBOX#7", m.source());
    }

    @Test
    void outlookWindowsZoneNameWithEmbeddedVtimezone() throws Exception {
        Invitation invitation = invitation("""
                BEGIN:VCALENDAR
                METHOD:REQUEST
                PRODID:Microsoft Exchange Server 2010
                VERSION:2.0
                BEGIN:VTIMEZONE
                TZID:W. Europe Standard Time
                BEGIN:STANDARD
                DTSTART:16010101T030000
                TZOFFSETFROM:+0200
                TZOFFSETTO:+0100
                RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
                END:STANDARD
                BEGIN:DAYLIGHT
                DTSTART:16010101T020000
                TZOFFSETFROM:+0100
                TZOFFSETTO:+0200
                RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
                END:DAYLIGHT
                END:VTIMEZONE
                BEGIN:VEVENT
                ORGANIZER;CN="Miller, Ann":mailto:ann.miller@buyer.example
                ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=jane@sel
                 ler.example:mailto:jane@seller.example
                DESCRIPTION;LANGUAGE=en-US:Let's go through the contract.\\n
                UID:040000008200E00074C5B7101A82E00800000000D0C2C1B8E1ABDB01000000000000000
                 01000000077B5E3F0D2A44C4C9B3A2F2C6E1D0A91
                SUMMARY;LANGUAGE=en-US:Contract review
                DTSTART;TZID=W. Europe Standard Time:20250702T140000
                DTEND;TZID=W. Europe Standard Time:20250702T143000
                CLASS:PUBLIC
                PRIORITY:5
                DTSTAMP:20250620T101500Z
                TRANSP:OPAQUE
                STATUS:CONFIRMED
                SEQUENCE:3
                LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting
                X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE
                X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY
                END:VEVENT
                END:VCALENDAR
                """);

        assertEquals(3, invitation.sequence());
        Meeting m = invitation.meetings().get(0);
        assertEquals("040000008200E00074C5B7101A82E00800000000D0C2C1B8E1ABDB0100000000000000001000000077B5E3F0D2A44C4C9B3A2F2C6E1D0A91",
                m.uid());
        assertEquals(Instant.parse("2025-07-02T12:00:00Z"), m.start(), "CEST, +02:00");
        assertEquals(Instant.parse("2025-07-02T12:30:00Z"), m.end());
        assertEquals(new Address("Miller, Ann", "ann.miller@buyer.example"), m.organizer());
        assertEquals(Participation.NEEDS_ACTION, m.participationOf(Address.of("JANE@seller.example")));
    }

    @Test
    void outlookWindowsZoneNameWithoutVtimezoneUsesTheBundledZones() throws Exception {
        Invitation invitation = invitation("""
                BEGIN:VCALENDAR
                METHOD:REQUEST
                VERSION:2.0
                BEGIN:VEVENT
                UID:no-vtimezone-1
                DTSTAMP:20250105T100000Z
                DTSTART;TZID="W. Europe Standard Time":20250115T090000
                DTEND;TZID="W. Europe Standard Time":20250115T093000
                END:VEVENT
                END:VCALENDAR
                """);

        Meeting m = invitation.meetings().get(0);
        assertEquals(Instant.parse("2025-01-15T08:00:00Z"), m.start(), "CET, +01:00");
        assertEquals(Instant.parse("2025-01-15T08:30:00Z"), m.end());
    }

    @Test
    void ianaZoneWithoutVtimezone() throws Exception {
        Meeting m = invitation("""
                BEGIN:VCALENDAR
                VERSION:2.0
                METHOD:REQUEST
                BEGIN:VEVENT
                UID:iana-1
                DTSTAMP:20250105T100000Z
                DTSTART;TZID=America/Los_Angeles:20250801T090000
                DURATION:PT1H30M
                END:VEVENT
                END:VCALENDAR
                """).meetings().get(0);

        assertEquals(Instant.parse("2025-08-01T16:00:00Z"), m.start());
        assertEquals(Instant.parse("2025-08-01T17:30:00Z"), m.end());
    }

    @Test
    void utcTimesAndDuration() throws Exception {
        Invitation invitation = invitation("""
                BEGIN:VCALENDAR
                VERSION:2.0
                METHOD:REQUEST
                BEGIN:VEVENT
                UID:utc-1@crm.example
                DTSTAMP:20250301T120000Z
                DTSTART:20250310T150000Z
                DURATION:PT45M
                ORGANIZER:mailto:jane@seller.example
                ATTENDEE;PARTSTAT=TENTATIVE:mailto:bob@buyer.example
                STATUS:TENTATIVE
                END:VEVENT
                END:VCALENDAR
                """);

        Meeting m = invitation.meetings().get(0);
        assertEquals(Instant.parse("2025-03-10T15:00:00Z"), m.start());
        assertEquals(Instant.parse("2025-03-10T15:45:00Z"), m.end());
        assertEquals(Address.of("jane@seller.example"), m.organizer());
        assertEquals(Participation.TENTATIVE, m.participationOf(Address.of("bob@buyer.example")));
        assertEquals(Status.TENTATIVE, m.status());
    }

    @Test
    void allDayAndFloatingTimesAreReadInTheFloatingZone() throws Exception {
        List<Meeting> meetings = reader.meetings(crlf("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:offsite
                DTSTAMP:20250301T120000Z
                DTSTART;VALUE=DATE:20250320
                END:VEVENT
                BEGIN:VEVENT
                UID:trade-fair
                DTSTAMP:20250301T120000Z
                DTSTART;VALUE=DATE:20250324
                DTEND;VALUE=DATE:20250327
                END:VEVENT
                BEGIN:VEVENT
                UID:floating
                DTSTAMP:20250301T120000Z
                DTSTART:20250320T090000
                DTEND:20250320T100000
                END:VEVENT
                END:VCALENDAR
                """), "caldav", FROM, TO, NEW_YORK);

        assertEquals(3, meetings.size());
        Meeting offsite = meetings.get(0);
        assertEquals(Instant.parse("2025-03-20T04:00:00Z"), offsite.start(), "midnight in New York (EDT since Mar 9)");
        assertEquals(Instant.parse("2025-03-21T04:00:00Z"), offsite.end(), "no DTEND: the next midnight");
        Meeting fair = meetings.get(1);
        assertEquals(Instant.parse("2025-03-24T04:00:00Z"), fair.start());
        assertEquals(Instant.parse("2025-03-27T04:00:00Z"), fair.end());
        Meeting floating = meetings.get(2);
        assertEquals(Instant.parse("2025-03-20T13:00:00Z"), floating.start());
        assertEquals(Instant.parse("2025-03-20T14:00:00Z"), floating.end());
        assertEquals("caldav", floating.source());
    }

    /** Weekly on Monday 10:00 Berlin across the switch to CEST on 30 March 2025. */
    private static final String WEEKLY_SERIES = """
            BEGIN:VCALENDAR
            PRODID:-//Google Inc//Google Calendar 70.9054//EN
            VERSION:2.0
            METHOD:REQUEST
            """ + BERLIN_VTIMEZONE + """
            BEGIN:VEVENT
            DTSTART;TZID=Europe/Berlin:20250310T100000
            DTEND;TZID=Europe/Berlin:20250310T103000
            RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6
            EXDATE;TZID=Europe/Berlin:20250324T100000
            DTSTAMP:20250301T090000Z
            ORGANIZER;CN=Jane Seller:mailto:jane@seller.example
            UID:weekly-sync@google.com
            ATTENDEE;PARTSTAT=ACCEPTED;CN=Bob Buyer:mailto:bob@buyer.example
            SEQUENCE:1
            SUMMARY:Weekly sync
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;TZID=Europe/Berlin:20250408T150000
            DTEND;TZID=Europe/Berlin:20250408T153000
            RECURRENCE-ID;TZID=Europe/Berlin:20250407T100000
            DTSTAMP:20250301T090000Z
            ORGANIZER;CN=Jane Seller:mailto:jane@seller.example
            UID:weekly-sync@google.com
            ATTENDEE;PARTSTAT=DECLINED;CN=Bob Buyer:mailto:bob@buyer.example
            SEQUENCE:2
            SUMMARY:Weekly sync (moved)
            END:VEVENT
            END:VCALENDAR
            """;

    @Test
    void weeklySeriesAcrossDstWithExdateAndMovedInstance() throws Exception {
        Invitation invitation = invitation(WEEKLY_SERIES);

        assertEquals(2, invitation.sequence(), "the highest SEQUENCE in the message");
        List<Meeting> meetings = invitation.meetings();
        assertEquals(List.of(
                Instant.parse("2025-03-10T09:00:00Z"),
                Instant.parse("2025-03-17T09:00:00Z"),
                // 24 March is an EXDATE
                Instant.parse("2025-03-31T08:00:00Z"), // CEST from 30 March: still 10:00 in Berlin
                Instant.parse("2025-04-08T13:00:00Z"), // moved from Monday 7 April to Tuesday 15:00
                Instant.parse("2025-04-14T08:00:00Z")), meetings.stream().map(Meeting::start).toList());
        assertEquals(List.of(
                Instant.parse("2025-03-10T09:00:00Z"),
                Instant.parse("2025-03-17T09:00:00Z"),
                Instant.parse("2025-03-31T08:00:00Z"),
                Instant.parse("2025-04-07T08:00:00Z"),
                Instant.parse("2025-04-14T08:00:00Z")), meetings.stream().map(Meeting::recurrenceId).toList());
        assertTrue(meetings.stream().allMatch(m -> m.uid().equals("weekly-sync@google.com")));
        assertEquals(Instant.parse("2025-03-31T08:30:00Z"), meetings.get(2).end());
        Meeting moved = meetings.get(3);
        assertEquals(Instant.parse("2025-04-08T13:30:00Z"), moved.end());
        assertEquals(Participation.DECLINED, moved.participationOf(Address.of("bob@buyer.example")), "the override's own fields");
        assertEquals(Participation.ACCEPTED, meetings.get(4).participationOf(Address.of("bob@buyer.example")));
    }

    @Test
    void onlyOccurrencesOverlappingTheWindowAreReturned() throws Exception {
        // From inside the 31 March occurrence (08:00-08:30Z) to just before the moved one starts.
        List<Meeting> meetings = reader.meetings(crlf(WEEKLY_SERIES), "caldav",
                Instant.parse("2025-03-31T08:15:00Z"), Instant.parse("2025-04-08T13:00:00Z"), NEW_YORK);

        assertEquals(List.of(Instant.parse("2025-03-31T08:00:00Z")), meetings.stream().map(Meeting::start).toList());
    }

    @Test
    void anOverrideMovedIntoTheWindowCountsAndItsOriginalSlotDoesNot() throws Exception {
        List<Meeting> meetings = reader.meetings(crlf(WEEKLY_SERIES), "caldav",
                Instant.parse("2025-04-08T00:00:00Z"), Instant.parse("2025-04-09T00:00:00Z"), NEW_YORK);
        assertEquals(List.of(Instant.parse("2025-04-08T13:00:00Z")), meetings.stream().map(Meeting::start).toList());

        List<Meeting> original = reader.meetings(crlf(WEEKLY_SERIES), "caldav",
                Instant.parse("2025-04-07T00:00:00Z"), Instant.parse("2025-04-08T00:00:00Z"), NEW_YORK);
        assertEquals(List.of(), original);
    }

    @Test
    void aSeriesIsCappedAtOneThousandOccurrences() throws Exception {
        List<Meeting> meetings = reader.meetings(crlf("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:standup
                DTSTAMP:20200101T000000Z
                DTSTART:20200101T090000Z
                DURATION:PT15M
                RRULE:FREQ=DAILY
                END:VEVENT
                END:VCALENDAR
                """), "caldav", Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"), NEW_YORK);

        assertEquals(SeriesExpander.MAX_OCCURRENCES, meetings.size());
        assertEquals(Instant.parse("2020-01-01T09:00:00Z"), meetings.get(0).start());
        assertEquals(Instant.parse("2022-09-26T09:00:00Z"), meetings.get(999).start());
    }

    @Test
    void rdateAddsOccurrencesAndUntilEndsTheRule() throws Exception {
        List<Meeting> meetings = reader.meetings(crlf("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:review
                DTSTAMP:20250101T000000Z
                DTSTART;TZID=Europe/Berlin:20250106T140000
                DTEND;TZID=Europe/Berlin:20250106T150000
                RRULE:FREQ=WEEKLY;UNTIL=20250120T130000Z
                RDATE;TZID=Europe/Berlin:20250201T100000
                END:VEVENT
                END:VCALENDAR
                """), "caldav", FROM, TO, NEW_YORK);

        assertEquals(List.of(Instant.parse("2025-01-06T13:00:00Z"), Instant.parse("2025-01-13T13:00:00Z"),
                Instant.parse("2025-01-20T13:00:00Z"), Instant.parse("2025-02-01T09:00:00Z")),
                meetings.stream().map(Meeting::start).toList());
        assertEquals(Instant.parse("2025-02-01T10:00:00Z"), meetings.get(3).end());
    }

    @Test
    void cancelOfASeriesIsOneMeetingForTheWholeSeries() throws Exception {
        Invitation invitation = invitation("""
                BEGIN:VCALENDAR
                PRODID:-//Google Inc//Google Calendar 70.9054//EN
                VERSION:2.0
                METHOD:CANCEL
                BEGIN:VEVENT
                DTSTART;TZID=Europe/Berlin:20250310T100000
                DTEND;TZID=Europe/Berlin:20250310T103000
                RRULE:FREQ=WEEKLY;BYDAY=MO
                DTSTAMP:20250305T110000Z
                ORGANIZER;CN=Jane Seller:mailto:jane@seller.example
                UID:weekly-sync@google.com
                ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@buyer.example
                SEQUENCE:3
                STATUS:CANCELLED
                SUMMARY:Weekly sync
                END:VEVENT
                END:VCALENDAR
                """);

        assertEquals(Method.CANCEL, invitation.method());
        assertEquals(3, invitation.sequence());
        assertEquals(Instant.parse("2025-03-05T11:00:00Z"), invitation.stamp());
        assertEquals(1, invitation.meetings().size());
        Meeting m = invitation.meetings().get(0);
        assertNull(m.recurrenceId());
        assertEquals(Instant.parse("2025-03-10T09:00:00Z"), m.start());
        assertEquals(Status.CANCELLED, m.status());
    }

    @Test
    void cancelOfOneOccurrenceCarriesItsRecurrenceIdEvenWithoutStatus() throws Exception {
        Invitation invitation = invitation("""
                BEGIN:VCALENDAR
                VERSION:2.0
                METHOD:CANCEL
                BEGIN:VEVENT
                UID:weekly-sync@google.com
                RECURRENCE-ID;TZID=Europe/Berlin:20250331T100000
                DTSTART;TZID=Europe/Berlin:20250331T100000
                DTEND;TZID=Europe/Berlin:20250331T103000
                DTSTAMP:20250305T110000Z
                SEQUENCE:2
                END:VEVENT
                END:VCALENDAR
                """);

        Meeting m = invitation.meetings().get(0);
        assertEquals(Instant.parse("2025-03-31T08:00:00Z"), m.recurrenceId());
        assertEquals(Instant.parse("2025-03-31T08:00:00Z"), m.start());
        assertTrue(m.cancelled(), "a CANCEL cancels what it names");
    }

    @Test
    void replyWithDeclined() throws Exception {
        Invitation invitation = invitation("""
                BEGIN:VCALENDAR
                PRODID:Microsoft Exchange Server 2010
                VERSION:2.0
                METHOD:REPLY
                BEGIN:VEVENT
                ATTENDEE;PARTSTAT=DECLINED;CN=Bob Buyer:mailto:bob@buyer.example
                COMMENT;LANGUAGE=en-US:Sorry, on holiday.
                SUMMARY;LANGUAGE=en-US:Declined: Weekly sync
                DTSTART:20250310T090000Z
                DTEND:20250310T093000Z
                UID:weekly-sync@google.com
                RRULE:FREQ=WEEKLY;BYDAY=MO
                DTSTAMP:20250306T160000Z
                SEQUENCE:1
                ORGANIZER:mailto:jane@seller.example
                END:VEVENT
                END:VCALENDAR
                """);

        assertEquals(Method.REPLY, invitation.method());
        assertEquals(1, invitation.meetings().size(), "a REPLY is not expanded");
        Meeting m = invitation.meetings().get(0);
        assertNull(m.recurrenceId());
        assertEquals(List.of(new Meeting.Attendee(new Address("Bob Buyer", "bob@buyer.example"), Participation.DECLINED)),
                m.attendees());
        assertEquals(Participation.DECLINED, m.participationOf(Address.of("bob@buyer.example")));
    }

    @Test
    void transparentEventsDoNotBlockTime() throws Exception {
        Meeting m = invitation("""
                BEGIN:VCALENDAR
                VERSION:2.0
                METHOD:PUBLISH
                BEGIN:VEVENT
                UID:reminder-1
                DTSTAMP:20250301T120000Z
                DTSTART:20250312T160000Z
                DTEND:20250312T161500Z
                TRANSP:TRANSPARENT
                END:VEVENT
                END:VCALENDAR
                """).meetings().get(0);

        assertFalse(m.busy());
    }

    @Test
    void missingMethodIsARequestAndMissingStampIsTheMailsDate() throws Exception {
        Invitation invitation = invitation("""
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Apple Inc.//macOS 14.2//EN
                BEGIN:VEVENT
                DTSTART:20250312T160000Z
                DTEND:20250312T170000Z
                SUMMARY:Demo
                END:VEVENT
                END:VCALENDAR
                """);

        assertEquals(Method.REQUEST, invitation.method());
        assertEquals(0, invitation.sequence());
        assertEquals(MAIL_DATE, invitation.stamp());
        String uid = invitation.meetings().get(0).uid();
        assertTrue(uid.startsWith("tickler-"), uid);
        assertFalse(uid.contains("Demo"));
        assertEquals(uid, invitation("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                SUMMARY:Demo
                DTSTART:20250312T160000Z
                END:VEVENT
                END:VCALENDAR
                """).meetings().get(0).uid(), "stable: the same DTSTART and SUMMARY give the same uid");
    }

    @Test
    void garbageIsRejectedWithAClearMessage() {
        IcsException e = assertThrows(IcsException.class, () -> invitation("Hello Bob,\nsee you on Monday!\n"));
        assertTrue(e.getMessage().startsWith("not iCalendar data"), e.getMessage());
        assertFalse(e.getMessage().contains("Bob"), e.getMessage());

        IcsException empty = assertThrows(IcsException.class, () -> invitation(" "));
        assertEquals("no calendar data (empty text)", empty.getMessage());
    }

    @Test
    void aCalendarWithoutEventsIsRejected() {
        IcsException e = assertThrows(IcsException.class, () -> invitation("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VTODO
                UID:todo-1
                SUMMARY:Call Bob
                END:VTODO
                END:VCALENDAR
                """));
        assertEquals("no VEVENT in the calendar data", e.getMessage());
    }

    @Test
    void aBadDateIsRejectedWithoutQuotingIt() {
        IcsException e = assertThrows(IcsException.class, () -> invitation("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:bad-1
                DTSTART:next tuesday bob@buyer.example
                SUMMARY:Secret deal
                END:VEVENT
                END:VCALENDAR
                """));
        assertEquals("not iCalendar data (parse error at line 5, DTSTART)", e.getMessage());
        assertFalse(e.getMessage().contains("bob@buyer.example"), e.getMessage());
        assertFalse(e.getMessage().contains("tuesday"), e.getMessage());
    }

    @Test
    void ical4jIsConfiguredLenientAndOffline() {
        // From src/main/resources/ical4j.properties, which ical4j reads before any system property.
        assertEquals("false", net.fortuna.ical4j.util.Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")
                .orElseThrow(), "the bundled zones carry a TZURL: updates on would fetch them over the network");
        assertTrue(net.fortuna.ical4j.util.CompatibilityHints.isHintEnabled("ical4j.parsing.relaxed"));
        assertTrue(net.fortuna.ical4j.util.CompatibilityHints.isHintEnabled("ical4j.unfolding.relaxed"));
        assertTrue(net.fortuna.ical4j.util.CompatibilityHints.isHintEnabled("ical4j.compatibility.outlook"));
    }
}
