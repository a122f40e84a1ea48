package dev.tickler.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.config.TicklerConfig;
import dev.tickler.demo.DemoScenario;
import dev.tickler.demo.DemoWorld;
import dev.tickler.draft.DraftComposer;
import dev.tickler.pursuit.PursuitAssembler;
import dev.tickler.pursuit.PursuitState;
import dev.tickler.runtime.PassReport;
import dev.tickler.runtime.PursuitView;
import dev.tickler.runtime.Tickler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each demo scenario through the real IMAP path against GreenMail, asserting what lands in Drafts. */
class DemoScenariosIT {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-12T09:30:00Z"), ZoneOffset.UTC); // a Thursday
    private DemoWorld world;

    @BeforeEach
    void start() throws Exception {
        world = DemoWorld.start(NOW);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void draftsExactlyTheUnansweredTheOutOfOfficeOnlyAndTheRevival() throws Exception {
        Map<String, String> flagsBefore = flagsOfTheRepsMail();
        PassReport report;
        try (Tickler tickler = Tickler.start(inMemory(world.config()), NOW)) {
            report = tickler.scan(false, NOW).get(0);
        }
        assertFalse(report.failed(), () -> report.failure().message());
        assertEquals(15, report.messagesRead());
        assertEquals(Map.of(
                "Unanswered proposal (8 days)", "REMINDER",
                "Only an out-of-office reply", "REMINDER",
                "Three unanswered follow-ups", "REVIVAL"), drafted(report));
        assertEquals(PursuitState.ANSWERED, state(report, "Proposal answered by the prospect"));
        assertEquals(PursuitState.BOUNCED, state(report, "Proposal bounced (contact left?)"));
        assertEquals(PursuitState.SCHEDULED, state(report, "Meeting booked (invitation sent)"));
        assertEquals(6, report.pursuits().size(), "the internal PDF and the lunch mail are not proposals");
        assertEquals(flagsBefore, flagsOfTheRepsMail(), "the rep's own messages keep their flags");
    }

    @Test
    void theAppendedDraftsAreThreadedRepliesWithStableIdsAndEncodedNames() throws Exception {
        try (Tickler tickler = Tickler.start(inMemory(world.config()), NOW)) {
            tickler.scan(false, NOW);
        }
        Map<String, MimeMessage> drafts = draftsById();
        assertEquals(3, drafts.size());

        String umbrella = "<proposal-umbrella@acme.example>";
        MimeMessage reminder = drafts.get(DraftComposer.messageId(PursuitAssembler.pursuitId("riley", umbrella), 1, "acme.example"));
        assertTrue(reminder.isSet(Flags.Flag.DRAFT));
        assertTrue(reminder.isSet(Flags.Flag.SEEN));
        assertEquals(umbrella, reminder.getHeader("In-Reply-To", null));
        assertEquals(umbrella, reminder.getHeader("References", null));
        assertEquals("Re: Angebot: Umbrella pilot", reminder.getSubject());
        assertEquals("=?UTF-8?Q?J=C3=BCrgen_Wei=C3=9F?= <juergen@umbrella.example>", reminder.getHeader("To", null));
        assertEquals("Riley Rep <riley@acme.example>", reminder.getHeader("From", null));
        String body = (String) reminder.getContent();
        assertTrue(body.startsWith("Hallo Jürgen,"), "a German proposal gets the German reminder:\n" + body);
        assertTrue(body.contains("Tag und Uhrzeit"), body);
        assertEquals("de", reminder.getHeader("Content-Language", null));

        String stark = "<proposal-stark@acme.example>";
        MimeMessage revival = drafts.get(DraftComposer.messageId(PursuitAssembler.pursuitId("riley", stark), 4, "acme.example"));
        assertEquals("<touch-3-stark@acme.example>", revival.getHeader("In-Reply-To", null));
        assertEquals(String.join(" ", stark, "<touch-1-stark@acme.example>", "<touch-2-stark@acme.example>", "<touch-3-stark@acme.example>"),
                revival.getHeader("References", " ").replaceAll("\\s+", " "));
        assertEquals("Re: Statement of Work: Stark data migration", revival.getSubject());
        assertTrue(((String) revival.getContent()).contains("not be in a position to go ahead"));
    }

    @Test
    void aSecondPassAndAPassWithLostStateCreateNoDuplicate() throws Exception {
        TicklerConfig config = inMemory(world.config());
        try (Tickler tickler = Tickler.start(config, NOW)) {
            tickler.scan(false, NOW);
            PassReport second = tickler.scan(false, NOW).get(0);
            assertEquals(0, second.messagesRead(), "the UID cursors hold");
            assertTrue(second.placed().isEmpty());
            assertTrue(second.pursuits().stream().filter(v -> v.decision().isDue()).allMatch(v -> v.state() == PursuitState.DRAFTED));
        }
        // A crash between APPEND and recording it, or a lost state directory: the listing of Tickler's drafts in Drafts heals it.
        try (Tickler fresh = Tickler.start(inMemory(world.config()), NOW)) {
            PassReport again = fresh.scan(false, NOW).get(0);
            assertEquals(3, again.placed().size(), "decided again...");
        }
        assertEquals(3, draftsById().size(), "...but nothing appended twice");
    }

    @Test
    void aDryRunWritesNothingAnywhere() throws Exception {
        TicklerConfig config = inMemory(world.config());
        try (Tickler tickler = Tickler.start(config, NOW)) {
            PassReport dry = tickler.scan(true, NOW).get(0);
            assertEquals(3, dry.placed().size());
            assertTrue(tickler.status(NOW).get("riley").isEmpty(), "no facts stored");
        }
        assertTrue(draftsById().isEmpty());
    }

    @Test
    void statusAgreesWithThePassAndAnswersWhatHappensLater() throws Exception {
        try (Tickler tickler = Tickler.start(inMemory(world.config()), NOW)) {
            tickler.scan(false, NOW);
            List<PursuitView> now = tickler.status(NOW).get("riley");
            assertEquals(3, now.stream().filter(v -> v.state() == PursuitState.DRAFTED).count());
            List<PursuitView> earlier = tickler.status(Clock.fixed(NOW.instant().minusSeconds(86_400L * 20), ZoneOffset.UTC)).get("riley");
            assertTrue(earlier.stream().noneMatch(v -> v.state() == PursuitState.DRAFTED && v.draft() == null));
        }
    }

    @Test
    void explainWorksForEveryDemoPursuitAndNamesTheRuleBehindEachVerdict() throws Exception {
        try (Tickler tickler = Tickler.start(inMemory(world.config()), NOW)) {
            tickler.scan(false, NOW);
            Map<String, List<String>> expectedRules = Map.of(
                    "Unanswered proposal (8 days)", List.of("attachment-name (+3)", "body-phrase (+3)", "Decision: drafted"),
                    "Proposal answered by the prospect", List.of("inbound: from outside, not automatic", "[in the thread]", "Decision: answered"),
                    "Only an out-of-office reply", List.of("rfc3834-auto-submitted", "auto-reply-subject", "return-date: back on"),
                    "Proposal bounced (contact left?)", List.of("rfc3464-report", "Bounced addresses (never written to again): gavin@hooli.example"),
                    "Three unanswered follow-ups", List.of("Decision: drafted, next revival #4", "3 touches reached"),
                    "Meeting booked (invitation sent)", List.of("Meetings with their side:", "willy@wonka.example accepted",
                            "Decision: scheduled", "Kept quiet by: the meeting at"));
            for (DemoScenario s : world.scenarios()) {
                var explanation = tickler.explain(world.pursuitId(s), NOW);
                if (!expectedRules.containsKey(s.name())) {
                    assertTrue(explanation.isEmpty() || explanation.get().pursuit() == null, s.name() + " is no pursuit");
                    continue;
                }
                java.io.StringWriter text = new java.io.StringWriter();
                dev.tickler.cli.ExplainReport.print(new java.io.PrintWriter(text), explanation.orElseThrow(), DemoWorld.ZONE);
                for (String rule : expectedRules.get(s.name())) {
                    assertTrue(text.toString().contains(rule), s.name() + ": expected «" + rule + "» in\n" + text);
                }
            }
        }
    }

    private Map<String, String> drafted(PassReport report) {
        Map<String, String> out = new HashMap<>();
        for (DemoScenario s : world.scenarios()) {
            String id = PursuitAssembler.pursuitId("riley", s.proposalMessageId());
            report.placed().stream().filter(d -> d.pursuitId().equals(id)).findFirst()
                    .ifPresent(d -> out.put(s.name(), d.action().name()));
        }
        return out;
    }

    private PursuitState state(PassReport report, String scenario) {
        DemoScenario s = world.scenarios().stream().filter(x -> x.name().equals(scenario)).findFirst().orElseThrow();
        String id = PursuitAssembler.pursuitId("riley", s.proposalMessageId());
        Optional<PursuitView> view = report.pursuits().stream().filter(v -> v.pursuit().id().equals(id)).findFirst();
        return view.orElseThrow().state();
    }

    private Map<String, MimeMessage> draftsById() throws Exception {
        Map<String, MimeMessage> out = new HashMap<>();
        Store store = world.connect();
        try {
            Folder drafts = store.getFolder("Drafts");
            drafts.open(Folder.READ_ONLY);
            for (Message m : drafts.getMessages()) {
                MimeMessage copy = new MimeMessage((MimeMessage) m);
                copy.setFlags(m.getFlags(), true);
                if (out.put(m.getHeader("Message-ID")[0], copy) != null) {
                    throw new AssertionError("two drafts in Drafts with Message-ID " + m.getHeader("Message-ID")[0]);
                }
            }
        } finally {
            store.close();
        }
        return out;
    }

    private Map<String, String> flagsOfTheRepsMail() throws Exception {
        Map<String, String> out = new HashMap<>();
        Store store = world.connect();
        try {
            for (String name : List.of("Sent", "INBOX")) {
                Folder f = store.getFolder(name);
                f.open(Folder.READ_ONLY);
                for (Message m : f.getMessages()) {
                    out.put(name + ":" + m.getHeader("Message-ID")[0], m.getFlags().toString());
                }
                f.close(false);
            }
        } finally {
            store.close();
        }
        return out;
    }

    static TicklerConfig inMemory(TicklerConfig c) {
        return c.withStore(new TicklerConfig.Store("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", Optional.empty()));
    }
}
