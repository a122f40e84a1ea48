package dev.tickler.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

class DaemonTest {

    @RepeatedTest(20)
    void backoffDoublesFromThirtySecondsUpToAnHourWithJitter() {
        assertBetween(Daemon.backoff(1), 24, 36);
        assertBetween(Daemon.backoff(2), 48, 72);
        assertBetween(Daemon.backoff(5), 384, 576);
        assertBetween(Daemon.backoff(8), 2880, 4320);
        assertBetween(Daemon.backoff(500), 2880, 4320);
    }

    private static void assertBetween(Duration d, long minSeconds, long maxSeconds) {
        assertTrue(d.toMillis() >= minSeconds * 1000 && d.toMillis() <= maxSeconds * 1000, d.toString());
    }
}
