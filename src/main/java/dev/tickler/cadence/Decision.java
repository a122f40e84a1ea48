package dev.tickler.cadence;

import dev.tickler.calendar.Meeting;
import dev.tickler.pursuit.PursuitState;
import java.time.Instant;

/**
 * What the cadence says about a pursuit at one moment.
 *
 * @param step    the touch number the next draft would be (1 = first follow-up); 0 when none
 * @param dueAt   when the next action is due; null when there is none
 * @param meeting the meeting behind the decision: the one that keeps the pursuit quiet (SCHEDULED),
 *                or the one that has passed and is followed up; null when no meeting matters
 */
public record Decision(PursuitState state, Action action, int step, Instant dueAt, String reason, Meeting meeting) {

    public Decision(PursuitState state, Action action, int step, Instant dueAt, String reason) {
        this(state, action, step, dueAt, reason, null);
    }

    public static Decision none(PursuitState state, String reason) {
        return new Decision(state, Action.NONE, 0, null, reason);
    }

    /** True when a draft should be written now. */
    public boolean isDue() {
        return state == PursuitState.DUE;
    }
}
