package dev.tickler.cadence;

/** What Tickler drafts next for a pursuit. */
public enum Action {
    NONE,
    /** A short follow-up asking for a day and a time (seeds 003, 004). */
    REMINDER,
    /** The "I'll assume you're not in a position to go ahead" message (seed 002). */
    REVIVAL,
    /** A short check-in every so often after an unanswered revival (seed 000: never dump the account). */
    NURTURE,
    /** After a meeting with the prospect with nothing since: "thanks for the time; what's the next step?" */
    AFTER_MEETING;

    /** For people: "reminder", "after-meeting". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
