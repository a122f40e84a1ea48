package dev.tickler.runtime;

import dev.tickler.draft.Draft;
import dev.tickler.mail.MailboxException;
import java.util.List;

/**
 * What one pass over one mailbox did.
 *
 * @param messagesRead  new messages read and stored
 * @param skipped       messages that could not be read at all (recorded in skipped_message)
 * @param withDefects   messages read despite a defect (no Date, broken structure, unknown charset)
 * @param unchangedFolders folders the server proved unchanged (CONDSTORE): one STATUS, no FETCH
 * @param placed        drafts written to Drafts in this pass (or that would be, in a dry run)
 * @param retracted     Message-IDs of unsent drafts Tickler removed because the pursuit no longer needs them
 * @param dismissed     drafts the rep deleted unsent, noticed in this pass
 * @param illegalTransitions pursuit moves the state table forbids (a bug; always 0)
 * @param failure       why the pass stopped early, or null
 */
public record PassReport(String mailboxId, int messagesRead, int skipped, int withDefects, int unchangedFolders,
                         List<PursuitView> pursuits,
                         List<Draft> placed, List<String> retracted, int dismissed, int illegalTransitions, Failure failure) {

    /** A mailbox failure with its kind, for backoff and the exit code. */
    public record Failure(MailboxException.Kind kind, String message) {
    }

    public PassReport {
        pursuits = List.copyOf(pursuits);
        placed = List.copyOf(placed);
        retracted = List.copyOf(retracted);
    }

    public boolean failed() {
        return failure != null;
    }
}
