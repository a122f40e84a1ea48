package dev.tickler.cadence;

import dev.tickler.pursuit.PursuitState;
import java.time.Instant;

/**
 * What the cadence says about a pursuit at one moment.
 *
 * @param step  the touch number the next draft would be (1 = first follow-up); 0 when none
 * @param dueAt when the next action is due; null when there is none
 */
public record Decision(PursuitState state, Action action, int step, Instant dueAt, String reason) {

    public static Decision none(PursuitState state, String reason) {
        return new Decision(state, Action.NONE, 0, null, reason);
    }

    /** True when a draft should be written now. */
    public boolean isDue() {
        return state == PursuitState.DUE;
    }
}
