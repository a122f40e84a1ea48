package dev.tickler.runtime;

import dev.tickler.pursuit.PursuitState;
import dev.tickler.store.PursuitRecord;
import dev.tickler.store.PursuitRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pass's decisions per pursuit, kept for operators ({@code status}) and for the next pass: each pursuit's move
 * from its last recorded state is checked against {@link PursuitState}'s table, then the new state is recorded with
 * the cadence policy it was derived under.
 */
final class PursuitLedger {

    private static final Logger log = LoggerFactory.getLogger(PursuitLedger.class);

    private final PursuitRepository pursuits;
    private final String mailboxId;

    PursuitLedger(PursuitRepository pursuits, String mailboxId) {
        this.pursuits = pursuits;
        this.mailboxId = mailboxId;
    }

    /**
     * Checks and records the pass's {@code views}, derived under {@code policy} ({@code CadencePolicy.describe()});
     * returns how many moved in a way the table forbids.
     */
    int record(List<PursuitView> views, String policy, Instant now) {
        Map<String, PursuitRepository.Recorded> previous = pursuits.states(mailboxId);
        int illegal = checkTransitions(views, policy, previous);
        pursuits.saveChanged(views.stream().map(v -> row(mailboxId, v)).toList(), previous, policy, now);
        return illegal;
    }

    /**
     * Checks each pursuit's move from its last recorded state against {@link PursuitState}'s table.
     * A move the table forbids is a bug in the derivation: logged loudly and counted (tests require 0). The table
     * describes moves under one cadence policy: a state recorded under another (policy.maxAgeDays or maxTouches
     * raised wakes a DORMANT pursuit, lowered ends an active one) is not judged against it.
     */
    private int checkTransitions(List<PursuitView> views, String policy, Map<String, PursuitRepository.Recorded> previous) {
        int illegal = 0;
        int underAnotherPolicy = 0;
        for (PursuitView view : views) {
            PursuitRepository.Recorded recorded = previous.get(view.pursuit().id());
            String before = recorded == null ? null : recorded.state();
            if (recorded != null && !policy.equals(recorded.policy())) {
                underAnotherPolicy++; // recorded under another policy, or before policies were recorded
                if (!before.equals(view.state().name())) {
                    log.debug("Mailbox {}: pursuit {} {} -> {} (cadence policy changed)", mailboxId, view.pursuit().id(), before,
                            view.state());
                }
                continue;
            }
            try {
                if (before == null) {
                    if (!PursuitState.INITIAL.contains(view.state()) && view.state() != PursuitState.DRAFTED) {
                        throw new IllegalStateException("illegal initial pursuit state " + view.state());
                    }
                } else {
                    PursuitState from = PursuitState.valueOf(before);
                    if (view.decision().meeting() != null && from != PursuitState.SCHEDULED && from.canMoveTo(PursuitState.SCHEDULED)) {
                        // A meeting first seen after it passed (a late invitation, a new calendar) went through SCHEDULED.
                        from = PursuitState.SCHEDULED;
                    }
                    // A draft written in this pass went through DUE.
                    if (view.state() == PursuitState.DRAFTED && from != PursuitState.DRAFTED) {
                        from.checkTransitionTo(PursuitState.DUE);
                    } else {
                        from.checkTransitionTo(view.state());
                    }
                }
                if (before != null && !before.equals(view.state().name())) {
                    log.debug("Mailbox {}: pursuit {} {} -> {}", mailboxId, view.pursuit().id(), before, view.state());
                }
            } catch (IllegalStateException e) {
                illegal++;
                log.error("Mailbox {}: pursuit {}: {} (a bug: please report it)", mailboxId, view.pursuit().id(), e.getMessage());
            }
        }
        if (underAnotherPolicy > 0 && previous.values().stream().anyMatch(r -> r.policy() != null)) {
            log.info("Mailbox {}: the cadence policy changed since the last pass; {} pursuit(s) re-derived under it", mailboxId,
                    underAnotherPolicy);
        }
        return illegal;
    }

    private static PursuitRecord row(String mailboxId, PursuitView v) {
        return new PursuitRecord(v.pursuit().id(), mailboxId, v.pursuit().proposal().messageId(),
                v.pursuit().proposal().sentAt(), v.state().name(), v.decision().action().name(), v.decision().step(),
                v.decision().dueAt(), v.reason());
    }
}
