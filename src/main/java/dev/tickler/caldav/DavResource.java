package dev.tickler.caldav;

import java.util.Set;

/**
 * One {@code <D:response>} of a multistatus: the properties Tickler asks for.
 *
 * @param components   the supported-calendar-component-set (VEVENT, VTODO...), or null when not reported
 * @param calendarData the calendar-data text, or null
 * @param principal    the current-user-principal href (RFC 5397), or null
 * @param calendarHome the calendar-home-set href (RFC 4791 6.2.1), or null
 */
record DavResource(String href, boolean calendar, Set<String> components, String etag, String calendarData, String principal,
                   String calendarHome) {

    /** A calendar that can hold events: servers that do not say what it holds are assumed to. */
    boolean eventCalendar() {
        return calendar && (components == null || components.contains("VEVENT"));
    }
}
