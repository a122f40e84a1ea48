package dev.tickler.ics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

/**
 * The four shapes an iCalendar date comes back from ical4j in, resolved to the time line. ical4j
 * gives a TZID as a ZonedDateTime with a synthetic zone id (its rules are right, its name is not),
 * so only instants and the local date leave this package.
 */
final class IcsTimes {

    private final ZoneId floatingZone;

    IcsTimes(ZoneId floatingZone) {
        this.floatingZone = floatingZone;
    }

    /** A date on the time line: floating times and all-day dates are read in the floating zone. */
    ZonedDateTime zoned(Temporal value) {
        if (value instanceof ZonedDateTime z) {
            return z;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toZonedDateTime();
        }
        if (value instanceof Instant i) {
            return i.atZone(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime l) {
            return l.atZone(floatingZone);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(floatingZone);
        }
        throw new IllegalArgumentException("unsupported date type " + value.getClass().getSimpleName());
    }

    Instant instant(Temporal value) {
        return zoned(value).toInstant();
    }

    /** The instant {@code at} expressed in the same shape as {@code like}, for ical4j's recurrence bounds. */
    Temporal sameShape(Temporal like, Instant at) {
        if (like instanceof ZonedDateTime z) {
            return at.atZone(z.getZone());
        }
        if (like instanceof OffsetDateTime o) {
            return at.atOffset(o.getOffset());
        }
        if (like instanceof LocalDateTime) {
            return LocalDateTime.ofInstant(at, floatingZone);
        }
        if (like instanceof LocalDate) {
            return LocalDate.ofInstant(at, floatingZone);
        }
        return at;
    }

    static boolean allDay(Temporal value) {
        return value instanceof LocalDate;
    }
}
