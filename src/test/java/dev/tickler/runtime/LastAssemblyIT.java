package dev.tickler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.config.TicklerConfig;
import dev.tickler.demo.DemoWorld;
import dev.tickler.demo.Mime;
import dev.tickler.detect.ManualOverrides;
import dev.tickler.mail.MailMessage;
import dev.tickler.pursuit.PursuitState;
import dev.tickler.store.Database;
import dev.tickler.store.FactRepository;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A daemon's pass that finds no new mail reuses the pursuits its last pass assembled instead of reading and decoding every
 * stored fact again ({@link LastAssembly}); a change by this pass, by another process's write or by the rep's keywords
 * makes it assemble afresh. Each pass is compared with {@code status}, which always decides from the stored facts.
 */
class LastAssemblyIT {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-12T09:30:00Z"), ZoneOffset.UTC);

    @Test
    void aPassWithNoNewMailReusesThePursuitsUntilTheFactsOrKeywordsChange() throws Exception {
        try (DemoWorld world = DemoWorld.start(NOW)) {
            String url = "jdbc:hsqldb:mem:" + UUID.randomUUID();
            TicklerConfig config = world.config().withStore(new TicklerConfig.Store(url, "SA", Optional.empty()));
            try (Tickler tickler = Tickler.start(config, NOW)) {
                LastAssembly last = tickler.wiring("riley").lastAssembly();
                PassReport first = pass(tickler, NOW);
                assertTrue(first.messagesRead() > 0 && first.pursuits().size() >= 3, "the demo's mailbox: " + first.pursuits().size());
                assertEquals(0, last.reused(), "a first sync assembles");
                PassReport readBack = pass(tickler, NOW);
                assertEquals(0, last.reused(), "a first sync keeps nothing: the next pass reads the facts back");
                assertEquals(states(first), states(readBack));

                PassReport unchanged = pass(tickler, NOW);
                assertEquals(0, unchanged.messagesRead());
                assertEquals(1, last.reused(), "no new mail: the pursuits of the last pass");
                assertEquals(states(first), states(unchanged));
                assertEquals(status(tickler, NOW), states(unchanged));

                // Time moves decisions without any new fact: the Date headers and pursuits kept still serve them.
                Clock later = Clock.offset(NOW, java.time.Duration.ofDays(40));
                PassReport aged = pass(tickler, later);
                assertEquals(2, last.reused());
                assertEquals(status(tickler, later), states(aged));
                assertFalse(states(aged).equals(states(unchanged)), "forty days on, some pursuit has moved: " + states(aged));

                // Another process deletes a proposal's fact: the version moves, this process assembles again.
                MailMessage deleted = first.pursuits().get(0).pursuit().proposal().message();
                FactRepository other = new FactRepository(Database.open(url, "SA", ""));
                other.delete("riley", deleted.folder(), java.util.Set.of(deleted.uid()));
                PassReport afterDelete = pass(tickler, later);
                assertTrue(afterDelete.pursuits().stream().flatMap(v -> v.pursuit().timeline().stream())
                        .noneMatch(f -> f.message().logId().equals(deleted.logId())), "the deleted proposal is in no pursuit");
                assertEquals(2, last.reused(), "a write by anyone");
                assertEquals(status(tickler, later), states(afterDelete));

                // The rep marks a proposal won: the keywords differ, so the pursuits are assembled with it.
                String won = first.pursuits().get(1).pursuit().id();
                MailMessage marked = first.pursuits().get(1).pursuit().proposal().message();
                try (Store store = world.connect()) {
                    Folder folder = store.getFolder(marked.folder());
                    folder.open(Folder.READ_WRITE);
                    ((UIDFolder) folder).getMessageByUID(marked.uid()).setFlags(new Flags(ManualOverrides.WON), true);
                    folder.close(false);
                }
                PassReport afterKeyword = pass(tickler, later);
                assertEquals(PursuitState.CLOSED, states(afterKeyword).get(won));
                assertEquals(2, last.reused(), "new keywords");
                assertEquals(status(tickler, later), states(afterKeyword));

                // A reply: the pass that reads it assembles again, and the next one reuses that.
                String answered = first.pursuits().get(2).pursuit().id();
                MailMessage proposal = first.pursuits().get(2).pursuit().proposal().message();
                try (Store store = world.connect()) {
                    store.getFolder("INBOX").appendMessages(new Message[] {Mime.message().id("<answer@globex.example>")
                            .from(proposal.recipients().get(0).key()).to("Riley Rep <riley@acme.example>")
                            .subject("RE: " + proposal.subject()).date(later.instant().minusSeconds(3600))
                            .replyTo(proposal.messageId()).text("Thursday at 10 works.").build()});
                }
                PassReport afterReply = pass(tickler, later);
                assertEquals(1, afterReply.messagesRead());
                assertEquals(PursuitState.ANSWERED, states(afterReply).get(answered));
                assertEquals(2, last.reused());
                PassReport quiet = pass(tickler, later);
                assertEquals(3, last.reused());
                assertEquals(states(afterReply), states(quiet));
                assertEquals(status(tickler, later), states(quiet));
            }
        }
    }

    private static PassReport pass(Tickler tickler, Clock clock) {
        PassReport report = tickler.scan(false, clock).get(0);
        assertEquals(null, report.failure());
        return report;
    }

    private static Map<String, PursuitState> states(PassReport report) {
        return report.pursuits().stream().collect(Collectors.toMap(v -> v.pursuit().id(), PursuitView::state, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, PursuitState> status(Tickler tickler, Clock clock) {
        List<PursuitView> views = tickler.status(clock).get("riley");
        return views.stream().collect(Collectors.toMap(v -> v.pursuit().id(), PursuitView::state, (a, b) -> a, TreeMap::new));
    }
}
