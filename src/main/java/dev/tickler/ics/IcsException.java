package dev.tickler.ics;

/**
 * Calendar data could not be read: not iCalendar, no VEVENT, or a value that is not a date. The
 * message says what was wrong and where (a property name, a line number), never the content: no
 * summaries, descriptions or addresses, since messages end up in logs.
 */
public class IcsException extends Exception {

    public IcsException(String message) {
        super(message);
    }
}
