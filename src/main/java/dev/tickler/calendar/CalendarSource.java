package dev.tickler.calendar;

import java.time.Instant;
import java.util.List;

/**
 * Where the rep's meetings come from: CalDAV, and later Microsoft Graph. (Invitations found in
 * mail reach the core as {@link Invitation}s on the mail side instead.)
 */
public interface CalendarSource extends AutoCloseable {

    /**
     * Every occurrence that overlaps {@code [from, to)}, recurring series expanded, cancelled ones
     * included (with status CANCELLED) so that a cancellation is seen.
     *
     * @throws CalendarException when the calendar cannot be read; {@link CalendarException#permanent()}
     *                           when retrying will not help (bad credentials, no such calendar)
     */
    List<Meeting> meetings(Instant from, Instant to) throws CalendarException;

    @Override
    default void close() {
    }
}
