package dev.tickler.cadence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rep's working time in their own timezone: working days, public holidays, working hours, and
 * the rep's own absences. Drafts appear at the start of a working day, never at 3 a.m.
 */
public final class BusinessCalendar {

    /** A span of days the rep is away, both days included. */
    public record Absence(LocalDate from, LocalDate to) {
        public Absence {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("absence ends " + to + " before it starts " + from);
            }
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final Set<LocalDate> holidays;
    private final LocalTime dayStarts;
    private final LocalTime dayEnds;
    private final List<Absence> absences;

    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, Set<LocalDate> holidays, LocalTime dayStarts,
                            LocalTime dayEnds, List<Absence> absences) {
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("a working week needs at least one working day");
        }
        if (!dayEnds.isAfter(dayStarts)) {
            throw new IllegalArgumentException("working hours end " + dayEnds + " before they start " + dayStarts);
        }
        this.zone = zone;
        this.workingDays = EnumSet.copyOf(workingDays);
        this.holidays = Set.copyOf(holidays);
        this.dayStarts = dayStarts;
        this.dayEnds = dayEnds;
        this.absences = List.copyOf(absences);
    }

    /** Monday to Friday, 09:00 to 17:00, no holidays: the default. */
    public static BusinessCalendar mondayToFriday(ZoneId zone) {
        return new BusinessCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(),
                LocalTime.of(9, 0), LocalTime.of(17, 0), List.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime dayStarts() {
        return dayStarts;
    }

    public LocalTime dayEnds() {
        return dayEnds;
    }

    public boolean isBusinessDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.contains(day);
    }

    /** The rep's own absence covering {@code day}, if any. */
    public java.util.Optional<Absence> absenceOn(LocalDate day) {
        return absences.stream().filter(a -> a.contains(day)).findFirst();
    }

    /** The day {@code days} business days after the day of {@code start}: from a Friday, 3 is Wednesday. */
    public LocalDate plusBusinessDays(Instant start, int days) {
        LocalDate day = start.atZone(zone).toLocalDate();
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * When a draft due on {@code day} appears: the start of the working day on that day, or on the
     * first business day after it when it is a weekend or holiday.
     */
    public Instant startOfBusinessDay(LocalDate day) {
        LocalDate d = day;
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return ZonedDateTime.of(d, dayStarts, zone).toInstant();
    }

    /** The start of the first business day after {@code date}. */
    public Instant startOfBusinessDayAfter(LocalDate date) {
        return startOfBusinessDay(date.plusDays(1));
    }

    /** Within working hours on a business day (and not during the rep's absence). */
    public boolean isWorkingTime(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        LocalTime time = t.toLocalTime();
        return isBusinessDay(t.toLocalDate()) && absenceOn(t.toLocalDate()).isEmpty()
                && !time.isBefore(dayStarts) && time.isBefore(dayEnds);
    }

    /** The start of the next working day at or after {@code instant}. */
    public Instant nextWorkingStart(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        LocalDate day = t.toLocalTime().isBefore(dayStarts) ? t.toLocalDate() : t.toLocalDate().plusDays(1);
        while (!isBusinessDay(day) || absenceOn(day).isPresent()) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, dayStarts, zone).toInstant();
    }

    /** The local day of an instant. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
