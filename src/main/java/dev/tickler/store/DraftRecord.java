package dev.tickler.store;

import java.time.Instant;

/**
 * A draft Tickler decided to write, and what became of it.
 *
 * @param status      {@link #INTENDED} before the outbox call, {@link #PLACED} once in Drafts, then
 *                    {@link #SENT}, {@link #RETRACTED}, {@link #DISMISSED} or {@link #EDITED}
 * @param contentHash the text as placed, to notice the rep's edits
 * @param resolvedAt  when it was sent, retracted or dismissed
 * @param note        what status shows about it ("edited by you, left in Drafts")
 */
public record DraftRecord(String messageId, String pursuitId, String mailboxId, int step, String action, String status,
                          String folder, Instant intendedAt, Instant placedAt, String contentHash, Instant resolvedAt,
                          String note) {

    public static final String INTENDED = "INTENDED";
    public static final String PLACED = "PLACED";
    public static final String SENT = "SENT";
    public static final String RETRACTED = "RETRACTED";
    public static final String DISMISSED = "DISMISSED";
    public static final String EDITED = "EDITED";

    /** Placed by Tickler and, as far as it knows, still waiting in Drafts. */
    public boolean isOpen() {
        return PLACED.equals(status) || EDITED.equals(status);
    }

    /** Tickler's part is done: it is (or was) in Drafts. */
    public boolean isPlaced() {
        return !INTENDED.equals(status);
    }
}
