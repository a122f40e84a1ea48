package dev.tickler.ics;

import dev.tickler.calendar.Meeting;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;

/**
 * The occurrences of one UID that overlap a window: the master's RRULE and RDATE dates less its
 * EXDATEs, each replaced by the overriding VEVENT with the same RECURRENCE-ID where there is one.
 * ical4j computes the rule's dates; which of them count, and what they become, is decided here.
 */
final class SeriesExpander {

    /** At most this many occurrences of one event are read: a FREQ=MINUTELY rule must not flood the core. */
    static final int MAX_OCCURRENCES = 1000;

    private final IcsTimes times;
    private final Instant from;
    private final Instant to;
    private final String source;

    SeriesExpander(IcsTimes times, Instant from, Instant to, String source) {
        this.times = times;
        this.from = from;
        this.to = to;
        this.source = source;
    }

    /**
     * @param master    the event without RECURRENCE-ID, or null when only overridden instances were sent
     * @param overrides the events with a RECURRENCE-ID, keyed by it
     */
    List<Meeting> expand(String uid, EventView master, Map<Instant, EventView> overrides)
            throws IcsException {
        List<Meeting> meetings = new ArrayList<>();
        if (master != null && master.start() == null) {
            throw new IcsException("VEVENT without DTSTART");
        }
        if (master != null && !master.recurring()) {
            ZonedDateTime start = times.zoned(master.start());
            add(meetings, master.meeting(uid, null, start.toInstant(), master.end(start), source));
        } else if (master != null) {
            for (ZonedDateTime start : occurrences(master)) {
                if (!overrides.containsKey(start.toInstant()) && meetings.size() < MAX_OCCURRENCES) {
                    add(meetings, master.meeting(uid, start.toInstant(), start.toInstant(), master.end(start), source));
                }
            }
        }
        for (Map.Entry<Instant, EventView> override : overrides.entrySet()) {
            EventView instance = override.getValue();
            // An overridden instance may omit DTSTART: it then starts at its RECURRENCE-ID.
            ZonedDateTime start = instance.start() != null ? times.zoned(instance.start())
                    : override.getKey().atZone(ZoneOffset.UTC);
            add(meetings, instance.meeting(uid, override.getKey(), start.toInstant(), instance.end(start), source));
        }
        meetings.sort(Comparator.comparing(Meeting::start));
        return meetings;
    }

    private void add(List<Meeting> meetings, Meeting meeting) {
        if (overlaps(meeting.start(), meeting.end())) {
            meetings.add(meeting);
        }
    }

    /** [start, end) overlaps [from, to); a zero-length meeting counts when it starts inside. */
    boolean overlaps(Instant start, Instant end) {
        if (!start.isBefore(to)) {
            return false;
        }
        return end.equals(start) ? !start.isBefore(from) : end.isAfter(from);
    }

    /** Every start of the series that can overlap the window, DTSTART included, EXDATEs removed. */
    private List<ZonedDateTime> occurrences(EventView master) throws IcsException {
        VEvent event = master.event();
        Temporal seed = master.start();
        ZonedDateTime seedZoned = times.zoned(seed);
        // An occurrence that starts before the window can still overlap it: look back by its length.
        Duration length = Duration.between(seedZoned.toInstant(), master.end(seedZoned));
        Temporal periodStart = times.sameShape(seed, from.minus(length).minus(Duration.ofDays(1)));
        Temporal periodEnd = times.sameShape(seed, to.plus(Duration.ofDays(1)));

        TreeMap<Instant, ZonedDateTime> starts = new TreeMap<>();
        starts.put(seedZoned.toInstant(), seedZoned);
        for (RRule<Temporal> rule : event.<RRule<Temporal>>getProperties(Property.RRULE)) {
            for (Temporal date : ruleDates(rule, seed, periodStart, periodEnd)) {
                ZonedDateTime zoned = times.zoned(date);
                starts.put(zoned.toInstant(), zoned);
            }
        }
        for (RDate<Temporal> rdate : event.<RDate<Temporal>>getProperties(Property.RDATE)) {
            for (Temporal date : rdates(rdate)) {
                ZonedDateTime zoned = times.zoned(date);
                starts.put(zoned.toInstant(), zoned);
            }
        }
        removeExceptions(event, starts);
        return new ArrayList<>(starts.values());
    }

    private static List<Temporal> ruleDates(RRule<Temporal> rule, Temporal seed, Temporal periodStart, Temporal periodEnd)
            throws IcsException {
        try {
            Recur<Temporal> recur = rule.getRecur();
            return recur.getDates(seed, periodStart, periodEnd, MAX_OCCURRENCES);
        } catch (RuntimeException e) {
            throw new IcsException("VEVENT has an unreadable RRULE");
        }
    }

    private static List<Temporal> rdates(RDate<Temporal> rdate) throws IcsException {
        try {
            var periods = rdate.getPeriods();
            if (periods.isPresent() && !periods.get().isEmpty()) {
                return periods.get().stream().map(Period::getStart).map(Temporal.class::cast).toList();
            }
            return rdate.getDates();
        } catch (RuntimeException e) {
            throw new IcsException("VEVENT has an unreadable RDATE");
        }
    }

    /** EXDATE removes the occurrence starting at that instant; a DATE-only EXDATE removes that whole day. */
    private void removeExceptions(VEvent event, TreeMap<Instant, ZonedDateTime> starts) throws IcsException {
        Set<Instant> instants = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        for (DateListProperty<Temporal> exdate : event.<DateListProperty<Temporal>>getProperties(Property.EXDATE)) {
            List<Temporal> dates;
            try {
                dates = exdate.getDates();
            } catch (RuntimeException e) {
                throw new IcsException("VEVENT has an unreadable EXDATE");
            }
            for (Temporal date : dates) {
                if (date instanceof LocalDate day) {
                    days.add(day);
                }
                instants.add(times.instant(date));
            }
        }
        starts.values().removeIf(start -> instants.contains(start.toInstant()) || days.contains(start.toLocalDate()));
    }
}
