package dev.tickler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a kept assembly may serve a pass: same facts version, same keywords, and a clock that has not gone back past its Date headers. */
class LastAssemblyTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-12T09:30:00Z"), ZoneOffset.UTC);
    private static final Map<String, Set<String>> WON = Map.of("Sent#4", Set.of("$TicklerWon"));

    private final LastAssembly last = new LastAssembly();
    private final PursuitBoard.Assembly kept = new PursuitBoard.Assembly(List.of(), WON, Map.of(), Map.of(),
            NOW.instant().minus(Duration.ofDays(PursuitBoard.ZONE_EVIDENCE_DAYS)));

    @Test
    void servesTheSameVersionAndKeywordsFromThenOn() {
        assertTrue(last.reuse(0, Map.of(), NOW).isEmpty(), "nothing kept yet");
        last.keep(7, kept);
        assertEquals(kept, last.reuse(7, Map.of("Sent#4", Set.of("$TicklerWon")), NOW).orElseThrow());
        assertEquals(kept, last.reuse(7, WON, Clock.offset(NOW, Duration.ofDays(30))).orElseThrow(), "later: time is the planner's");
        assertEquals(2, last.reused());
    }

    @Test
    void notAnotherVersionOtherKeywordsOrAnEarlierClock() {
        last.keep(7, kept);
        assertTrue(last.reuse(8, WON, NOW).isEmpty(), "the facts changed");
        assertTrue(last.reuse(7, Map.of(), NOW).isEmpty(), "the keyword is gone");
        assertTrue(last.reuse(7, Map.of("Sent#4", Set.of("$TicklerLost")), NOW).isEmpty(), "another keyword");
        // Decisions an hour earlier look at Date headers an hour older than the assembly kept.
        assertTrue(last.reuse(7, WON, Clock.offset(NOW, Duration.ofHours(-1))).isEmpty(), "the clock went back");
        assertEquals(0, last.reused());
    }

    @Test
    void aKeptAssemblyGivesOnlyTheDateHeadersADecisionAtItsOwnTimeWouldSee() {
        Instant since = NOW.instant().minus(Duration.ofDays(PursuitBoard.ZONE_EVIDENCE_DAYS));
        PursuitBoard.Assembly assembly = new PursuitBoard.Assembly(List.of(), Map.of(), Map.of(), Map.of(
                "gina@globex.example", List.of(new PursuitBoard.Stamped(since.plusSeconds(60), "Mon, 2 Mar 2026 10:00:00 -0500"),
                        new PursuitBoard.Stamped(since.plus(Duration.ofDays(20)), "Mon, 30 Mar 2026 10:00:00 -0400")),
                "greg@globex.example", List.of(new PursuitBoard.Stamped(since.plus(Duration.ofDays(1)), "Tue, 3 Mar 2026 09:00:00 +0100"))),
                since);
        List<dev.tickler.mail.Address> gina = List.of(new dev.tickler.mail.Address("Gina", "Gina@Globex.example"));
        assertEquals(List.of("Mon, 2 Mar 2026 10:00:00 -0500", "Mon, 30 Mar 2026 10:00:00 -0400"), assembly.datesFrom(gina, since));
        // Ten days on, the first is older than the evidence window: a fresh assembly would not have it either.
        assertEquals(List.of("Mon, 30 Mar 2026 10:00:00 -0400"), assembly.datesFrom(gina, since.plus(Duration.ofDays(10))));
        assertEquals(List.of(), assembly.datesFrom(List.of(new dev.tickler.mail.Address(null, "hank@strickland.example")), since));
    }
}
