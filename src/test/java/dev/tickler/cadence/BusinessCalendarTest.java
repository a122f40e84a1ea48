package dev.tickler.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private final BusinessCalendar berlin = BusinessCalendar.mondayToFriday(ZoneId.of("Europe/Berlin"));

    @Test
    void threeBusinessDaysFromFridayIsWednesday() {
        // Fri 6 Mar 2026 15:00 Berlin
        assertEquals(Instant.parse("2026-03-11T14:00:00Z"), berlin.plusBusinessDays(Instant.parse("2026-03-06T14:00:00Z"), 3));
    }

    @Test
    void countingFromASaturdayStartsOnMonday() {
        assertEquals(Instant.parse("2026-03-11T09:00:00Z"), berlin.plusBusinessDays(Instant.parse("2026-03-07T09:00:00Z"), 3));
    }

    @Test
    void businessDaysAreCountedInTheRepsTimezoneNotUtc() {
        // Fri 23:30 UTC is already Saturday 00:30 in Berlin: counting starts Monday, so 1 day is Monday.
        assertEquals(Instant.parse("2026-03-08T23:30:00Z"), berlin.plusBusinessDays(Instant.parse("2026-03-06T23:30:00Z"), 1));
    }

    @Test
    void aWeekendInstantMovesToTheStartOfMonday() {
        assertEquals(Instant.parse("2026-03-08T23:00:00Z"), berlin.onBusinessDay(Instant.parse("2026-03-07T12:00:00Z")));
    }

    @Test
    void acrossTheDaylightSavingChangeTheLocalTimeIsKept() {
        // Fri 27 Mar 2026 10:00 CET (+01) → Wed 1 Apr 10:00 CEST (+02)
        assertEquals(Instant.parse("2026-04-01T08:00:00Z"), berlin.plusBusinessDays(Instant.parse("2026-03-27T09:00:00Z"), 3));
    }
}
