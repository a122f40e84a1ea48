package dev.tickler.cadence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/** The rep's working week in their own timezone: which days count as business days. */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;

    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays) {
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("a working week needs at least one working day");
        }
        this.zone = zone;
        this.workingDays = EnumSet.copyOf(workingDays);
    }

    public static BusinessCalendar mondayToFriday(ZoneId zone) {
        return new BusinessCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isBusinessDay(ZonedDateTime time) {
        return workingDays.contains(time.getDayOfWeek());
    }

    /**
     * The same local time {@code days} business days later: from a Friday, 3 days is Wednesday; from
     * a Saturday, Monday is day 1, so 3 days is also Wednesday.
     */
    public Instant plusBusinessDays(Instant start, int days) {
        ZonedDateTime time = start.atZone(zone);
        int left = days;
        while (left > 0) {
            time = time.plusDays(1);
            if (isBusinessDay(time)) {
                left--;
            }
        }
        return onBusinessDay(time.toInstant());
    }

    /** The start of the first business day after {@code date}. */
    public Instant startOfBusinessDayAfter(java.time.LocalDate date) {
        ZonedDateTime next = date.plusDays(1).atStartOfDay(zone);
        while (!isBusinessDay(next)) {
            next = next.plusDays(1);
        }
        return next.toInstant();
    }

    /** The instant itself on a business day, else the start of the next business day. */
    public Instant onBusinessDay(Instant instant) {
        ZonedDateTime time = instant.atZone(zone);
        if (isBusinessDay(time)) {
            return instant;
        }
        ZonedDateTime next = time.toLocalDate().plusDays(1).atStartOfDay(zone);
        while (!isBusinessDay(next)) {
            next = next.plusDays(1);
        }
        return next.toInstant();
    }
}
