package dev.tickler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.config.TicklerConfig;
import dev.tickler.demo.DemoWorld;
import jakarta.mail.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The daemon serves a mailbox on its own, keeps a failing one from stalling it, and stops cleanly. */
class DaemonIT {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-12T09:30:00Z"), ZoneOffset.UTC);

    @Test
    void servesTheGoodMailboxWhileTheBadOneBacksOffAndStopsWithinTheGracePeriod() throws Exception {
        try (DemoWorld world = DemoWorld.start(NOW)) {
            TicklerConfig demo = world.config();
            TicklerConfig.Mailbox good = demo.mailboxes().get(0);
            TicklerConfig.Imap i = good.imap();
            TicklerConfig.Mailbox bad = new TicklerConfig.Mailbox("broken", good.owner(), good.aliases(), good.timezone(),
                    new TicklerConfig.Imap(i.host(), i.port(), i.security(), i.auth(), i.username(),
                            dev.tickler.config.Secret.literal("wrong"), i.sentFolder(), i.draftsFolder(), i.scanFolders(), i.timeout(), i.batchSize(), i.trustStore(), i.trustStorePassword(), false));
            TicklerConfig config = demo.withStore(new TicklerConfig.Store("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", Optional.empty()))
                    .withMailboxes(java.util.List.of(bad, good), Duration.ofSeconds(10));
            try (Tickler tickler = Tickler.start(config, NOW)) {
                Daemon daemon = new Daemon(tickler, NOW);
                daemon.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                int drafts = 0;
                while (drafts < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    drafts = draftCount(world);
                }
                assertEquals(3, drafts, "the good mailbox was served although the bad one fails");
                long stopStart = System.nanoTime();
                daemon.stop(Duration.ofSeconds(10));
                assertTrue(Duration.ofNanos(System.nanoTime() - stopStart).compareTo(Duration.ofSeconds(10)) < 0);
            }
        }
    }

    private static int draftCount(DemoWorld world) throws Exception {
        try (Store store = world.connect()) {
            return store.getFolder("Drafts").getMessageCount();
        }
    }
}
