package dev.tickler.cadence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the prospect's UTC offset from the Date headers of their messages (RFC 5322 §3.3, with
 * the obsolete forms of §4.3 that real mail still carries). A guess: it says where their mail
 * client was when they last wrote, which is where they most likely are.
 */
public final class ProspectZone {

    /** One Date header: its moment, and the sender's offset or null when the header does not tell. */
    record Stamp(Instant instant, ZoneOffset offset) {
    }

    private static final Pattern DATE_TIME = Pattern.compile(
            "(?:[a-z]+\\s*,?\\s*)?(\\d{1,2})\\s*([a-z]+)\\s*(\\d{2,4})\\s+(\\d{1,2})\\s*:\\s*(\\d{1,2})(?:\\s*:\\s*(\\d{1,2}))?"
                    + "\\s*([+-]\\d{4}|[a-z]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_ZONE = Pattern.compile("([+-])(\\d{2})(\\d{2})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    /** The only obsolete zone names RFC 5322 §4.3 defines; every other name means "unknown". */
    private static final Map<String, ZoneOffset> OBSOLETE_ZONES = Map.of(
            "UT", ZoneOffset.UTC, "GMT", ZoneOffset.UTC,
            "EST", ZoneOffset.ofHours(-5), "EDT", ZoneOffset.ofHours(-4),
            "CST", ZoneOffset.ofHours(-6), "CDT", ZoneOffset.ofHours(-5),
            "MST", ZoneOffset.ofHours(-7), "MDT", ZoneOffset.ofHours(-6),
            "PST", ZoneOffset.ofHours(-8), "PDT", ZoneOffset.ofHours(-7));

    private ProspectZone() {
    }

    /**
     * The offset of the most recent message (by its own date) whose Date header names one. Headers
     * that do not parse are ignored; so are those with {@code -0000} or an unknown zone name, which
     * say the sender's zone is unknown, not that it changed.
     */
    public static Optional<ZoneOffset> fromDateHeaders(Collection<String> dateHeaders) {
        Stamp latest = null;
        for (String header : dateHeaders) {
            Optional<Stamp> stamp = parse(header);
            if (stamp.isPresent() && stamp.get().offset() != null
                    && (latest == null || !stamp.get().instant().isBefore(latest.instant()))) {
                latest = stamp.get();
            }
        }
        return Optional.ofNullable(latest).map(Stamp::offset);
    }

    /** One header value, or empty when it is not a date. */
    static Optional<Stamp> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = DATE_TIME.matcher(withoutComments(header).trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (month == null) {
            return Optional.empty();
        }
        try {
            int second = m.group(6) == null ? 0 : Math.min(Integer.parseInt(m.group(6)), 59); // 60: a leap second
            LocalDateTime local = LocalDateTime.of(year(m.group(3)), month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second);
            ZoneOffset offset = zone(m.group(7));
            // Without a known zone the time is UTC (RFC 5322 §3.3 on -0000).
            return Optional.of(new Stamp(local.toInstant(offset == null ? ZoneOffset.UTC : offset), offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Two digits: 00–49 are 20xx, 50–99 19xx; three digits add 1900 (RFC 5322 §4.3). */
    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        return switch (digits.length()) {
            case 2 -> year < 50 ? 2000 + year : 1900 + year;
            case 3 -> 1900 + year;
            default -> year;
        };
    }

    /** The offset, or null when the header says the zone is unknown; throws when malformed. */
    private static ZoneOffset zone(String zone) {
        Matcher numeric = NUMERIC_ZONE.matcher(zone);
        if (!numeric.matches()) {
            // Military letters were defined with the wrong sign in RFC 822; like any other name they mean "unknown".
            return OBSOLETE_ZONES.get(zone.toUpperCase(Locale.ROOT));
        }
        int hours = Integer.parseInt(numeric.group(2));
        int minutes = Integer.parseInt(numeric.group(3));
        if (minutes > 59) {
            throw new DateTimeException("zone minutes " + minutes);
        }
        boolean negative = numeric.group(1).equals("-");
        if (negative && hours == 0 && minutes == 0) {
            return null; // -0000: "no information about the local time zone" (RFC 5322 §3.3)
        }
        return negative ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }

    /** The header with its comments, "(EST)", replaced by a space; nested and escaped parentheses allowed. */
    static String withoutComments(String header) {
        StringBuilder out = new StringBuilder(header.length());
        int depth = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (depth > 0 && c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
                if (depth == 0) {
                    out.append(' ');
                }
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
