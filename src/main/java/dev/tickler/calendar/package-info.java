/**
 * The rep's calendar as the core sees it: meetings from any source (invitations found in mail,
 * CalDAV, later Graph), the port the sources implement, and the pure rules on top of them —
 * merging mailed invitations, matching a meeting to a pursuit, and finding free slots.
 */
package dev.tickler.calendar;
