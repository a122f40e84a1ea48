package dev.tickler.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run of failed passes is counted from its first failure and ended by a success; mailboxes are kept apart. */
class MailboxHealthRepositoryTest {

    private static final Instant T1 = Instant.parse("2026-03-12T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-12T09:05:00Z");
    private static final Instant T3 = Instant.parse("2026-03-12T10:05:00Z");
    private final Database db = Database.open("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", "");
    private final MailboxHealthRepository health = new MailboxHealthRepository(db);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void failuresCountFromTheFirstAndASuccessEndsThem() {
        assertTrue(health.health("riley").isEmpty(), "no pass yet");
        health.recordSuccess("riley", T1);
        health.recordFailure("riley", "TRANSIENT", "can't connect to 127.0.0.1:993", T2);
        health.recordNextAttempt("riley", T2.plusSeconds(30));
        health.recordFailure("riley", "PERMANENT", "login to 127.0.0.1:993 failed", T3);

        MailboxHealthRepository.Health h = health.health("riley").orElseThrow();
        assertTrue(h.failing());
        assertEquals(T1, h.lastOkAt());
        assertEquals(T2, h.failingSince(), "since the first failure of the run");
        assertEquals(2, h.failures());
        assertEquals("PERMANENT", h.failureKind(), "the last failure's kind");
        assertEquals("login to 127.0.0.1:993 failed", h.problem());
        assertNull(h.nextAttemptAt(), "a new failure's next attempt is not known until the daemon schedules it");
        health.recordNextAttempt("riley", T3.plusSeconds(3600));
        assertEquals(T3.plusSeconds(3600), health.health("riley").orElseThrow().nextAttemptAt());

        health.recordSuccess("riley", T3.plusSeconds(3600));
        MailboxHealthRepository.Health ok = health.health("riley").orElseThrow();
        assertFalse(ok.failing());
        assertEquals(0, ok.failures());
        assertNull(ok.problem());
        assertNull(ok.nextAttemptAt());
        assertEquals(T3.plusSeconds(3600), ok.lastOkAt());
        health.recordNextAttempt("riley", T3.plusSeconds(7200));
        assertNull(health.health("riley").orElseThrow().nextAttemptAt(), "only a failing mailbox has a next attempt");
    }

    @Test
    void aFirstFailureHasNoLastSuccessAndALongProblemIsCutToTheColumn() {
        health.recordFailure("sam", "PERMANENT", "x".repeat(1500), T1);
        MailboxHealthRepository.Health h = health.health("sam").orElseThrow();
        assertNull(h.lastOkAt());
        assertEquals(1, h.failures());
        assertEquals(1000, h.problem().length());
        assertTrue(health.health("riley").isEmpty(), "another mailbox is untouched");
    }
}
