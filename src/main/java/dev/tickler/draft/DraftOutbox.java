package dev.tickler.draft;

import dev.tickler.mail.MailboxException;

/**
 * Places Tickler's drafts where the rep will see them (the Drafts folder). Implementations write
 * only Tickler's own messages.
 */
public interface DraftOutbox extends AutoCloseable {

    /** True when the drafts folder already holds a message with this Message-ID. */
    boolean contains(String messageId) throws MailboxException;

    /** The name of the folder drafts go to. */
    String draftsFolder() throws MailboxException;

    /** Places the draft; returns the name of the folder it went to. */
    String place(Draft draft) throws MailboxException;

    @Override
    void close();
}
