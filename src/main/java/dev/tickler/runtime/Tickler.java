package dev.tickler.runtime;

import dev.tickler.config.TicklerConfig;
import dev.tickler.draft.TemplateLibrary;
import dev.tickler.imap.ImapMailbox;
import dev.tickler.store.Database;
import dev.tickler.store.DraftRepository;
import dev.tickler.store.FactRepository;
import dev.tickler.store.KeywordRepository;
import dev.tickler.store.MailboxHealthRepository;
import dev.tickler.store.MeetingRepository;
import dev.tickler.store.PursuitRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import java.util.Set;
import dev.tickler.detect.ClassifiedMessage;

/**
 * The composition root: one configuration, one state database, one wiring per mailbox. Everything
 * is built by hand here; nothing is static.
 */
public final class Tickler implements AutoCloseable {

    private final TicklerConfig config;
    private final Database db;
    private final FactRepository facts;
    private final PursuitRepository pursuits;
    private final DraftRepository drafts;
    private final KeywordRepository keywords;
    private final MeetingRepository meetings;
    private final MailboxHealthRepository health;
    private final List<MailboxWiring> mailboxes = new ArrayList<>();
    private final MailboxPass.Connector connector;

    private Tickler(TicklerConfig config, Database db, TemplateLibrary templates, MailboxPass.Connector connector) {
        this.config = config;
        this.db = db;
        this.facts = new FactRepository(db);
        this.pursuits = new PursuitRepository(db);
        this.drafts = new DraftRepository(db);
        this.keywords = new KeywordRepository(db);
        this.meetings = new MeetingRepository(db);
        this.health = new MailboxHealthRepository(db);
        this.connector = connector;
        for (TicklerConfig.Mailbox mailbox : config.mailboxes()) {
            mailboxes.add(MailboxWiring.of(config, mailbox, templates));
        }
    }

    /**
     * Validates the templates and opens (and migrates) the state database: fails fast, before any
     * mailbox is touched, when either is unusable.
     */
    public static Tickler start(TicklerConfig config, Clock clock) {
        TemplateLibrary templates = TemplateLoader.library(config.templates(), config.locale(), config.localeByDomain());
        TicklerConfig.Store store = config.store();
        Database db = Database.open(store.url(), store.username(), store.password().map(s -> s.reveal()).orElse(""));
        return new Tickler(config, db, templates, m -> ImapMailbox.connect(m.id(), m.imap(), clock, m.ownDrafts()));
    }

    public TicklerConfig config() {
        return config;
    }

    /** One pass over every mailbox, one after the other; a failing mailbox does not stop the rest. */
    public List<PassReport> scan(boolean dryRun, Clock clock) {
        List<PassReport> reports = new ArrayList<>();
        for (MailboxWiring mailbox : mailboxes) {
            reports.add(pass(mailbox.id(), clock).run(dryRun));
        }
        return reports;
    }

    /** Every pursuit per mailbox as of {@code clock}, from stored facts only (no mailbox is contacted). */
    public Map<String, List<PursuitView>> status(Clock clock) {
        Map<String, List<PursuitView>> all = new LinkedHashMap<>();
        for (MailboxWiring mailbox : mailboxes) {
            all.put(mailbox.id(), mailbox.board().decide(facts.facts(mailbox.id()), keywords.forMailbox(mailbox.id()),
                    drafts.forMailbox(mailbox.id()), storedMeetings(mailbox, clock), clock));
        }
        return all;
    }

    /** One row of {@code tickler plan}. */
    public record PlanRow(String mailboxId, PursuitView pursuit, Instant when, dev.tickler.cadence.Action action, int step,
                          String reason) {
    }

    /** What Tickler will draft over the next {@code days}, given no new mail and assuming each draft is sent when it appears. */
    public List<PlanRow> plan(int days, Clock clock) {
        List<PlanRow> rows = new ArrayList<>();
        Instant until = clock.instant().plus(java.time.Duration.ofDays(days));
        for (Map.Entry<String, List<PursuitView>> e : status(clock).entrySet()) {
            MailboxWiring wiring = wiring(e.getKey());
            for (PursuitView view : e.getValue()) {
                for (PursuitBoard.PlannedStep step : wiring.board().plan(view, clock.instant(), until)) {
                    rows.add(new PlanRow(e.getKey(), view, step.when(), step.action(), step.step(), step.reason()));
                }
            }
        }
        rows.sort(java.util.Comparator.comparing(PlanRow::when));
        return rows;
    }

    /**
     * Everything known about a pursuit (by id or id prefix) or a message (by Message-ID): the
     * pursuit's timeline with each classifier's reasons, and the decision as of {@code clock}.
     */
    public Optional<Explanation> explain(String query, Clock clock) {
        String q = query.strip();
        for (MailboxWiring mailbox : mailboxes) {
            Map<String, Set<String>> tags = keywords.forMailbox(mailbox.id());
            List<ClassifiedMessage> all = mailbox.board().overrule(facts.facts(mailbox.id()), tags);
            List<PursuitView> views = mailbox.board().decide(all, tags, drafts.forMailbox(mailbox.id()), storedMeetings(mailbox, clock), clock);
            for (PursuitView view : views) {
                boolean byId = q.length() >= 4 && view.pursuit().id().startsWith(q.toLowerCase(java.util.Locale.ROOT));
                boolean byMessage = view.pursuit().timeline().stream().anyMatch(f -> q.equals(f.messageId()));
                if (byId || byMessage) {
                    return Optional.of(new Explanation(mailbox.id(), view, null));
                }
            }
            Optional<ClassifiedMessage> message = all.stream().filter(f -> q.equals(f.messageId())).findFirst();
            if (message.isPresent()) {
                return Optional.of(new Explanation(mailbox.id(), null, message.get()));
            }
        }
        return Optional.empty();
    }

    /** What {@link #explain} found: a pursuit, or a message that belongs to none. */
    public record Explanation(String mailboxId, PursuitView pursuit, ClassifiedMessage loneMessage) {
    }

    /** Every meeting known for a mailbox from the store: mailed invitations and the last good calendar read. */
    private List<dev.tickler.calendar.Meeting> storedMeetings(MailboxWiring mailbox, Clock clock) {
        return mailbox.calendar().meetings(meetings, List.of(), Optional.empty(), clock);
    }

    /** Each calendar server's last read and last problem, for status. */
    public List<MeetingRepository.SourceState> calendarSources(String mailboxId) {
        return meetings.sources(mailboxId);
    }

    /** How the mailbox's last pass ended (none yet: empty), for status. */
    public Optional<MailboxHealthRepository.Health> health(String mailboxId) {
        return health.health(mailboxId);
    }

    /**
     * Writes how every mailbox's last pass ended to {@link MailboxHealthReport#FILE} in the state directory, for
     * {@code status} while this process holds the embedded database; nothing for any other database.
     */
    void writeHealthReport(Clock clock) throws java.io.IOException {
        if (!config.store().url().startsWith("jdbc:hsqldb:file:")) {
            return; // a server database (or an in-memory one) can be read by status beside the daemon
        }
        List<String> lines = new ArrayList<>();
        for (TicklerConfig.Mailbox m : config.mailboxes()) {
            lines.add("Mailbox " + m.id() + " (" + m.timezone() + "): "
                    + MailboxHealthReport.line(health.health(m.id()), m.timezone(), clock.instant()));
        }
        MailboxHealthReport.write(config.stateDir(), clock.instant(), lines);
    }

    /** The daemon's next attempt at a failing mailbox, for status. */
    void recordNextAttempt(String mailboxId, Instant at) {
        health.recordNextAttempt(mailboxId, at);
    }

    public int skippedCount(String mailboxId) {
        return facts.skippedCount(mailboxId);
    }

    boolean idleEnabled(String mailboxId) {
        return config.mailboxes().stream().filter(m -> m.id().equals(mailboxId)).findFirst().orElseThrow().imap().idle();
    }

    dev.tickler.imap.ImapSettings imapSettings(String mailboxId) {
        return wiring(mailboxId).imap();
    }

    MailboxWiring wiring(String mailboxId) {
        return mailboxes.stream().filter(m -> m.id().equals(mailboxId)).findFirst().orElseThrow();
    }

    List<String> mailboxIds() {
        return mailboxes.stream().map(MailboxWiring::id).toList();
    }

    MailboxPass pass(String mailboxId, Clock clock) {
        return new MailboxPass(wiring(mailboxId), facts, pursuits, drafts, keywords, meetings, health, connector, clock);
    }

    @Override
    public void close() {
        db.close();
    }
}
