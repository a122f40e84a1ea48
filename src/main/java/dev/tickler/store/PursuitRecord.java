package dev.tickler.store;

import java.time.Instant;

/** A pursuit's latest decision as stored. */
public record PursuitRecord(String id, String mailboxId, String proposalMessageId, Instant proposalAt, String state,
                            String nextAction, int nextStep, Instant nextAt, String reason) {
}
