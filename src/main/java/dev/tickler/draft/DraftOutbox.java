package dev.tickler.draft;

import dev.tickler.mail.MailboxException;

/**
 * Places Tickler's drafts where the rep will see them (the Drafts folder). Implementations write
 * only Tickler's own messages.
 */
public interface DraftOutbox extends AutoCloseable {

    /**
     * Tickler's own drafts now in the drafts folder: Message-ID → {@link Draft#contentHash(String)} of
     * their text as it is now (different from when placed when the rep edited it).
     */
    java.util.Map<String, String> ownDrafts() throws MailboxException;

    /** Removes one of Tickler's own drafts (and only that message); false when it is no longer there. */
    boolean remove(String messageId) throws MailboxException;

    /** The name of the folder drafts go to. */
    String draftsFolder() throws MailboxException;

    /** Places the draft; returns the name of the folder it went to. */
    String place(Draft draft) throws MailboxException;

    @Override
    void close();
}
