package dev.tickler.pursuit;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a pursuit stands, and where it may go next. Same facts and same time always give the same
 * state (it is derived, not stored), so a transition the table does not allow means a bug in the
 * derivation: {@link #checkTransitionTo} throws, and the runtime logs it and keeps the old state.
 */
public enum PursuitState {
    /** Waiting out the grace period or the interval before the next touch. */
    WAITING,
    /** The prospect is away (their auto-reply), or the rep is: the next touch waits. */
    PAUSED,
    /** A touch is due and Tickler will draft it. */
    DUE,
    /** Tickler's draft for the next touch sits in Drafts, not yet sent. */
    DRAFTED,
    /** The revival went unanswered; a check-in every few weeks keeps the door open (seed 000). */
    NURTURE,
    /** The prospect side answered: the conversation is the rep's. */
    ANSWERED,
    /** A meeting with the prospect is on the calendar: a defined next step. */
    SCHEDULED,
    /** Every prospect address bounced: the contact may have left. */
    BOUNCED,
    /** The revival and every check-in went unanswered; nothing more is drafted. */
    DORMANT,
    /** The rep closed it (won, lost or dismissed) with a keyword. */
    CLOSED;

    private static final Map<PursuitState, Set<PursuitState>> NEXT = Map.of(
            WAITING, EnumSet.of(PAUSED, DUE, NURTURE, ANSWERED, SCHEDULED, BOUNCED, DORMANT, CLOSED),
            PAUSED, EnumSet.of(WAITING, DUE, NURTURE, ANSWERED, SCHEDULED, BOUNCED, DORMANT, CLOSED),
            DUE, EnumSet.of(DRAFTED, WAITING, PAUSED, NURTURE, ANSWERED, SCHEDULED, BOUNCED, DORMANT, CLOSED),
            DRAFTED, EnumSet.of(WAITING, PAUSED, DUE, NURTURE, ANSWERED, SCHEDULED, BOUNCED, DORMANT, CLOSED),
            NURTURE, EnumSet.of(PAUSED, DUE, ANSWERED, SCHEDULED, BOUNCED, DORMANT, CLOSED),
            // The rep's $TicklerIgnore on the answer, or a meeting that passed with nothing since, reopens it.
            ANSWERED, EnumSet.of(WAITING, PAUSED, DUE, NURTURE, DORMANT, SCHEDULED, BOUNCED, CLOSED),
            // The meeting passed (the cadence resumes) or was cancelled (back to where it stood).
            SCHEDULED, EnumSet.of(WAITING, PAUSED, DUE, NURTURE, ANSWERED, BOUNCED, DORMANT, CLOSED),
            BOUNCED, EnumSet.of(ANSWERED, SCHEDULED, CLOSED),
            DORMANT, EnumSet.of(ANSWERED, SCHEDULED, CLOSED),
            CLOSED, EnumSet.noneOf(PursuitState.class));

    /** States a pursuit may be in when first seen (a first sync of an old mailbox meets them all but DRAFTED). */
    public static final Set<PursuitState> INITIAL = EnumSet.complementOf(EnumSet.of(DRAFTED));

    public boolean canMoveTo(PursuitState next) {
        return next == this || NEXT.get(this).contains(next);
    }

    /** @throws IllegalStateException when the table does not allow {@code this → next} */
    public PursuitState checkTransitionTo(PursuitState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("illegal pursuit transition " + this + " -> " + next);
        }
        return next;
    }

    /** Whether Tickler may still write drafts for it. */
    public boolean isActive() {
        return this == WAITING || this == PAUSED || this == DUE || this == DRAFTED || this == NURTURE;
    }
}
