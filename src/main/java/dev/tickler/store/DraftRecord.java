package dev.tickler.store;

import java.time.Instant;

/**
 * A draft Tickler decided to write.
 *
 * @param status {@code INTENDED} before the outbox call, {@code PLACED} once it is in Drafts
 */
public record DraftRecord(String messageId, String pursuitId, String mailboxId, int step, String action, String status,
                          String folder, Instant intendedAt, Instant placedAt) {

    public static final String INTENDED = "INTENDED";
    public static final String PLACED = "PLACED";

    public boolean isPlaced() {
        return PLACED.equals(status);
    }
}
