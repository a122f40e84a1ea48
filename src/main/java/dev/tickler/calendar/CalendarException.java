package dev.tickler.calendar;

/** A calendar could not be read. The message names the calendar and what went wrong, never a secret. */
public class CalendarException extends Exception {

    private final boolean permanent;

    public CalendarException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public CalendarException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    /** Retrying will not help until the configuration changes (401/403/404). */
    public boolean permanent() {
        return permanent;
    }
}
