package dev.tickler.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.calendar.Meeting;
import dev.tickler.calendar.Meeting.Attendee;
import dev.tickler.calendar.Meeting.Participation;
import dev.tickler.mail.Address;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SlotFinderTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Address REP = Address.of("rep@example.com");
    static final Predicate<Address> IS_REP = REP::sameAddress;

    private final BusinessCalendar berlin = BusinessCalendar.mondayToFriday(BERLIN);
    private final SlotFinder finder = new SlotFinder(berlin);

    /** A 30-minute slot starting at a Berlin wall-clock time. */
    static Slot slot(String berlinLocal) {
        return slot(berlinLocal, 30);
    }

    static Slot slot(String berlinLocal, int minutes) {
        Instant start = at(berlinLocal);
        return new Slot(start, start.plus(Duration.ofMinutes(minutes)));
    }

    static Instant at(String berlinLocal) {
        return LocalDateTime.parse(berlinLocal).atZone(BERLIN).toInstant();
    }

    static Meeting meeting(String fromBerlin, String toBerlin) {
        return new Meeting("m-" + fromBerlin, null, at(fromBerlin), at(toBerlin), REP, List.of(), Meeting.Status.CONFIRMED, true, "test");
    }

    private List<Slot> find(String nowBerlin, List<Meeting> meetings, ZoneId prospect) {
        return finder.find(at(nowBerlin), meetings, IS_REP, prospect);
    }

    @Test
    void offersTheNextThreeBusinessDaysAlternatingMorningAndAfternoon() {
        assertEquals(List.of(slot("2026-11-24T09:00"), slot("2026-11-25T13:00"), slot("2026-11-26T09:00")),
                find("2026-11-23T10:00", List.of(), null), "from Monday: Tuesday to Thursday, never today");
    }

    @Test
    void skipsTheWeekend() {
        assertEquals(List.of(slot("2026-11-20T09:00"), slot("2026-11-23T13:00"), slot("2026-11-24T09:00")),
                find("2026-11-19T16:00", List.of(), null));
        assertEquals(List.of(slot("2026-11-23T09:00"), slot("2026-11-24T13:00"), slot("2026-11-25T09:00")),
                find("2026-11-21T11:00", List.of(), null), "read on a Saturday: options from Monday");
    }

    @Test
    void skipsHolidays() {
        BusinessCalendar withHoliday = new BusinessCalendar(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                Set.of(LocalDate.of(2026, 11, 23)), LocalTime.of(9, 0), LocalTime.of(17, 0), List.of());
        assertEquals(List.of(slot("2026-11-20T09:00"), slot("2026-11-24T13:00"), slot("2026-11-25T09:00")),
                new SlotFinder(withHoliday).find(at("2026-11-19T16:00"), List.of(), IS_REP, null));
    }

    @Test
    void skipsTheRepsAbsenceWhichDoesNotUseUpTheHorizon() {
        BusinessCalendar away = new BusinessCalendar(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(),
                LocalTime.of(9, 0), LocalTime.of(17, 0),
                List.of(new BusinessCalendar.Absence(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 26))));
        SlotFinder twoDays = new SlotFinder(away, Duration.ofMinutes(30), 3, 2);
        assertEquals(List.of(slot("2026-11-27T09:00"), slot("2026-11-30T13:00")),
                twoDays.find(at("2026-11-23T10:00"), List.of(), IS_REP, null));
    }

    @Test
    void wholeSlotsOnTheHalfHourGridInsideWorkingHours() {
        BusinessCalendar shortDay = new BusinessCalendar(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(),
                LocalTime.of(8, 15), LocalTime.of(10, 45), List.of());
        SlotFinder hour = new SlotFinder(shortDay, Duration.ofHours(1), 1, 1);
        assertEquals(List.of(slot("2026-11-24T08:30", 60)), hour.find(at("2026-11-23T10:00"), List.of(), IS_REP, null),
                "08:15 rounds up to 08:30");
        // Busy until 08:50, plus the buffer: 08:30 and 09:00 overlap; 09:30–10:30 is the only hour left; 10:00 would end at 11:00.
        assertEquals(List.of(slot("2026-11-24T09:30", 60)),
                hour.find(at("2026-11-23T10:00"), List.of(meeting("2026-11-24T08:00", "2026-11-24T08:50")), IS_REP, null));
    }

    @Test
    void keepsFifteenMinutesClearAroundBusyMeetings() {
        List<Meeting> busy = List.of(meeting("2026-11-24T09:00", "2026-11-24T10:00"), meeting("2026-11-25T13:30", "2026-11-25T14:00"));
        // Tuesday: blocked 08:45–10:15, so 10:30; Wednesday: blocked 13:15–14:15, so 14:30.
        assertEquals(List.of(slot("2026-11-24T10:30"), slot("2026-11-25T14:30"), slot("2026-11-26T09:00")),
                find("2026-11-23T10:00", busy, null));
    }

    @Test
    void aFullDayIsSkippedAndNothingFittingGivesAnEmptyList() {
        List<Meeting> busy = List.of(meeting("2026-11-24T08:00", "2026-11-24T18:00"));
        assertEquals(List.of(slot("2026-11-25T09:00"), slot("2026-11-26T13:00"), slot("2026-11-27T09:00")),
                find("2026-11-23T10:00", busy, null));
        SlotFinder oneDay = new SlotFinder(berlin, Duration.ofMinutes(30), 3, 1);
        assertEquals(List.of(), oneDay.find(at("2026-11-23T10:00"), busy, IS_REP, null));
    }

    @Test
    void theLunchHourIsOfferedOnlyWhenNothingElseFits() {
        // Free only from 11:55 to 13:05 once the buffers are kept: 12:00 and 12:30 fit.
        List<Meeting> busy = List.of(meeting("2026-11-24T08:00", "2026-11-24T11:40"), meeting("2026-11-24T13:20", "2026-11-24T18:00"));
        SlotFinder oneDay = new SlotFinder(berlin, Duration.ofMinutes(30), 1, 1);
        assertEquals(List.of(slot("2026-11-24T12:00")), oneDay.find(at("2026-11-23T10:00"), busy, IS_REP, null));
    }

    @Test
    void cancelledTransparentAndDeclinedMeetingsDoNotBlock() {
        Meeting base = meeting("2026-11-24T09:00", "2026-11-24T09:30");
        SlotFinder oneDay = new SlotFinder(berlin, Duration.ofMinutes(30), 1, 1);
        Slot free = slot("2026-11-24T09:00");
        Slot afterBuffer = slot("2026-11-24T10:00");
        Address alias = Address.of("Rep.Alias@example.com");

        assertEquals(List.of(afterBuffer), oneDay.find(at("2026-11-23T10:00"), List.of(base), IS_REP, null), "an ordinary meeting blocks");
        assertEquals(List.of(free), oneDay.find(at("2026-11-23T10:00"), List.of(base.withStatus(Meeting.Status.CANCELLED)), IS_REP, null));
        Meeting transparent = new Meeting(base.uid(), null, base.start(), base.end(), REP, List.of(), Meeting.Status.CONFIRMED, false, "");
        assertEquals(List.of(free), oneDay.find(at("2026-11-23T10:00"), List.of(transparent), IS_REP, null));
        Meeting declined = base.withParticipation(Address.of("REP@example.com"), Participation.DECLINED);
        assertEquals(List.of(free), oneDay.find(at("2026-11-23T10:00"), List.of(declined), IS_REP, null));
        assertEquals(List.of(free), oneDay.find(at("2026-11-23T10:00"), List.of(declined), Set.of("Rep@Example.com"), null),
                "the rep given as address keys");
        assertEquals(List.of(afterBuffer), oneDay.find(at("2026-11-23T10:00"), List.of(declined), Set.of("someone@else.com"), null),
                "someone else declining does not free the rep");
        assertEquals(List.of(afterBuffer), oneDay.find(at("2026-11-23T10:00"),
                List.of(base.withParticipation(REP, Participation.TENTATIVE)), IS_REP, null), "tentative still blocks");
        Meeting declinedByOneAcceptedByAlias = declined.withParticipation(alias, Participation.ACCEPTED);
        assertEquals(List.of(afterBuffer), oneDay.find(at("2026-11-23T10:00"), List.of(declinedByOneAcceptedByAlias),
                Set.of("rep@example.com", "rep.alias@example.com"), null), "accepted under another of the rep's addresses");
    }

    @Test
    void aMeetingWithoutEndBlocksItsBuffer() {
        Meeting instant = new Meeting("x", null, at("2026-11-24T09:30"), null, null, List.of(), null, true, null);
        SlotFinder oneDay = new SlotFinder(berlin, Duration.ofMinutes(30), 1, 1);
        assertEquals(List.of(slot("2026-11-24T10:00")), oneDay.find(at("2026-11-23T10:00"), List.of(instant), IS_REP, null),
                "09:00–09:30 would end inside 09:15–09:45");
    }

    @Test
    void prefersTheProspectsWorkingHours() {
        // November: New York is 6 hours behind Berlin; 09:00 there is 15:00 here.
        assertEquals(List.of(slot("2026-11-24T15:00"), slot("2026-11-25T15:00"), slot("2026-11-26T15:00")),
                find("2026-11-23T10:00", List.of(), NEW_YORK));
        assertEquals(List.of(slot("2026-11-24T15:00"), slot("2026-11-25T15:00"), slot("2026-11-26T15:00")),
                find("2026-11-23T10:00", List.of(), ZoneOffset.ofHours(-5)));
    }

    @Test
    void aFarAwayProspectWithoutOverlapGetsTheRepsHours() {
        // November: Berlin 09:00 is 17:00 in Tokyo, so no half hour fits both working days.
        assertEquals(List.of(slot("2026-11-24T09:00"), slot("2026-11-25T13:00"), slot("2026-11-26T09:00")),
                find("2026-11-23T10:00", List.of(), TOKYO));
    }

    @Test
    void aThinOverlapIsUsedFirstAndTheRestFilledFromTheRepsHours() {
        // June: Berlin 09:00–10:00 is 16:00–17:00 in Tokyo. Tuesday morning is busy, so Tuesday only has rep hours.
        SlotFinder threeDays = new SlotFinder(berlin, Duration.ofMinutes(30), 3, 3);
        List<Meeting> busy = List.of(meeting("2026-06-23T08:00", "2026-06-23T10:30"));
        assertEquals(List.of(slot("2026-06-23T13:00"), slot("2026-06-24T09:00"), slot("2026-06-25T09:00")),
                threeDays.find(at("2026-06-22T10:00"), busy, IS_REP, TOKYO));
    }

    @Test
    void theProspectsWeekendIsNotTheirWorkingTime() {
        Slot saturdayInSydney = new Slot(Instant.parse("2026-11-27T23:00:00Z"), Instant.parse("2026-11-27T23:30:00Z"));
        Slot mondayInSydney = new Slot(Instant.parse("2026-11-29T23:00:00Z"), Instant.parse("2026-11-29T23:30:00Z"));
        assertFalse(SlotFinder.suitsProspect(saturdayInSydney, ZoneId.of("Australia/Sydney")));
        assertTrue(SlotFinder.suitsProspect(mondayInSydney, ZoneId.of("Australia/Sydney")));
    }

    @Test
    void keepsTheRepsLocalHoursAcrossTheSpringChange() {
        // Thursday 26 March 2026; Berlin moves from +01:00 to +02:00 on Sunday 29 March.
        List<Slot> slots = find("2026-03-26T10:00", List.of(), null);
        assertEquals(List.of(
                new Slot(Instant.parse("2026-03-27T08:00:00Z"), Instant.parse("2026-03-27T08:30:00Z")),
                new Slot(Instant.parse("2026-03-30T11:00:00Z"), Instant.parse("2026-03-30T11:30:00Z")),
                new Slot(Instant.parse("2026-03-31T07:00:00Z"), Instant.parse("2026-03-31T07:30:00Z"))), slots,
                "Friday 09:00 CET, Monday 13:00 CEST, Tuesday 09:00 CEST");
    }

    @Test
    void keepsTheRepsLocalHoursAfterTheAutumnChange() {
        // Read on Friday 23 October 2026 (+02:00); the options are after Sunday's change to +01:00.
        assertEquals(List.of(
                new Slot(Instant.parse("2026-10-26T08:00:00Z"), Instant.parse("2026-10-26T08:30:00Z")),
                new Slot(Instant.parse("2026-10-27T12:00:00Z"), Instant.parse("2026-10-27T12:30:00Z")),
                new Slot(Instant.parse("2026-10-28T08:00:00Z"), Instant.parse("2026-10-28T08:30:00Z"))),
                find("2026-10-23T10:00", List.of(), null), "09:00 and 13:00 in Berlin, an hour later in UTC than the week before");
    }

    @Test
    void showsTheChangingDifferenceToNewYorkAcrossTheChange() {
        SlotText english = new SlotText(BERLIN, java.util.Locale.ENGLISH);
        // Europe changes on 29 March, the US already did on 8 March: 5 hours apart on Friday, 6 from Monday.
        List<Slot> march = find("2026-03-26T10:00", List.of(), NEW_YORK);
        assertEquals(List.of(
                "Friday 27 March, 09:00–09:30 your time (14:00–14:30 for me in Berlin)",
                "Monday 30 March, 09:00–09:30 your time (15:00–15:30 for me in Berlin)",
                "Tuesday 31 March, 09:00–09:30 your time (15:00–15:30 for me in Berlin)"), english.lines(march, NEW_YORK));
        // Europe changes on 25 October, the US only on 1 November: 6 hours apart on Friday, 5 from Monday.
        List<Slot> october = find("2026-10-22T10:00", List.of(), NEW_YORK);
        assertEquals(List.of(
                "Friday 23 October, 09:00–09:30 your time (15:00–15:30 for me in Berlin)",
                "Monday 26 October, 09:00–09:30 your time (14:00–14:30 for me in Berlin)",
                "Tuesday 27 October, 09:00–09:30 your time (14:00–14:30 for me in Berlin)"), english.lines(october, NEW_YORK));
    }

    @Test
    void aProspectKnownOnlyByAFixedOffsetFollowsOnlyTheRepsChange() {
        ZoneOffset minusFive = ZoneOffset.ofHours(-5);
        List<Slot> march = find("2026-03-26T10:00", List.of(), minusFive);
        assertEquals(List.of(slot("2026-03-27T15:00"), slot("2026-03-30T16:00"), slot("2026-03-31T16:00")), march);
        assertEquals(List.of(
                "Freitag, 27. März, 09:00–09:30 Uhr UTC−05:00 (15:00–15:30 Uhr bei mir in Berlin)",
                "Montag, 30. März, 09:00–09:30 Uhr UTC−05:00 (16:00–16:30 Uhr bei mir in Berlin)",
                "Dienstag, 31. März, 09:00–09:30 Uhr UTC−05:00 (16:00–16:30 Uhr bei mir in Berlin)"),
                new SlotText(BERLIN, java.util.Locale.GERMAN).lines(march, minusFive));
    }

    @Test
    void theSameInputsGiveTheSameSlotsWhateverTheOrderOfMeetings() {
        List<Meeting> busy = new ArrayList<>(List.of(meeting("2026-11-24T09:00", "2026-11-24T11:00"),
                meeting("2026-11-25T13:00", "2026-11-25T15:00"), meeting("2026-11-26T08:00", "2026-11-26T09:40")));
        List<Slot> first = find("2026-11-23T10:00", busy, NEW_YORK);
        Collections.reverse(busy);
        assertEquals(first, find("2026-11-23T10:00", busy, NEW_YORK));
        assertEquals(first, find("2026-11-23T10:00", List.copyOf(busy), NEW_YORK));
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> new SlotFinder(berlin, Duration.ofHours(9), 3, 5));
        assertThrows(IllegalArgumentException.class, () -> new SlotFinder(berlin, Duration.ZERO, 3, 5));
        assertThrows(IllegalArgumentException.class, () -> new SlotFinder(berlin, Duration.ofMinutes(30), 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new SlotFinder(berlin, Duration.ofMinutes(30), 3, 0));
    }
}
