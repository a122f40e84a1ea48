package dev.tickler.runtime;

import dev.tickler.draft.Draft;
import dev.tickler.imap.ImapMailbox;
import dev.tickler.mail.MailboxException;
import dev.tickler.store.DraftRecord;
import dev.tickler.store.DraftRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickler's drafts in one mailbox during a pass: placing the due ones (intent, APPEND, outcome) and
 * reconciling the open ones with what the rep did to them (sent, deleted, edited) and with what the
 * pursuit now wants (retracted when it no longer needs one).
 */
final class DraftKeeper {

    private static final Logger log = LoggerFactory.getLogger(DraftKeeper.class);

    /** What reconciling did, for the pass's report. */
    static final class Outcome {
        final List<String> retracted = new ArrayList<>();
        int dismissed;
    }

    private final MailboxWiring mailbox;
    private final DraftRepository drafts;
    private final Clock clock;
    /** Tickler's drafts in Drafts (Message-ID to text hash) as listed before this pass placed its first one. */
    private Map<String, String> listed;

    DraftKeeper(MailboxWiring mailbox, DraftRepository drafts, Clock clock) {
        this.mailbox = mailbox;
        this.drafts = drafts;
        this.clock = clock;
    }

    /**
     * What became of Tickler's open drafts since the last pass: sent (it reached Sent), dismissed (the
     * rep deleted it unsent), or, when the pursuit no longer wants it (answered, scheduled, bounced,
     * closed), retracted: removed from Drafts if the rep has not edited it, else left alone and noted.
     *
     * @return whether anything changed (the decisions are then made again)
     */
    boolean reconcile(ImapMailbox imap, List<PursuitView> views, Outcome outcome) throws MailboxException {
        List<DraftRecord> open = drafts.forMailbox(mailbox.id()).stream()
                .filter(d -> d.isOpen() || DraftRecord.INTENDED.equals(d.status())).toList();
        if (open.isEmpty()) {
            return false;
        }
        Map<String, String> inDrafts = imap.ownDrafts();
        // Good for placing too: nothing but this pass changes Drafts from here, and what reconciling removes is never
        // placed again (a replacement gets a new attempt number). Without QRESYNC a listing reads every draft's text.
        listed = inDrafts;
        boolean changed = false;
        for (DraftRecord record : open) {
            DraftRecord draft = record;
            PursuitView view = views.stream().filter(v -> v.pursuit().id().equals(record.pursuitId())).findFirst().orElse(null);
            boolean present = inDrafts.containsKey(draft.messageId());
            if (DraftRecord.INTENDED.equals(draft.status())) {
                if (!present) {
                    continue; // never placed: the next placement retries it (and checks the listing of Drafts first)
                }
                drafts.markPlaced(draft.messageId(), imap.draftsFolder(), clock.instant()); // an APPEND that "failed" but arrived
                drafts.updateHash(draft.messageId(), inDrafts.get(draft.messageId()));
                draft = drafts.find(draft.messageId()).orElseThrow();
                changed = true;
            }
            if (view != null && PursuitBoard.wasSent(draft, view.pursuit())) {
                drafts.resolve(draft.messageId(), DraftRecord.SENT, null, clock.instant());
                changed = true;
            } else if (!present) {
                // Gone from Drafts: sent under another Message-ID (some clients make a new one), or deleted.
                boolean sentAnyway = view != null && PursuitBoard.repWroteSince(draft, view.pursuit());
                drafts.resolve(draft.messageId(), sentAnyway ? DraftRecord.SENT : DraftRecord.DISMISSED,
                        sentAnyway ? "sent (matched by thread)" : "deleted from Drafts unsent", clock.instant());
                if (!sentAnyway) {
                    outcome.dismissed++;
                    log.info("Mailbox {}: the draft for pursuit {} touch {} was deleted unsent; the next one waits a full interval",
                            mailbox.id(), draft.pursuitId(), draft.step());
                }
                changed = true;
            } else {
                String why = null;
                if (view == null) {
                    why = "the proposal is no longer tracked";
                } else if (!view.decision().state().isActive()) {
                    why = view.reason();
                } else if (PursuitBoard.repWroteSince(draft, view.pursuit())) {
                    why = "you wrote to them yourself since";
                }
                boolean edited = draft.contentHash() != null && !draft.contentHash().equals(inDrafts.get(draft.messageId()));
                if (why != null) {
                    changed |= retractUnlessEdited(imap, draft, edited, why, view, outcome);
                } else if (edited && DraftRecord.PLACED.equals(draft.status())) {
                    drafts.resolve(draft.messageId(), DraftRecord.EDITED, "edited by you", clock.instant());
                    changed = true;
                } else if (!edited && DraftRecord.PLACED.equals(draft.status()) && mailbox.board().offeredTimesPassed(draft, clock)) {
                    // Still unsent and untouched, but its first suggested time is gone: a fresh draft takes its place.
                    imap.remove(draft.messageId());
                    drafts.resolve(draft.messageId(), DraftRecord.RETRACTED, "replaced unsent: the times it offered have passed",
                            clock.instant());
                    log.info("Mailbox {}: replaced the unsent draft for pursuit {} touch {}: the times it offered have passed",
                            mailbox.id(), draft.pursuitId(), draft.step());
                    changed = true;
                }
            }
        }
        return changed;
    }

    private boolean retractUnlessEdited(ImapMailbox imap, DraftRecord draft, boolean edited, String why, PursuitView view,
                                        Outcome outcome) throws MailboxException {
        if (edited) {
            if (DraftRecord.EDITED.equals(draft.status()) && draft.note() != null && draft.note().contains("although")) {
                return false;
            }
            drafts.resolve(draft.messageId(), DraftRecord.EDITED, "edited by you, so left in Drafts although " + why, clock.instant());
            log.info("Mailbox {}: pursuit {} no longer needs its draft, but you edited it: left in Drafts", mailbox.id(), draft.pursuitId());
            return true;
        }
        imap.remove(draft.messageId());
        drafts.resolve(draft.messageId(), DraftRecord.RETRACTED, "removed unsent: " + why, clock.instant());
        outcome.retracted.add(draft.messageId());
        log.info("Mailbox {}: retracted the unsent draft for pursuit {} touch {} ({})", mailbox.id(), draft.pursuitId(),
                draft.step(), view == null ? "no longer tracked" : view.state().name().toLowerCase(java.util.Locale.ROOT));
        return true;
    }

    /** Intent first, then the APPEND, then the outcome: a crash in between is healed by the listing of Tickler's drafts. */
    void place(ImapMailbox imap, Draft draft) throws MailboxException {
        drafts.recordIntent(draft.messageId(), draft.pursuitId(), mailbox.id(), draft.step(), draft.action().name(),
                draft.contentHash(), clock.instant());
        if (listed == null) {
            // One listing of Tickler's drafts for all of this pass's placements (reconciling's, when it listed), instead
            // of opening Drafts and searching it for each draft: a first sync may place hundreds, and over a link with
            // latency each search cost several round trips. A draft's Message-ID is never reused (a replacement gets a
            // new attempt number), so what this pass places need not be added.
            listed = imap.ownDrafts();
        }
        String folder;
        if (listed.containsKey(draft.messageId())) {
            folder = imap.draftsFolder();
            // Placed by an earlier pass whose outcome was lost: its text, not this pass's, is what the rep sees.
            drafts.updateHash(draft.messageId(), listed.get(draft.messageId()));
            log.info("Mailbox {}: draft for pursuit {} step {} was already in Drafts", mailbox.id(), draft.pursuitId(), draft.step());
        } else {
            folder = imap.place(draft);
            log.info("Mailbox {}: placed {} draft for pursuit {} (touch {}) in {}", mailbox.id(),
                    draft.action().label(), draft.pursuitId(), draft.step(), folder);
        }
        drafts.markPlaced(draft.messageId(), folder, clock.instant());
    }
}
