/**
 * The rep's calendar over CalDAV (RFC 4791): discovery of the calendars under a URL and a
 * time-range query, on the JDK's HTTP client and DOM parser. Calendar data is read by
 * {@link dev.tickler.ics.IcsReader}; nothing here sees an event's content.
 */
package dev.tickler.caldav;
