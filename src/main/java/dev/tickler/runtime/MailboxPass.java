package dev.tickler.runtime;

import dev.tickler.calendar.Meeting;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.detect.ManualOverrides;
import dev.tickler.detect.MessageClassifier;
import dev.tickler.detect.MessageKind;
import dev.tickler.draft.Draft;
import dev.tickler.imap.ImapMailbox;
import dev.tickler.mail.FolderBatch;
import dev.tickler.mail.FolderCursor;
import dev.tickler.mail.MailFolder;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.MailboxException;
import dev.tickler.mail.MailboxSource;
import dev.tickler.pursuit.Correspondents;
import dev.tickler.pursuit.PursuitState;
import dev.tickler.store.DraftRepository;
import dev.tickler.store.FactRepository;
import dev.tickler.store.KeywordRepository;
import dev.tickler.store.MailboxHealthRepository;
import dev.tickler.store.MeetingRepository;
import dev.tickler.store.PursuitRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one mailbox: sync new mail into facts, decide every pursuit, place the due drafts.
 * A dry run reads the mailbox but writes nothing, neither to the store nor to the mailbox.
 */
final class MailboxPass {

    private static final Logger log = LoggerFactory.getLogger(MailboxPass.class);

    /** Opens the mailbox; the IMAP adapter in production. */
    @FunctionalInterface
    interface Connector {
        ImapMailbox connect(MailboxWiring mailbox) throws MailboxException;
    }

    private final MailboxWiring mailbox;
    private final FactRepository facts;
    private final PursuitRepository pursuits;
    private final DraftRepository drafts;
    private final KeywordRepository keywords;
    private final MeetingRepository meetings;
    private final MailboxHealthRepository health;
    private final Connector connector;
    private final Clock clock;

    MailboxPass(MailboxWiring mailbox, FactRepository facts, PursuitRepository pursuits, DraftRepository drafts,
                KeywordRepository keywords, MeetingRepository meetings, MailboxHealthRepository health, Connector connector,
                Clock clock) {
        this.mailbox = mailbox;
        this.facts = facts;
        this.pursuits = pursuits;
        this.drafts = drafts;
        this.keywords = keywords;
        this.meetings = meetings;
        this.health = health;
        this.connector = connector;
        this.clock = clock;
    }

    /** The pass; its outcome is recorded for {@code status} unless it is a dry run. */
    PassReport run(boolean dryRun) {
        PassReport report = sync(dryRun);
        if (!dryRun) {
            try {
                if (report.failed()) {
                    health.recordFailure(mailbox.id(), report.failure().kind().name(), withoutMailbox(report.failure().message()),
                            clock.instant());
                } else {
                    health.recordSuccess(mailbox.id(), clock.instant());
                }
            } catch (RuntimeException e) { // the store failing: the pass's own outcome stands, and is logged
                log.warn("Mailbox {}: could not record the pass's outcome for status: {}", mailbox.id(), e.toString());
            }
        }
        return report;
    }

    /** A failure's message without the "mailbox ID: " most of them start with, for a line that names the mailbox itself. */
    private String withoutMailbox(String message) {
        String prefix = "mailbox " + mailbox.id() + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private PassReport sync(boolean dryRun) {
        String id = mailbox.id();
        Counts counts = new Counts();
        List<ClassifiedMessage> unsaved = new ArrayList<>();
        // Filled on the storing thread, read after it drained.
        List<MeetingRepository.StoredInvitation> unsavedInvitations = java.util.Collections.synchronizedList(new ArrayList<>());
        List<PursuitView> views = List.of();
        List<Draft> placed = new ArrayList<>();
        DraftKeeper.Outcome outcome = new DraftKeeper.Outcome();
        DraftKeeper keeper = new DraftKeeper(mailbox, drafts, clock);
        Set<String> proposalIds = ConcurrentHashMap.newKeySet();
        // On a first sync every stored fact is one this pass stores: kept here instead of read back and decoded.
        List<ClassifiedMessage> storedNow = new ArrayList<>();
        long started = System.nanoTime();
        long syncMs = 0;
        try (ImapMailbox imap = connector.connect(mailbox);
             StoringThread<Classified> storing = new StoringThread<>(id, this::classify, batch -> proposalIds.addAll(
                     persist(batch, dryRun, counts, dryRun ? unsaved : storedNow, unsavedInvitations)))) {
            boolean firstSync = !dryRun && !facts.hasFacts(id);
            // The stored proposals' Message-IDs, read the first time a reply's parents are checked or a proposal's fact is about
            // to be deleted: a full scan of the facts (a quarter of a second for 50,000), which a pass that reads no new mail
            // never needs.
            Runnable storedProposals = firstSync ? () -> { } : new Runnable() {
                private boolean read;

                @Override
                public synchronized void run() {
                    if (!read) {
                        proposalIds.addAll(facts.messageIds(id, MessageKind.PROPOSAL.name()));
                        read = true;
                    }
                }
            };
            MailboxSource.ReadPolicy policy = new PassReadPolicy(mailbox.classifier(), oldestWorthReading(), this::knownCorrespondents,
                    proposalIds, storedProposals, storing);
            Map<String, Set<String>> unsavedKeywords = new HashMap<>();
            List<MailFolder> folders = imap.foldersToRead();
            for (MailFolder folder : folders) {
                FolderCursor cursor = facts.cursor(id, folder.name()).orElse(FolderCursor.START);
                boolean changed = imap.readSince(folder, cursor, mailbox.imap().batchSize(), policy, storing);
                // Asked while the last batches are still being stored.
                Map<Long, Set<String>> tagged;
                try {
                    tagged = changed ? imap.keywords(folder, ManualOverrides.KEYWORDS) : Map.of();
                } catch (MailboxException e) {
                    storing.drain(); // a store that failed meanwhile is the failure to report
                    throw e;
                }
                storing.drain();
                if (!firstSync) {
                    storedNow.clear(); // read back from the store below
                }
                if (changed) {
                    saveKeywords(folder, tagged, dryRun, unsavedKeywords);
                    // On a first sync every proposal stored was on the server a moment ago: the next pass checks them.
                    if (!dryRun && !firstSync) {
                        forgetDeletedProposals(imap, folder, storedProposals); // the facts are read back below, without those deleted
                    }
                } else {
                    counts.unchangedFolders++;
                }
            }
            syncMs = (System.nanoTime() - started) / 1_000_000; // connected, read, classified and stored
            Map<String, Set<String>> allKeywords = dryRun ? unsavedKeywords : keywords.forMailbox(id);
            // A first sync's assembly is not kept: it is built from what this pass stored, and another writer's facts stored
            // meanwhile (a scan of the same mailbox on a shared store) would be missing from it under a version that counts them.
            boolean keeps = !dryRun && !firstSync;
            // Read before the facts: a write in between (by anyone) leaves the assembly kept below under an older version.
            long version = keeps ? facts.version(id) : -1;
            PursuitBoard.Assembly assembly = keeps ? mailbox.lastAssembly().reuse(version, allKeywords, clock).orElse(null) : null;
            if (assembly == null) {
                if (firstSync) {
                    storedNow.sort(FactRepository.STORED_ORDER);
                }
                // Every stored fact, not only those since the age limit: a pursuit's thread may reach back past it, and
                // cutting it would let a later message in it start, answer or bounce another pursuit (status sees them all too).
                List<ClassifiedMessage> all = firstSync ? storedNow : new ArrayList<>(facts.facts(id));
                all.addAll(unsaved);
                if (counts.read > 0) {
                    all = readAgainWhatNowMatters(imap, folders, all, policy, dryRun, proposalIds, unsavedInvitations);
                }
                assembly = mailbox.board().assemble(all, allKeywords, clock);
                if (keeps) {
                    mailbox.lastAssembly().keep(version, assembly);
                }
            }
            storedNow.clear();
            CalendarSync calendar = mailbox.calendar();
            List<Meeting> known = calendar.meetings(meetings, unsavedInvitations, calendar.readServer(meetings, dryRun, clock), clock);
            views = new ArrayList<>(mailbox.board().decide(assembly, drafts.forMailbox(id), known, clock));
            if (!dryRun && keeper.reconcile(imap, views, outcome)) {
                views = new ArrayList<>(mailbox.board().decide(assembly, drafts.forMailbox(id), known, clock));
            }
            for (int i = 0; i < views.size(); i++) {
                PursuitView view = views.get(i);
                if (view.state() == PursuitState.DUE && view.draft() != null) {
                    if (!dryRun) {
                        keeper.place(imap, view.draft());
                        views.set(i, view.drafted());
                    }
                    placed.add(view.draft());
                }
            }
            if (!dryRun) {
                counts.illegalTransitions = new PursuitLedger(pursuits, id).record(views, mailbox.board().policy().describe(),
                        clock.instant());
            }
            log.info("Mailbox {}: {} new message(s) ({} read in outline{}) synced in {} ms, {} skipped, {} with defects; {} pursuit(s);"
                    + " {} draft(s) {}; {} retracted, {} dismissed", id, counts.read, counts.outline,
                    counts.passedOver == 0 ? "" : "; " + counts.passedOver + " older than policy.maxAgeDays passed over", syncMs,
                    counts.skipped, counts.defects,
                    views.size(), placed.size(), dryRun ? "due (dry run)" : "placed", outcome.retracted.size(), outcome.dismissed);
            return new PassReport(id, counts.read, counts.skipped, counts.defects, counts.unchangedFolders, views, placed, outcome.retracted,
                    outcome.dismissed, counts.illegalTransitions, null);
        } catch (MailboxException e) {
            log.error("Mailbox {}: {}", id, withoutMailbox(e.getMessage()));
            log.debug("Mailbox {} failure detail", id, e);
            return new PassReport(id, counts.read, counts.skipped, counts.defects, counts.unchangedFolders, views, placed, outcome.retracted,
                    outcome.dismissed, counts.illegalTransitions, new PassReport.Failure(e.kind(), e.getMessage()));
        } catch (RuntimeException e) { // a bug or a store failure: this mailbox stops, the others go on
            // The stack at DEBUG only: a driver's exception may quote a row (a PostgreSQL key "Detail" with an address).
            log.error("Mailbox {}: pass failed: {}", id, e.toString());
            log.debug("Mailbox {}: pass failure detail", id, e);
            return new PassReport(id, counts.read, counts.skipped, counts.defects, counts.unchangedFolders, views, placed, outcome.retracted,
                    outcome.dismissed, counts.illegalTransitions,
                    new PassReport.Failure(MailboxException.Kind.TRANSIENT, "mailbox " + id + ": pass failed: " + e.getMessage()));
        }
    }

    /**
     * A proposal the rep deleted (sent to the wrong person, say) is not followed up. One gone from Sent may only have been
     * filed into a folder read later in the pass: {@code storedProposals} reads the stored proposals' Message-IDs before
     * the delete, so that a reply to it read meanwhile still has its text read.
     */
    private void forgetDeletedProposals(ImapMailbox imap, MailFolder folder, Runnable storedProposals) throws MailboxException {
        Set<Long> gone = imap.missing(folder, facts.proposalUids(mailbox.id(), folder.name()));
        if (!gone.isEmpty()) {
            storedProposals.run();
            facts.delete(mailbox.id(), folder.name(), gone);
            log.info("Mailbox {}: {} proposal(s) deleted from {}; no longer followed up", mailbox.id(), gone.size(), folder.name());
        }
    }

    /** The rep's override keywords on this folder ({@code byUid}, read fresh every pass). */
    private void saveKeywords(MailFolder folder, Map<Long, Set<String>> byUid, boolean dryRun, Map<String, Set<String>> unsaved) {
        if (dryRun) {
            byUid.forEach((uid, k) -> unsaved.put(folder.name() + "#" + uid, k));
        } else {
            keywords.replace(mailbox.id(), folder.name(), byUid);
        }
    }

    /**
     * Messages read in outline that concern the rep's mail after all, now that this pass has read more:
     * an out-of-office that arrived before the client saved the proposal to Sent, a prospect's mail read
     * before a proposal in a folder read later. They are read again in full, classified and stored over
     * their outline; returns the facts with them in place.
     */
    private List<ClassifiedMessage> readAgainWhatNowMatters(ImapMailbox imap, List<MailFolder> folders, List<ClassifiedMessage> all,
                                                            MailboxSource.ReadPolicy policy, boolean dryRun, Set<String> proposalIds,
                                                            List<MeetingRepository.StoredInvitation> unsavedInvitations)
            throws MailboxException {
        MessageClassifier classifier = mailbox.classifier();
        Correspondents known = knownCorrespondents();
        Map<String, List<Long>> byFolder = new HashMap<>();
        java.time.Instant oldest = oldestWorthReading();
        for (ClassifiedMessage fact : all) {
            MailMessage m = fact.message();
            if (m.outline() && !m.sentAt().isBefore(oldest) && known.concerns(m, classifier.isFromRep(m))) {
                byFolder.computeIfAbsent(m.folder(), f -> new ArrayList<>()).add(m.uid());
            }
        }
        if (byFolder.isEmpty()) {
            return all;
        }
        Counts again = new Counts();
        List<ClassifiedMessage> reread = new ArrayList<>();
        for (MailFolder folder : folders) {
            List<Long> uids = byFolder.get(folder.name());
            if (uids != null) {
                FolderCursor cursor = facts.cursor(mailbox.id(), folder.name()).orElse(FolderCursor.START);
                imap.readAgain(folder, cursor, uids, mailbox.imap().batchSize(), policy,
                        batch -> proposalIds.addAll(store(batch, dryRun, again, reread, unsavedInvitations)));
            }
        }
        if (reread.isEmpty()) {
            return all; // gone from the server meanwhile
        }
        Set<String> replaced = new java.util.HashSet<>();
        reread.forEach(f -> replaced.add(f.message().logId()));
        List<ClassifiedMessage> updated = new ArrayList<>(all.size());
        for (ClassifiedMessage fact : all) {
            if (!replaced.contains(fact.message().logId())) {
                updated.add(fact);
            }
        }
        updated.addAll(reread);
        updated.sort(FactRepository.STORED_ORDER);
        log.info("Mailbox {}: {} message(s) read in outline before concern your mail after all; read again in full", mailbox.id(),
                reread.size());
        return updated;
    }

    /**
     * Mail dated before this is passed over (not kept, its invitations aside): it can't matter to any proposal still
     * followed up ({@code policy.maxAgeDays}), so a first sync of years of mail reads the recent months alone.
     */
    private java.time.Instant oldestWorthReading() {
        return mailbox.board().policy().oldestWorthReading(clock.instant());
    }

    /** Who the rep wrote to, learnt from the facts that can still matter the first time a process needs it. */
    private Correspondents knownCorrespondents() {
        return mailbox.correspondents().get(() -> facts.facts(mailbox.id(), oldestWorthReading()), mailbox.classifier());
    }

    /** A batch with its messages classified (without their bodies) and the invitations read from them. */
    private record Classified(FolderBatch batch, List<ClassifiedMessage> facts, List<MeetingRepository.StoredInvitation> invitations) {
    }

    /** Classifies one batch and reads its invitations (on the classifying thread): pure, nothing stored. */
    private Classified classify(FolderBatch batch) {
        List<MeetingRepository.StoredInvitation> invitations = mailbox.calendar().invitationsIn(batch, clock);
        MessageClassifier classifier = mailbox.classifier();
        List<ClassifiedMessage> classified = new ArrayList<>(batch.messages().size());
        for (MailMessage m : batch.messages()) {
            classified.add(new ClassifiedMessage(m.withoutBody(), classifier.classify(m)));
        }
        return new Classified(batch, classified, invitations);
    }

    /** Classifies and stores one batch in the calling thread (reading again); see {@link #persist}. */
    private List<String> store(FolderBatch batch, boolean dryRun, Counts counts, List<ClassifiedMessage> kept,
                               List<MeetingRepository.StoredInvitation> unsavedInvitations) {
        return persist(classify(batch), dryRun, counts, kept, unsavedInvitations);
    }

    /**
     * Stores one classified batch (on the storing thread), adding its facts to {@code kept}; returns the
     * Message-IDs of the proposals in it.
     */
    private List<String> persist(Classified c, boolean dryRun, Counts counts, List<ClassifiedMessage> kept,
                                 List<MeetingRepository.StoredInvitation> unsavedInvitations) {
        FolderBatch batch = c.batch();
        for (ClassifiedMessage fact : c.facts()) {
            if (!fact.message().defects().isEmpty()) {
                counts.defects++;
            }
            if (fact.message().outline()) {
                counts.outline++;
            }
        }
        counts.read += c.facts().size();
        counts.skipped += batch.skipped().size();
        counts.passedOver += batch.passedOver();
        if (dryRun) {
            unsavedInvitations.addAll(c.invitations());
        } else {
            // Before the facts and their cursor: a crash in between reads the batch again and rewrites the same rows.
            meetings.saveInvitations(mailbox.id(), batch.cursor().uidValidity(), c.invitations());
            facts.saveBatch(mailbox.id(), batch.folder(), batch.cursor(), c.facts(), batch.skipped(), clock.instant());
        }
        kept.addAll(c.facts());
        return c.facts().stream().filter(f -> f.kind() == MessageKind.PROPOSAL && f.messageId() != null)
                .map(ClassifiedMessage::messageId).toList();
    }

    private static final class Counts {
        int unchangedFolders;
        int read;
        int skipped;
        int defects;
        int outline;
        int passedOver;
        int illegalTransitions;
    }
}
