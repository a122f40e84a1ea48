package dev.tickler.pursuit;

/** Where a pursuit stands. The full lifecycle (touched, paused, nurture, closed) grows from here. */
public enum PursuitState {
    /** Waiting out the grace period or the interval before the next touch. */
    WAITING,
    /** The prospect is away (their auto-reply says until when, or 7 days): the next touch waits. */
    PAUSED,
    /** A touch is due and Tickler will draft it. */
    DUE,
    /** Tickler's draft for the next touch sits in Drafts, not yet sent. */
    DRAFTED,
    /** The prospect side answered: a defined next step is the rep's to take. */
    ANSWERED,
    /** Every prospect address bounced: the contact may have left. */
    BOUNCED,
    /** The revival went out unanswered; nothing more is drafted. */
    DORMANT
}
