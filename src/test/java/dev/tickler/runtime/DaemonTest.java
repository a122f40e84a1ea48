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

    @org.junit.jupiter.api.Test
    void aLoginFailureParksTheMailboxForAnHourAndSuccessResetsTheBackoff() {
        java.util.Map<String, Integer> failures = new java.util.HashMap<>();
        Duration poll = Duration.ofMinutes(5);
        var login = new PassReport.Failure(dev.tickler.mail.MailboxException.Kind.PERMANENT, "login failed");
        var network = new PassReport.Failure(dev.tickler.mail.MailboxException.Kind.TRANSIENT, "timeout");
        org.junit.jupiter.api.Assertions.assertEquals(Duration.ofHours(1), Daemon.nextDelay(failures, poll, "riley", login));
        assertBetween(Daemon.nextDelay(failures, poll, "sam", network), 24, 36);
        assertBetween(Daemon.nextDelay(failures, poll, "sam", network), 48, 72);
        org.junit.jupiter.api.Assertions.assertEquals(poll, Daemon.nextDelay(failures, poll, "sam", null));
        assertBetween(Daemon.nextDelay(failures, poll, "sam", network), 24, 36);
    }

    private static void assertBetween(Duration d, long minSeconds, long maxSeconds) {
        assertTrue(d.toMillis() >= minSeconds * 1000 && d.toMillis() <= maxSeconds * 1000, d.toString());
    }
}
