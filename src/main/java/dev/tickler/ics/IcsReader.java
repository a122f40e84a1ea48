package dev.tickler.ics;

import dev.tickler.calendar.Invitation;
import dev.tickler.calendar.Invitation.Method;
import dev.tickler.calendar.Meeting;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Reads iCalendar text into meetings: an iTIP message from a mail's {@code text/calendar} part, or
 * one CalDAV calendar object. Times are resolved to instants (TZID by its VTIMEZONE or, for IANA and
 * Windows names, ical4j's bundled zones; floating times and all-day dates in the given zone), and
 * recurring series are expanded within a window. SUMMARY, DESCRIPTION and LOCATION are never read
 * into the result. Parsing is lenient as configured in {@code ical4j.properties} (relaxed unfolding
 * and parsing, Outlook compatibility), so real Outlook, Google and Exchange data reads.
 *
 * <p>Stateless and thread-safe. The first call takes about half a second (ical4j loads its zones).
 */
public final class IcsReader {

    private static final Pattern PROPERTY_NAME = Pattern.compile("([A-Za-z][A-Za-z0-9-]{0,40})[;:]");

    /**
     * One iTIP message (RFC 5546).
     *
     * <p>A REQUEST (or PUBLISH, COUNTER...) yields every occurrence that overlaps
     * {@code [windowFrom, windowTo)}. A REPLY or CANCEL is not expanded and not windowed: each VEVENT
     * yields one meeting — with a null recurrence id when it speaks for the whole series, or that
     * occurrence's RECURRENCE-ID — and a CANCEL's meetings are CANCELLED whatever their STATUS says.
     *
     * @param fallbackStamp the message's date, used when the event has no DTSTAMP
     * @param source        where the invitation was found, copied into every meeting
     * @param floatingZone  the zone for floating times and all-day dates (the rep's zone)
     * @throws IcsException when the text is not iCalendar, has no VEVENT or has unreadable dates
     */
    /** Properties that carry what people wrote (titles, notes, places, attachments), not when and with whom. */
    private static final java.util.Set<String> TEXT_PROPERTIES = java.util.Set.of("SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT",
            "ATTACH", "X-ALT-DESC", "CONFERENCE", "URL", "CONTACT", "RESOURCES", "CATEGORIES", "X-MICROSOFT-SKYPETEAMSMEETINGURL",
            "X-GOOGLE-CONFERENCE");

    /**
     * The iCalendar text without what people wrote in it: safe to store (like a message body, an
     * invitation's notes are never kept) and still everything {@link #invitation} reads. Folded lines
     * are unfolded first (RFC 5545 3.1).
     */
    public static String withoutText(String icsText) {
        String unfolded = icsText.replaceAll("\\r?\\n[ \\t]", "");
        StringBuilder out = new StringBuilder(unfolded.length());
        StringBuilder zone = null; // a VTIMEZONE being copied, dropped at its end when its TZID is well known
        boolean knownZone = false;
        for (String line : unfolded.split("\\r?\\n")) {
            java.util.regex.Matcher name = PROPERTY_NAME.matcher(line);
            String property = name.lookingAt() ? name.group(1).toUpperCase(java.util.Locale.ROOT) : "";
            if (TEXT_PROPERTIES.contains(property)) {
                continue;
            }
            if (line.equalsIgnoreCase("BEGIN:VTIMEZONE")) {
                zone = new StringBuilder();
                knownZone = false;
            }
            if (zone == null) {
                out.append(line).append("\r\n");
                continue;
            }
            zone.append(line).append("\r\n");
            if (property.equals("TZID") && zone.indexOf("BEGIN:STANDARD") < 0 && zone.indexOf("BEGIN:DAYLIGHT") < 0) {
                knownZone = isWellKnownZone(line.substring(line.indexOf(':') + 1).trim());
            }
            if (line.equalsIgnoreCase("END:VTIMEZONE")) {
                if (!knownZone) {
                    out.append(zone);
                }
                zone = null;
            }
        }
        return out.toString();
    }

    private static final java.util.Map<String, Boolean> WELL_KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether ical4j knows a zone by this TZID without its VTIMEZONE (IANA ids and Outlook's Windows
     * names): then the VTIMEZONE is left out of what is stored, which makes reading it again about 20
     * times cheaper (ical4j builds rules from every VTIMEZONE it parses). Custom zones keep theirs.
     */
    static boolean isWellKnownZone(String tzid) {
        return WELL_KNOWN.computeIfAbsent(tzid, id -> {
            try {
                return net.fortuna.ical4j.model.TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(id) != null;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    public Invitation invitation(String icsText, Instant fallbackStamp, String source, Instant windowFrom, Instant windowTo,
            ZoneId floatingZone) throws IcsException {
        Calendar calendar = parse(icsText);
        Method method = Method.of(calendar.<Property>getProperty(Property.METHOD).map(Property::getValue).orElse(null));
        IcsTimes times = new IcsTimes(floatingZone);
        List<VEvent> events = events(calendar);
        long sequence = 0;
        Instant stamp = null;
        for (VEvent event : events) {
            EventView view = EventView.of(event, times);
            sequence = Math.max(sequence, view.sequence());
            stamp = stamp == null ? view.stamp() : stamp;
        }
        stamp = stamp == null ? fallbackStamp : stamp;
        List<Meeting> meetings = method == Method.REPLY || method == Method.CANCEL
                ? whole(events, times, stamp, source, method == Method.CANCEL)
                : expanded(events, times, source, windowFrom, windowTo);
        return new Invitation(method, sequence, stamp, meetings);
    }

    /**
     * The occurrences in one calendar object (a CalDAV resource: a master VEVENT and its overridden
     * instances) that overlap {@code [windowFrom, windowTo)}, series expanded here because servers
     * return whole series.
     *
     * @throws IcsException when the text is not iCalendar, has no VEVENT or has unreadable dates
     */
    public List<Meeting> meetings(String icsText, String source, Instant windowFrom, Instant windowTo, ZoneId floatingZone)
            throws IcsException {
        Calendar calendar = parse(icsText);
        return expanded(events(calendar), new IcsTimes(floatingZone), source, windowFrom, windowTo);
    }

    private static Calendar parse(String icsText) throws IcsException {
        if (icsText == null || icsText.isBlank()) {
            throw new IcsException("no calendar data (empty text)");
        }
        try {
            return new CalendarBuilder().build(new StringReader(icsText));
        } catch (ParserException e) {
            // ParserException's message quotes the offending line: report its number and property name only.
            throw new IcsException("not iCalendar data (parse error at line " + e.getLineNo() + propertyAt(icsText, e.getLineNo())
                    + ")");
        } catch (IOException | RuntimeException e) {
            throw new IcsException("not iCalendar data (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** ", DTSTART" when line {@code lineNo} (1-based) starts with a property name; "" otherwise. */
    private static String propertyAt(String icsText, int lineNo) {
        String[] lines = icsText.split("\\r?\\n", -1);
        if (lineNo < 1 || lineNo > lines.length) {
            return "";
        }
        Matcher name = PROPERTY_NAME.matcher(lines[lineNo - 1]);
        return name.lookingAt() ? ", " + name.group(1).toUpperCase(java.util.Locale.ROOT) : "";
    }

    private static List<VEvent> events(Calendar calendar) throws IcsException {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        if (events.isEmpty()) {
            throw new IcsException("no VEVENT in the calendar data");
        }
        return events;
    }

    /** REPLY and CANCEL: one meeting per VEVENT, as sent. */
    private static List<Meeting> whole(List<VEvent> events, IcsTimes times, Instant stamp, String source, boolean cancel)
            throws IcsException {
        List<Meeting> meetings = new ArrayList<>();
        for (VEvent event : events) {
            EventView view = EventView.of(event, times);
            Instant recurrenceId = view.recurrenceId();
            // RFC 5546 lets a REPLY or CANCEL omit DTSTART; the UID and answer are what count then.
            ZonedDateTime start = view.start() != null ? times.zoned(view.start())
                    : Objects.requireNonNullElse(recurrenceId, stamp).atZone(java.time.ZoneOffset.UTC);
            Meeting meeting = view.meeting(view.uid(), recurrenceId, start.toInstant(), view.end(start), source);
            meetings.add(cancel ? meeting.withStatus(Meeting.Status.CANCELLED) : meeting);
        }
        return meetings;
    }

    /** Groups the VEVENTs by UID (a master and its overridden instances) and expands each group. */
    private static List<Meeting> expanded(List<VEvent> events, IcsTimes times, String source, Instant from, Instant to)
            throws IcsException {
        List<Series> all = new ArrayList<>();
        Map<String, Series> byUid = new LinkedHashMap<>();
        for (VEvent event : events) {
            EventView view = EventView.of(event, times);
            Instant recurrenceId = view.recurrenceId();
            Series series = byUid.computeIfAbsent(view.uid(), uid -> add(all, new Series(uid)));
            if (recurrenceId != null) {
                series.overrides.put(recurrenceId, view);
            } else if (series.master == null) {
                series.master = view;
            } else {
                // A second master with the same UID is broken data; read it as an event of its own.
                add(all, new Series(view.uid())).master = view;
            }
        }
        SeriesExpander expander = new SeriesExpander(times, from, to, source);
        List<Meeting> meetings = new ArrayList<>();
        for (Series series : all) {
            meetings.addAll(expander.expand(series.uid, series.master, series.overrides));
        }
        return meetings;
    }

    private static Series add(List<Series> all, Series series) {
        all.add(series);
        return series;
    }

    private static final class Series {
        final String uid;
        EventView master;
        final Map<Instant, EventView> overrides = new LinkedHashMap<>();

        Series(String uid) {
            this.uid = uid;
        }
    }
}
