package dev.tickler.detect;

/** What a single message is, judged on its own (answers are judged per pursuit). */
public enum MessageKind {
    /** The rep sent an offer to someone outside the company. */
    PROPOSAL,
    /** Anything else the rep sent. */
    OUTBOUND,
    /** An out-of-office or other automatic reply: never an answer. */
    AUTO_REPLY,
    /** A delivery failure report: never an answer. */
    BOUNCE,
    /** Mailing-list and bulk mail (List-Id, Precedence: bulk): never an answer. */
    BULK,
    /**
     * An answer to a meeting invitation (iTIP METHOD:REPLY: accepted, declined, tentative): read as a
     * fact about the meeting, never as an answer to the proposal.
     */
    CALENDAR_REPLY,
    /** The rep marked it with {@code $TicklerIgnore}: Tickler leaves it out entirely. */
    IGNORED,
    /** Mail from someone else that may be an answer. */
    INBOUND
}
