package dev.tickler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.config.TicklerConfig;
import dev.tickler.demo.DemoWorld;
import dev.tickler.demo.Mime;
import jakarta.mail.Message;
import jakarta.mail.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** IDLE push: a reply arriving while the daemon waits for its next poll (an hour away) retracts the draft in seconds. */
class IdleIT {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-12T09:30:00Z"), ZoneOffset.UTC);

    @Test
    void aReplyPushedByIdleRetractsTheUnsentDraftWithinSeconds() throws Exception {
        try (DemoWorld world = DemoWorld.start(NOW)) {
            TicklerConfig config = world.config()
                    .withStore(new TicklerConfig.Store("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", Optional.empty()))
                    .withMailboxes(world.config().mailboxes(), Duration.ofHours(1));
            try (Tickler tickler = Tickler.start(config, NOW)) {
                Daemon daemon = new Daemon(tickler, NOW, Duration.ofSeconds(2)); // renew IDLE often: that path runs too
                daemon.start();
                awaitDrafts(world, 3, Duration.ofSeconds(20));
                Thread.sleep(3_000); // past at least one IDLE renewal
                long start = System.nanoTime();
                try (Store store = world.connect()) {
                    store.getFolder("INBOX").appendMessages(new Message[] {Mime.message().id("<gina-yes@globex.example>")
                            .from("Gina Glass <gina@globex.example>").to("Riley Rep <riley@acme.example>")
                            .subject("RE: Proposal: Globex CRM rollout").date(NOW.instant())
                            .replyTo("<proposal-globex@acme.example>").text("Yes, let's talk Thursday.").build()});
                }
                awaitDrafts(world, 2, Duration.ofSeconds(15));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                daemon.stop(Duration.ofSeconds(10));
                assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "retracted after " + took);
                System.out.println("IDLE: reply to retraction took " + took.toMillis() + " ms");
            }
        }
    }

    private static void awaitDrafts(DemoWorld world, int expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        int count = -1;
        while (System.nanoTime() < deadline) {
            try (Store store = world.connect()) {
                count = store.getFolder("Drafts").getMessageCount();
            }
            if (count == expected) {
                return;
            }
            Thread.sleep(200);
        }
        assertEquals(expected, count, "drafts within " + limit);
    }
}
