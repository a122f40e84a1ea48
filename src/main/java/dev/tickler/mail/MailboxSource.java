package dev.tickler.mail;

import java.util.List;

/**
 * Reads one rep's mailbox. Implementations never change the rep's existing messages: no flag
 * changes, no moves, no deletes.
 */
public interface MailboxSource extends AutoCloseable {

    /** Receives each batch; the caller stores the batch and its cursor together. */
    @FunctionalInterface
    interface BatchSink {
        void accept(FolderBatch batch);
    }

    /**
     * Decides, per message, how much beyond its outline (envelope and structure, which an IMAP server
     * answers from its index) is worth reading: the rest costs the server a read of the message file.
     */
    interface ReadPolicy {
        /**
         * Whether the header fields beyond the envelope (threading, automatic-reply markers, Date) are
         * worth reading: for mail that can matter to a pursuit. Asked with the outline; a message read
         * in outline stays {@link MailMessage#outline()}.
         */
        boolean wantsDetail(MailMessage outline);

        /**
         * Whether the body text is worth reading. Asked first with the outline (a yes is fetched in the
         * same command as the header fields), then again once the header fields are known.
         */
        boolean wantsBody(MailMessage message);

        /**
         * Mail dated before this is too old to matter to any pursuit still followed up: it is passed over,
         * neither classified nor stored, unless it carries an invitation (a series set up long ago may hold
         * meetings now). A source may tell such mail from what the server recorded of its arrival and fetch
         * no more than its structure. Null, the default: everything is kept.
         */
        default java.time.Instant oldestKept() {
            return null;
        }

        /** Whether a message is kept at all, asked with its outline (see {@link #oldestKept}). */
        default boolean keeps(MailMessage outline) {
            java.time.Instant oldest = oldestKept();
            return oldest == null || !outline.sentAt().isBefore(oldest);
        }
    }

    /** The folders to read (Sent, INBOX, ...), found by SPECIAL-USE, configuration, or well-known names. */
    List<MailFolder> foldersToRead() throws MailboxException;

    /**
     * Reads the messages of {@code folder} after {@code cursor}, in batches of at most {@code batchSize},
     * handing each to {@code sink} before reading the next. When the folder's UIDVALIDITY is not the
     * cursor's, reading starts from the beginning and the first batch carries the new UIDVALIDITY.
     *
     * @return false when the server proves the folder unchanged since the cursor (CONDSTORE: same
     *         UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ, not even a flag changed); nothing was fetched
     */
    boolean readSince(MailFolder folder, FolderCursor cursor, int batchSize, ReadPolicy policy, BatchSink sink)
            throws MailboxException;

    /**
     * Reads the messages with these UIDs again, as {@code policy} now asks (messages read in outline
     * before that concern the rep's mail after all), handing them to {@code sink} in batches that
     * carry {@code cursor} unchanged. Does nothing when the folder's UIDVALIDITY is no longer the
     * cursor's (the folder is being read again anyway); UIDs no longer there are passed over.
     */
    void readAgain(MailFolder folder, FolderCursor cursor, java.util.Collection<Long> uids, int batchSize, ReadPolicy policy,
                   BatchSink sink) throws MailboxException;

    /**
     * Which of {@code keywords} (IMAP keywords like {@code $TicklerProposal}) each message in {@code folder}
     * carries, by UID: one SEARCH and one FETCH FLAGS, asked every pass because the rep may tag an
     * old message at any time.
     */
    java.util.Map<Long, java.util.Set<String>> keywords(MailFolder folder, java.util.List<String> keywords) throws MailboxException;

    /** Which of {@code uids} no longer exist in {@code folder} (the rep deleted them): one UID FETCH. */
    java.util.Set<Long> missing(MailFolder folder, java.util.Set<Long> uids) throws MailboxException;

    @Override
    void close();
}
