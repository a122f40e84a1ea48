/**
 * Reads iCalendar (RFC 5545) data — invitations found in mail and CalDAV calendar objects — into
 * the core's {@link dev.tickler.calendar.Meeting}s. The only package that may use ical4j; its types
 * never leave it. Pure parsing: no I/O, no clock.
 */
package dev.tickler.ics;
