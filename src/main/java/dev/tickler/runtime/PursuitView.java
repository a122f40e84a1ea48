package dev.tickler.runtime;

import dev.tickler.cadence.Decision;
import dev.tickler.draft.Draft;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.pursuit.PursuitState;

/**
 * A pursuit, what the cadence decided for it, and what that means for its draft.
 *
 * @param state  the decision's state, or DRAFTED when Tickler's draft is already waiting in Drafts
 * @param draft  the draft for the next step when one is due or placed; null otherwise
 * @param note   why no new draft was written although one is due (e.g. an earlier draft is still open)
 * @param meetings the pursuit's meetings with the prospect's side, earliest first
 */
public record PursuitView(Pursuit pursuit, Decision decision, PursuitState state, Draft draft, String note,
                          java.util.List<dev.tickler.calendar.Meeting> meetings) {

    public PursuitView {
        meetings = java.util.List.copyOf(meetings);
    }

    /** The same view once its draft has been placed. */
    PursuitView drafted() {
        return new PursuitView(pursuit, decision, PursuitState.DRAFTED, draft, note, meetings);
    }

    public String reason() {
        return note == null ? decision.reason() : decision.reason() + "; " + note;
    }
}
