package dev.tickler.cadence;

import dev.tickler.calendar.Meeting;
import dev.tickler.mail.Address;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Proposes a few concrete times for a short next-step call, so a reminder asks "would Tuesday
 * 10:00 or Wednesday 14:00 suit you?" instead of "let's touch base next week" (seed 004), and
 * the prospect only has to pick one (seed 003).
 *
 * <p>Slots lie on a 30-minute grid of the rep's local time, wholly inside the rep's working hours,
 * on working days the rep is present, from the business day after {@code now} on, and keep 15
 * minutes clear of every meeting that blocks time. At most one slot per day, alternating morning
 * and afternoon. When the prospect's zone is known, slots inside 09:00–17:00 of a weekday there
 * come first; the rest are filled from the rep's hours alone, so far-apart zones still get options.
 * Pure and deterministic: the same inputs give the same slots.
 */
public final class SlotFinder {

    public static final Duration DEFAULT_LENGTH = Duration.ofMinutes(30);
    public static final int DEFAULT_COUNT = 3;
    public static final int DEFAULT_HORIZON_BUSINESS_DAYS = 5;
    /** Time kept clear before and after a busy meeting: no call straight out of another one. */
    public static final Duration BUFFER = Duration.ofMinutes(15);
    static final int GRID_MINUTES = 30;
    static final LocalTime PROSPECT_DAY_STARTS = LocalTime.of(9, 0);
    static final LocalTime PROSPECT_DAY_ENDS = LocalTime.of(17, 0);
    private static final LocalTime NOON = LocalTime.NOON;
    private static final LocalTime AFTER_LUNCH = LocalTime.of(13, 0);
    /** A bound on the days scanned, so a long absence cannot make the search run away. */
    private static final int MAX_DAYS_SCANNED = 400;

    /** Where a slot falls in the rep's day; the lunch hour is offered only when nothing else fits. */
    enum PartOfDay {
        MORNING, LUNCH, AFTERNOON;

        PartOfDay opposite() {
            return this == MORNING ? AFTERNOON : MORNING;
        }
    }

    private record Busy(Instant from, Instant to) {
    }

    private final BusinessCalendar calendar;
    private final Duration length;
    private final int count;
    private final int horizonBusinessDays;

    /** 3 slots of 30 minutes within the next 5 business days. */
    public SlotFinder(BusinessCalendar calendar) {
        this(calendar, DEFAULT_LENGTH, DEFAULT_COUNT, DEFAULT_HORIZON_BUSINESS_DAYS);
    }

    /**
     * @param length              how long the call is; whole minutes, at most the working day
     * @param count               how many slots to propose at most (at least 1)
     * @param horizonBusinessDays how many of the rep's working days after today to look at; days the
     *                            rep is absent do not count, so an absence pushes the options later
     */
    public SlotFinder(BusinessCalendar calendar, Duration length, int count, int horizonBusinessDays) {
        Duration workingDay = Duration.between(calendar.dayStarts(), calendar.dayEnds());
        if (length.isNegative() || length.isZero() || length.toSecondsPart() != 0 || length.compareTo(workingDay) > 0) {
            throw new IllegalArgumentException("slot length " + length + " must be whole minutes within the working day of "
                    + workingDay);
        }
        if (count < 1 || horizonBusinessDays < 1) {
            throw new IllegalArgumentException("count " + count + " and horizon " + horizonBusinessDays + " must be at least 1");
        }
        this.calendar = calendar;
        this.length = length;
        this.count = count;
        this.horizonBusinessDays = horizonBusinessDays;
    }

    /**
     * @param now          when the draft appears; slots start on the next business day
     * @param meetings     the rep's meetings around the horizon
     * @param isRep        which attendee addresses are the rep (their answer decides whether a meeting blocks)
     * @param prospectZone the prospect's zone or offset, or null when unknown
     * @return the slots in time order; empty when nothing fits
     */
    public List<Slot> find(Instant now, List<Meeting> meetings, Predicate<Address> isRep, ZoneId prospectZone) {
        List<Busy> busy = meetings.stream().filter(m -> blocksTime(m, isRep))
                .map(m -> new Busy(m.start().minus(BUFFER), m.end().plus(BUFFER))).toList();
        Map<LocalDate, List<Slot>> free = new TreeMap<>();
        for (LocalDate day : candidateDays(now)) {
            free.put(day, freeSlots(day, busy));
        }
        TreeMap<LocalDate, Slot> chosen = new TreeMap<>();
        if (prospectZone != null) {
            choose(free, slot -> suitsProspect(slot, prospectZone), chosen);
        }
        choose(free, slot -> true, chosen);
        return List.copyOf(chosen.values());
    }

    /** The same, with the rep known by their address keys ({@link Address#key()}, case ignored). */
    public List<Slot> find(Instant now, List<Meeting> meetings, Set<String> repAddressKeys, ZoneId prospectZone) {
        Set<String> keys = repAddressKeys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return find(now, meetings, address -> keys.contains(address.key()), prospectZone);
    }

    /**
     * Whether a meeting keeps the rep busy: not when cancelled, not when marked free
     * (TRANSP:TRANSPARENT), and not when the rep declined it. Tentative and unanswered ones block.
     */
    public static boolean blocksTime(Meeting meeting, Predicate<Address> isRep) {
        return !meeting.cancelled() && meeting.busy() && !meeting.declinedBy(isRep);
    }

    /** The rep's first {@code horizonBusinessDays} working days after the day of {@code now}, absences skipped. */
    private List<LocalDate> candidateDays(Instant now) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = calendar.dayOf(now);
        for (int scanned = 0; days.size() < horizonBusinessDays && scanned < MAX_DAYS_SCANNED; scanned++) {
            day = day.plusDays(1);
            if (calendar.isBusinessDay(day) && calendar.absenceOn(day).isEmpty()) {
                days.add(day);
            }
        }
        return days;
    }

    /** Every grid slot of the day inside working hours and clear of busy time, earliest first. */
    private List<Slot> freeSlots(LocalDate day, List<Busy> busy) {
        ZoneId zone = calendar.zone();
        Instant dayEnds = ZonedDateTime.of(day, calendar.dayEnds(), zone).toInstant();
        List<Slot> slots = new ArrayList<>();
        for (LocalTime time = firstGridTime(calendar.dayStarts()); time != null; time = nextGridTime(time)) {
            ZonedDateTime start = ZonedDateTime.of(day, time, zone);
            if (!start.toLocalTime().equals(time)) {
                continue; // in a daylight-saving gap: that local time does not exist today
            }
            Instant end = start.toInstant().plus(length);
            if (end.isAfter(dayEnds)) {
                break;
            }
            Slot slot = new Slot(start.toInstant(), end);
            if (busy.stream().noneMatch(b -> slot.overlaps(b.from(), b.to()))) {
                slots.add(slot);
            }
        }
        return slots;
    }

    private static LocalTime firstGridTime(LocalTime dayStarts) {
        int minute = dayStarts.toSecondOfDay() / 60 + (dayStarts.toSecondOfDay() % 60 == 0 ? 0 : 1);
        int aligned = (minute + GRID_MINUTES - 1) / GRID_MINUTES * GRID_MINUTES;
        return aligned >= 24 * 60 ? null : LocalTime.ofSecondOfDay(aligned * 60L);
    }

    private static LocalTime nextGridTime(LocalTime time) {
        LocalTime next = time.plusMinutes(GRID_MINUTES);
        return next.isAfter(time) ? next : null;
    }

    /**
     * Adds at most one acceptable slot for each day that has none yet, in day order, until there
     * are {@code count}: the part of the day opposite to the neighbouring choice when there is one.
     */
    private void choose(Map<LocalDate, List<Slot>> free, Predicate<Slot> acceptable, TreeMap<LocalDate, Slot> chosen) {
        for (Map.Entry<LocalDate, List<Slot>> day : free.entrySet()) {
            if (chosen.size() >= count) {
                return;
            }
            if (chosen.containsKey(day.getKey())) {
                continue;
            }
            List<Slot> options = day.getValue().stream().filter(acceptable).toList();
            if (!options.isEmpty()) {
                chosen.put(day.getKey(), pick(options, wantedPart(day.getKey(), chosen)));
            }
        }
    }

    private PartOfDay wantedPart(LocalDate day, TreeMap<LocalDate, Slot> chosen) {
        Map.Entry<LocalDate, Slot> neighbour = chosen.lowerEntry(day);
        if (neighbour == null) {
            neighbour = chosen.higherEntry(day);
        }
        return neighbour == null ? PartOfDay.MORNING : partOf(neighbour.getValue()).opposite();
    }

    /** The earliest option in the wanted part of the day, else in the other, else over lunch. */
    private Slot pick(List<Slot> options, PartOfDay wanted) {
        for (PartOfDay part : List.of(wanted, wanted.opposite(), PartOfDay.LUNCH)) {
            for (Slot option : options) {
                if (partOf(option) == part) {
                    return option;
                }
            }
        }
        throw new IllegalStateException("every slot is in some part of the day");
    }

    PartOfDay partOf(Slot slot) {
        LocalTime start = slot.start().atZone(calendar.zone()).toLocalTime();
        LocalTime end = slot.end().atZone(calendar.zone()).toLocalTime();
        if (!end.isAfter(NOON) && !end.isBefore(start)) {
            return PartOfDay.MORNING;
        }
        return start.isBefore(AFTER_LUNCH) ? PartOfDay.LUNCH : PartOfDay.AFTERNOON;
    }

    /** Inside 09:00–17:00 of a weekday in the prospect's zone, start to end. */
    static boolean suitsProspect(Slot slot, ZoneId prospectZone) {
        ZonedDateTime start = slot.start().atZone(prospectZone);
        ZonedDateTime end = slot.end().atZone(prospectZone);
        DayOfWeek weekday = start.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY
                && start.toLocalDate().equals(end.toLocalDate())
                && !start.toLocalTime().isBefore(PROSPECT_DAY_STARTS) && !end.toLocalTime().isAfter(PROSPECT_DAY_ENDS);
    }
}
