package dev.tickler.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One iTIP message (RFC 5546) found in mail: a {@code text/calendar} part's METHOD and the
 * occurrences it speaks of. A REQUEST creates or updates meetings, a CANCEL cancels them, a REPLY
 * carries one attendee's answer (the attendee list of its meetings holds just that attendee).
 *
 * @param method   the METHOD property (REQUEST when absent: a bare .ics sent as an invitation)
 * @param sequence the SEQUENCE of the event (0 when absent): a later revision wins
 * @param stamp    DTSTAMP, or the message's date when absent
 * @param meetings the occurrences: one for a single event, one per occurrence in the window read
 *                 for a series; a REPLY or CANCEL without RECURRENCE-ID speaks for the whole
 *                 series and then carries one meeting with a null recurrence id
 */
public record Invitation(Method method, long sequence, Instant stamp, List<Meeting> meetings) {

    public enum Method { REQUEST, REPLY, CANCEL, PUBLISH, COUNTER, OTHER;

        public static Method of(String value) {
            if (value == null || value.isBlank()) {
                return REQUEST;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return OTHER;
            }
        }
    }

    public Invitation {
        meetings = List.copyOf(meetings);
        method = method == null ? Method.REQUEST : method;
    }
}
