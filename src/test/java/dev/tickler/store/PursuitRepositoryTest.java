package dev.tickler.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pursuit decisions are written when they change, and read back as written. */
class PursuitRepositoryTest {

    private static final Instant T1 = Instant.parse("2026-03-06T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-06T10:05:00Z");
    private static final String POLICY = "grace=3 interval=7 touches=3 nurture=on/30/3 maxAge=180";
    private final Database db = Database.open("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", "");
    private final PursuitRepository pursuits = new PursuitRepository(db);

    @AfterEach
    void close() {
        db.close();
    }

    private static PursuitRecord waiting(String id, Instant nextAt) {
        // Sub-millisecond instants and a long reason: what the store keeps of them must still compare equal.
        return new PursuitRecord(id, "riley", "<" + id + "@acme.example>", Instant.parse("2026-03-02T10:00:00.123456789Z"), "WAITING",
                "REMINDER", 1, nextAt, "waiting ".repeat(200));
    }

    @Test
    void onlyDecisionsThatChangedAreWrittenAgain() {
        Instant due = Instant.parse("2026-03-05T08:00:00.000500Z");
        List<PursuitRecord> first = List.of(waiting("a", due), waiting("b", due), waiting("c", null));
        assertEquals(3, pursuits.saveChanged(first, pursuits.states("riley"), POLICY, T1));
        Map<String, PursuitRepository.Recorded> recorded = pursuits.states("riley");
        assertEquals("WAITING", recorded.get("a").state());
        assertEquals(POLICY, recorded.get("a").policy());
        assertNull(recorded.get("c").row().nextAt());

        PursuitRecord answered = new PursuitRecord("b", "riley", "<b@acme.example>", first.get(1).proposalAt(), "ANSWERED", "NONE", 0,
                null, "answered on Tue 3 Mar");
        assertEquals(1, pursuits.saveChanged(List.of(first.get(0), answered, first.get(2)), recorded, POLICY, T2), "b alone changed");
        assertEquals(Map.of("a", T1, "b", T2, "c", T1), updatedAt());
        assertEquals("ANSWERED", pursuits.states("riley").get("b").state());

        assertEquals(0, pursuits.saveChanged(List.of(first.get(0), answered, first.get(2)), pursuits.states("riley"), POLICY, T2));
        assertEquals(3, pursuits.saveChanged(List.of(first.get(0), answered, first.get(2)), pursuits.states("riley"),
                POLICY.replace("maxAge=180", "maxAge=400"), T2), "a new policy is recorded on every row");
    }

    @Test
    void aChangeOfAnyPartOfTheDecisionIsWritten() {
        PursuitRecord before = new PursuitRecord("a", "riley", "<a@acme.example>", Instant.parse("2026-03-02T10:00:00Z"), "WAITING",
                "REMINDER", 1, Instant.parse("2026-03-05T08:00:00Z"), "waiting");
        pursuits.saveChanged(List.of(before), Map.of(), POLICY, T1);
        List<PursuitRecord> changes = List.of(
                new PursuitRecord("a", "riley", before.proposalMessageId(), before.proposalAt(), "WAITING", "REMINDER", 1,
                        Instant.parse("2026-03-06T08:00:00Z"), before.reason()),
                new PursuitRecord("a", "riley", before.proposalMessageId(), before.proposalAt(), "WAITING", "REMINDER", 2,
                        Instant.parse("2026-03-06T08:00:00Z"), before.reason()),
                new PursuitRecord("a", "riley", before.proposalMessageId(), before.proposalAt(), "WAITING", "REVIVAL", 2,
                        Instant.parse("2026-03-06T08:00:00Z"), before.reason()),
                new PursuitRecord("a", "riley", before.proposalMessageId(), before.proposalAt(), "WAITING", "REVIVAL", 2,
                        null, before.reason()),
                new PursuitRecord("a", "riley", before.proposalMessageId(), before.proposalAt(), "WAITING", "REVIVAL", 2,
                        null, "waiting for the revival"));
        for (PursuitRecord change : changes) {
            assertEquals(1, pursuits.saveChanged(List.of(change), pursuits.states("riley"), POLICY, T2), change.toString());
            assertEquals(change, pursuits.states("riley").get("a").row());
        }
        // A row recorded before policies were (V8) holds none: it is written with the policy.
        db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE pursuit SET policy = NULL"));
        assertNull(pursuits.states("riley").get("a").policy());
        assertEquals(1, pursuits.saveChanged(changes.subList(4, 5), pursuits.states("riley"), POLICY, T2));
        assertEquals(POLICY, pursuits.states("riley").get("a").policy());
    }

    private Map<String, Instant> updatedAt() {
        return db.inTransaction(c -> {
            Map<String, Instant> out = new java.util.HashMap<>();
            try (var r = c.createStatement().executeQuery("SELECT id, updated_at FROM pursuit")) {
                while (r.next()) {
                    out.put(r.getString(1), Instant.ofEpochMilli(r.getLong(2)));
                }
            }
            return out;
        });
    }
}
