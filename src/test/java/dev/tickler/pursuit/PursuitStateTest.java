package dev.tickler.pursuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PursuitStateTest {

    @Test
    void aDraftIsOnlyEverWrittenWhenDue() {
        for (PursuitState s : PursuitState.values()) {
            if (s != PursuitState.DUE && s != PursuitState.DRAFTED) {
                assertFalse(s.canMoveTo(PursuitState.DRAFTED), s + " -> DRAFTED");
            }
        }
        assertFalse(PursuitState.INITIAL.contains(PursuitState.DRAFTED));
    }

    @Test
    void closedIsTheEnd() {
        for (PursuitState s : PursuitState.values()) {
            assertEquals(s == PursuitState.CLOSED, PursuitState.CLOSED.canMoveTo(s), "CLOSED -> " + s);
        }
    }

    @Test
    void nothingIsDueAgainAfterABounceOrTheLastCheckIn() {
        assertFalse(PursuitState.BOUNCED.canMoveTo(PursuitState.DUE));
        assertFalse(PursuitState.DORMANT.canMoveTo(PursuitState.DUE));
        assertTrue(PursuitState.DORMANT.canMoveTo(PursuitState.ANSWERED), "they can always come back");
    }

    @Test
    void anIllegalTransitionFailsLoudly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PursuitState.CLOSED.checkTransitionTo(PursuitState.DUE));
        assertEquals("illegal pursuit transition CLOSED -> DUE", e.getMessage());
        assertEquals(PursuitState.DRAFTED, PursuitState.DUE.checkTransitionTo(PursuitState.DRAFTED));
    }
}
