package dev.tickler.ics;

import dev.tickler.calendar.Meeting;
import dev.tickler.calendar.Meeting.Attendee;
import dev.tickler.calendar.Meeting.Participation;
import dev.tickler.calendar.Meeting.Status;
import dev.tickler.mail.Address;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/** One VEVENT's fields, read the lenient way real invitations need, mapped to the core's types. */
final class EventView {

    private final VEvent event;
    private final IcsTimes times;
    private final Temporal start;

    private EventView(VEvent event, IcsTimes times, Temporal start) {
        this.event = event;
        this.times = times;
        this.start = start;
    }

    /** @throws IcsException when DTSTART is present but not a date */
    static EventView of(VEvent event, IcsTimes times) throws IcsException {
        return new EventView(event, times, date(event, Property.DTSTART));
    }

    VEvent event() {
        return event;
    }

    /** DTSTART as ical4j read it (LocalDate, LocalDateTime, ZonedDateTime or an UTC instant), or null. */
    Temporal start() {
        return start;
    }

    boolean allDay() {
        return IcsTimes.allDay(start);
    }

    /** The UID, or a stable stand-in derived from DTSTART and SUMMARY when the event has none. */
    String uid() {
        Optional<String> uid = text(Property.UID);
        if (uid.isPresent()) {
            return uid.get();
        }
        String seed = text(Property.DTSTART).orElse("") + "\n" + text(Property.SUMMARY).orElse("");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "tickler-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The original start this VEVENT overrides (RECURRENCE-ID), or null for a master or single event. */
    Instant recurrenceId() throws IcsException {
        Temporal id = date(event, Property.RECURRENCE_ID);
        return id == null ? null : times.instant(id);
    }

    boolean recurring() {
        return !event.getProperties(Property.RRULE).isEmpty() || !event.getProperties(Property.RDATE).isEmpty();
    }

    long sequence() {
        try {
            return text(Property.SEQUENCE).map(String::trim).map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    Instant stamp() throws IcsException {
        Temporal stamp = date(event, Property.DTSTAMP);
        return stamp == null ? null : times.instant(stamp);
    }

    /** When an occurrence starting at {@code occurrenceStart} ends: by DTEND, DURATION, or RFC 5545's defaults. */
    Instant end(ZonedDateTime occurrenceStart) throws IcsException {
        Temporal dtEnd = date(event, Property.DTEND);
        if (dtEnd != null && start != null) {
            if (start instanceof LocalDate from && dtEnd instanceof LocalDate to) {
                return occurrenceStart.plus(Period.between(from, to)).toInstant();
            }
            return occurrenceStart.toInstant().plus(Duration.between(times.instant(start), times.instant(dtEnd)));
        }
        Optional<net.fortuna.ical4j.model.property.Duration> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            try {
                TemporalAmount amount = duration.get().getDuration();
                return occurrenceStart.plus(amount).toInstant();
            } catch (RuntimeException e) {
                throw new IcsException("VEVENT has an unreadable DURATION");
            }
        }
        // RFC 5545 3.6.1: a DATE start without an end lasts one day, a DATE-TIME start no time at all.
        return allDay() ? occurrenceStart.plusDays(1).toInstant() : occurrenceStart.toInstant();
    }

    /** This event as a meeting for one occurrence. */
    Meeting meeting(String uid, Instant recurrenceId, Instant from, Instant to, String source) {
        return new Meeting(uid, recurrenceId, from, to, organizer(), attendees(), status(), busy(), source);
    }

    private Address organizer() {
        return event.<Property>getProperty(Property.ORGANIZER).map(EventView::address).orElse(null);
    }

    private List<Attendee> attendees() {
        List<Attendee> all = new ArrayList<>();
        for (Property p : event.<Property>getProperties(Property.ATTENDEE)) {
            Address address = address(p);
            if (address != null) {
                all.add(new Attendee(address, Participation.of(parameter(p, Parameter.PARTSTAT))));
            }
        }
        return all;
    }

    private Status status() {
        String status = text(Property.STATUS).orElse("").trim().toUpperCase(Locale.ROOT);
        return switch (status) {
            case "CANCELLED", "CANCELED" -> Status.CANCELLED;
            case "TENTATIVE" -> Status.TENTATIVE;
            default -> Status.CONFIRMED;
        };
    }

    private boolean busy() {
        return !"TRANSPARENT".equalsIgnoreCase(text(Property.TRANSP).orElse("").trim());
    }

    /** A calendar user address: mailto: in any case, or a bare address; other URIs (urn:uuid:) are no mailbox. */
    private static Address address(Property p) {
        String value = p.getValue() == null ? "" : p.getValue().trim();
        if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
            value = value.substring(7).trim();
        } else if (value.contains(":")) {
            return null;
        }
        if (value.indexOf('@') <= 0) {
            return null;
        }
        return new Address(parameter(p, Parameter.CN), value);
    }

    private static String parameter(Property p, String name) {
        return p.<Parameter>getParameter(name).map(Parameter::getValue).orElse(null);
    }

    private Optional<String> text(String name) {
        return event.<Property>getProperty(name).map(Property::getValue).filter(v -> !v.isBlank());
    }

    private static Temporal date(VEvent event, String name) throws IcsException {
        Optional<Property> property = event.getProperty(name);
        if (property.isEmpty()) {
            return null;
        }
        try {
            if (property.get() instanceof DateProperty<?> date) {
                Temporal value = date.getDate();
                if (value != null) {
                    return value;
                }
            }
        } catch (RuntimeException e) {
            // ical4j parses dates lazily and reports bad ones as DateTimeParseException & co.
        }
        throw new IcsException("VEVENT has an unreadable " + name);
    }
}
