package dev.tickler.runtime;

import dev.tickler.calendar.CalendarException;
import dev.tickler.calendar.CalendarSource;
import dev.tickler.calendar.Invitation;
import dev.tickler.calendar.Invitations;
import dev.tickler.calendar.Meeting;
import dev.tickler.ics.IcsException;
import dev.tickler.ics.IcsReader;
import dev.tickler.mail.FolderBatch;
import dev.tickler.mail.MailMessage;
import dev.tickler.store.MeetingRepository;
import dev.tickler.store.MeetingRepository.StoredInvitation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rep's calendar for one mailbox: invitations read from mail as it is synced, a calendar server
 * (CalDAV) read once per pass, and the meetings both add up to. A calendar that can't be read never
 * stops the mail pass: its last good read stays in use and the problem is logged and shown by status.
 */
final class CalendarSync {

    /** The source name CalDAV meetings are stored under. */
    static final String CALDAV = "caldav";
    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);
    private static final IcsReader ICS = new IcsReader();
    /** A mailed invitation is read this far ahead at least: reading it costs no server round trip. */
    private static final Duration INVITATIONS_AHEAD = Duration.ofDays(400);
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[^\\s/@:]+(@|%40)[^\\s/:]+");

    private final String mailboxId;
    private final ZoneId zone;
    private final boolean invitations;
    private final Duration lookBack;
    private final Duration lookAhead;
    private final Supplier<Optional<CalendarSource>> server;

    CalendarSync(String mailboxId, ZoneId zone, boolean invitations, Duration lookBack, Duration lookAhead,
                 Supplier<Optional<CalendarSource>> server) {
        this.mailboxId = mailboxId;
        this.zone = zone;
        this.invitations = invitations;
        this.lookBack = lookBack;
        this.lookAhead = lookAhead;
        this.server = server;
    }

    /**
     * The invitations in one batch, as stored: their text without what people wrote in it. One that
     * can't be read is logged (never its content) and left out.
     */
    List<StoredInvitation> invitationsIn(FolderBatch batch, Clock clock) {
        List<StoredInvitation> out = new ArrayList<>();
        if (!invitations) {
            return out;
        }
        Instant now = clock.instant();
        for (MailMessage m : batch.messages()) {
            if (m.calendarText() == null) {
                continue;
            }
            StoredInvitation stored = new StoredInvitation(m.folder(), m.uid(), m.sentAt(), Instant.MAX,
                    IcsReader.withoutText(m.calendarText()));
            Optional<Invitation> read = read(stored, now);
            if (read.isPresent()) {
                out.add(new StoredInvitation(stored.folder(), stored.uid(), stored.sentAt(), relevantUntil(read.get(), now),
                        stored.ics()));
            }
        }
        return out;
    }

    /**
     * When the last occurrence an invitation speaks of ends: {@link Instant#MAX} when it may go on past
     * the window read (an open series), or when it answers or cancels (it matters as long as its meeting).
     */
    private Instant relevantUntil(Invitation invitation, Instant now) {
        if (invitation.method() != Invitation.Method.REQUEST && invitation.method() != Invitation.Method.PUBLISH) {
            return Instant.MAX;
        }
        Instant windowEnd = now.plus(lookAhead.compareTo(INVITATIONS_AHEAD) > 0 ? lookAhead : INVITATIONS_AHEAD);
        Instant last = invitation.meetings().stream().map(Meeting::end).max(Instant::compareTo).orElse(Instant.MAX);
        boolean open = invitation.meetings().stream().anyMatch(m -> m.recurrenceId() != null)
                && !last.isBefore(windowEnd.minus(Duration.ofDays(366)));
        return open ? Instant.MAX : last;
    }

    /** The meetings an invitation speaks of in the window around {@code now}; empty (and logged) when unreadable. */
    private Optional<Invitation> read(StoredInvitation stored, Instant now) {
        try {
            return Optional.of(ICS.invitation(stored.ics(), stored.sentAt(), "invitation in " + stored.logId(),
                    now.minus(lookBack), now.plus(lookAhead.compareTo(INVITATIONS_AHEAD) > 0 ? lookAhead : INVITATIONS_AHEAD), zone));
        } catch (IcsException e) {
            log.warn("Mailbox {} message {}: invitation not read: {}", mailboxId, stored.logId(), e.getMessage());
        } catch (RuntimeException e) { // a library bug on odd input must not stop the pass
            log.warn("Mailbox {} message {}: invitation not read ({})", mailboxId, stored.logId(), e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    /**
     * Reads the calendar server, if one is configured, and stores what it said; on failure keeps the
     * last good read and records the problem.
     *
     * @return the meetings read, or empty when there is no server or it could not be read
     */
    Optional<List<Meeting>> readServer(MeetingRepository repository, boolean dryRun, Clock clock) {
        Optional<CalendarSource> source = server.get();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try {
            List<Meeting> meetings = source.get().meetings(now.minus(lookBack), now.plus(lookAhead));
            if (!dryRun) {
                repository.replaceMeetings(mailboxId, CALDAV, meetings, now);
            }
            log.info("Mailbox {}: calendar read, {} meeting(s) in the window", mailboxId, meetings.size());
            return Optional.of(meetings);
        } catch (CalendarException e) {
            // A CalDAV path often holds the user's address (Fastmail, iCloud): addresses only at DEBUG.
            log.warn("Mailbox {}: calendar not read ({}): {}; using the last good read", mailboxId,
                    e.permanent() ? "check its settings" : "will retry next pass", ADDRESS.matcher(e.getMessage()).replaceAll("<address>"));
            log.debug("Mailbox {}: calendar failure detail: {}", mailboxId, e.getMessage(), e);
            if (!dryRun) {
                repository.recordProblem(mailboxId, CALDAV, e.getMessage(), now);
            }
            return Optional.empty();
        } catch (RuntimeException e) { // odd server data or a store failure: the mail pass goes on
            log.warn("Mailbox {}: calendar not read ({}); using the last good read", mailboxId, e.getClass().getSimpleName());
            log.debug("Mailbox {}: calendar failure detail", mailboxId, e);
            if (!dryRun) {
                repository.recordProblem(mailboxId, CALDAV, "unexpected " + e.getClass().getSimpleName(), now);
            }
            return Optional.empty();
        }
    }

    /**
     * Every meeting known as of {@code clock}: the mailed invitations read over the window of this
     * moment and merged, and the server's meetings; the server's copy of an occurrence wins.
     *
     * @param unsavedInvitations invitations read in a dry run (not stored)
     * @param freshServer        what the server said in this (dry) run, instead of the stored read
     */
    List<Meeting> meetings(MeetingRepository repository, List<StoredInvitation> unsavedInvitations,
                           Optional<List<Meeting>> freshServer, Clock clock) {
        Instant now = clock.instant();
        List<StoredInvitation> stored = new ArrayList<>(invitations ? repository.invitations(mailboxId, now.minus(lookBack)) : List.of());
        stored.addAll(unsavedInvitations);
        List<Invitation> all = new ArrayList<>();
        for (StoredInvitation i : stored) {
            read(i, now).ifPresent(all::add);
        }
        // The same occurrence from mail and from the server: the server's copy is the calendar as it is now
        // (a decline or a move made in the calendar app sends no mail to the rep's own Sent).
        Map<String, Meeting> byOccurrence = new LinkedHashMap<>();
        Invitations.merge(all).forEach(m -> byOccurrence.put(m.occurrenceKey(), m));
        freshServer.orElseGet(() -> repository.meetings(mailboxId)).forEach(m -> byOccurrence.put(m.occurrenceKey(), m));
        List<Meeting> meetings = new ArrayList<>(byOccurrence.values());
        meetings.sort(java.util.Comparator.comparing(Meeting::start));
        return meetings;
    }
}
