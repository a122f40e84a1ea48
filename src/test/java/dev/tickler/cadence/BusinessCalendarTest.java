package dev.tickler.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final BusinessCalendar berlin = BusinessCalendar.mondayToFriday(BERLIN);

    @Test
    void threeBusinessDaysFromFridayIsWednesday() {
        assertEquals(LocalDate.of(2026, 3, 11), berlin.plusBusinessDays(Instant.parse("2026-03-06T14:00:00Z"), 3));
    }

    @Test
    void countingFromASaturdayStartsOnMonday() {
        assertEquals(LocalDate.of(2026, 3, 11), berlin.plusBusinessDays(Instant.parse("2026-03-07T09:00:00Z"), 3));
    }

    @Test
    void businessDaysAreCountedInTheRepsTimezoneNotUtc() {
        // Fri 23:30 UTC is already Saturday 00:30 in Berlin: counting starts Monday, so 1 day is Monday.
        assertEquals(LocalDate.of(2026, 3, 9), berlin.plusBusinessDays(Instant.parse("2026-03-06T23:30:00Z"), 1));
    }

    @Test
    void draftsAppearAtTheStartOfTheWorkingDayInTheRepsZoneAcrossDaylightSaving() {
        assertEquals(Instant.parse("2026-03-27T08:00:00Z"), berlin.startOfBusinessDay(LocalDate.of(2026, 3, 27)), "09:00 CET");
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), berlin.startOfBusinessDay(LocalDate.of(2026, 3, 28)),
                "a Saturday moves to Monday 09:00 CEST");
    }

    @Test
    void holidaysAreNotBusinessDays() {
        BusinessCalendar easter = new BusinessCalendar(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                Set.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6)), LocalTime.of(8, 30), LocalTime.of(17, 0), List.of());
        // Thu 2 April + 1 business day skips Good Friday and Easter Monday.
        assertEquals(LocalDate.of(2026, 4, 7), easter.plusBusinessDays(Instant.parse("2026-04-02T10:00:00Z"), 1));
        assertEquals(Instant.parse("2026-04-07T06:30:00Z"), easter.startOfBusinessDay(LocalDate.of(2026, 4, 3)));
    }

    @Test
    void aWorkingWeekCanBeSundayToThursday() {
        BusinessCalendar dubai = new BusinessCalendar(ZoneId.of("Asia/Dubai"), EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY), Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0), List.of());
        assertEquals(LocalDate.of(2026, 3, 8), dubai.plusBusinessDays(Instant.parse("2026-03-05T08:00:00Z"), 1), "Thursday + 1 is Sunday");
    }
}
