package dev.tickler.imap;

import dev.tickler.draft.Draft;
import dev.tickler.draft.DraftOutbox;
import dev.tickler.mail.FolderCursor;
import dev.tickler.mail.FolderBatch;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailFolder;
import dev.tickler.mail.MailboxException;
import dev.tickler.mail.MailboxSource;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rep's IMAP account: reads Sent and INBOX incrementally by UID, and appends Tickler's drafts to
 * Drafts. The rep's own messages are only ever read, from folders opened read-only (EXAMINE) with
 * BODY.PEEK, so no flag of theirs changes.
 */
public final class ImapMailbox implements MailboxSource, DraftOutbox {

    private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);

    private final String mailboxId;
    private final ImapSettings settings;
    private final Store store;
    private final Clock clock;
    private final OwnDrafts ownDrafts;
    private FolderLocator folders;
    private String draftsFolder;

    private ImapMailbox(String mailboxId, ImapSettings settings, Store store, Clock clock, OwnDrafts ownDrafts) {
        this.mailboxId = mailboxId;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.ownDrafts = ownDrafts;
    }

    /** Connects and logs in, with nothing remembered of Drafts from an earlier pass. */
    public static ImapMailbox connect(String mailboxId, ImapSettings settings, Clock clock) throws MailboxException {
        return connect(mailboxId, settings, clock, new OwnDrafts());
    }

    /**
     * Connects and logs in; a wrong password is permanent, an unreachable server transient. {@code ownDrafts} is
     * what earlier passes of this process saw in Drafts (see {@link OwnDrafts}).
     */
    public static ImapMailbox connect(String mailboxId, ImapSettings settings, Clock clock, OwnDrafts ownDrafts)
            throws MailboxException {
        try {
            Store store = ImapSessions.create(settings).getStore(ImapSessions.protocol(settings));
            String secret;
            try {
                secret = settings.password().get();
            } catch (RuntimeException e) { // a token command that failed
                throw new MailboxException(MailboxException.Kind.TRANSIENT, "mailbox " + mailboxId + ": " + e.getMessage(), e);
            }
            store.connect(settings.host(), settings.port(), settings.username(), secret);
            return new ImapMailbox(mailboxId, settings, store, clock, ownDrafts);
        } catch (IllegalArgumentException e) { // an unusable trust store
            throw new MailboxException(MailboxException.Kind.PERMANENT, "mailbox " + mailboxId + ": " + e.getMessage(), e);
        } catch (AuthenticationFailedException e) {
            if (FailureText.temporaryRefusal(e)) {
                throw new MailboxException(MailboxException.Kind.TRANSIENT, "mailbox " + mailboxId + ": login to "
                        + settings.host() + ":" + settings.port() + " refused for now (" + FailureText.oneLine(e) + ")", e);
            }
            throw new MailboxException(MailboxException.Kind.PERMANENT, "mailbox " + mailboxId + ": login to "
                    + settings.host() + ":" + settings.port() + " failed (" + FailureText.oneLine(e) + "); check imap.username and imap.password", e);
        } catch (MessagingException e) {
            throw new MailboxException(MailboxException.Kind.TRANSIENT, "mailbox " + mailboxId + ": can't connect to "
                    + settings.host() + ":" + settings.port() + " (" + FailureText.oneLine(e) + ")", e);
        }
    }

    @Override
    public List<MailFolder> foldersToRead() throws MailboxException {
        try {
            List<MailFolder> folders = new ArrayList<>();
            for (String sent : locator().sent(settings.sentFolder())) {
                folders.add(new MailFolder(sent, FolderRole.SENT));
            }
            folders.add(new MailFolder("INBOX", FolderRole.INBOX));
            for (String extra : settings.scanFolders()) {
                String name = locator().existing(extra, "imap.folders.scan");
                if (name.equals(drafts())) {
                    throw new MailboxException(MailboxException.Kind.PERMANENT, "mailbox " + mailboxId + ": imap.folders.scan lists the"
                            + " Drafts folder \"" + name + "\"; unsent drafts are not mail anyone has sent", null);
                }
                if (folders.stream().noneMatch(f -> f.name().equals(name))) { // a Sent folder or INBOX listed again: read once
                    folders.add(new MailFolder(name, FolderRole.OTHER));
                }
            }
            return folders;
        } catch (MessagingException e) {
            throw transientFailure("listing folders", e);
        }
    }

    @Override
    public boolean readSince(MailFolder mailFolder, FolderCursor cursor, int batchSize, ReadPolicy policy, BatchSink sink)
            throws MailboxException {
        IMAPFolder folder = null;
        try {
            folder = (IMAPFolder) store.getFolder(mailFolder.name());
            long modSeq = 0;
            org.eclipse.angus.mail.imap.protocol.Status status = null;
            if (condstore()) {
                status = status(folder);
                boolean unchanged = cursor.highestModSeq() > 0 && status.uidvalidity == cursor.uidValidity()
                        && status.uidnext > 0 && status.uidnext <= cursor.lastUid() + 1 && status.highestmodseq == cursor.highestModSeq();
                if (unchanged) {
                    return false; // one STATUS, no SELECT, no FETCH
                }
                modSeq = Math.max(status.highestmodseq, 0);
            }
            folder.open(Folder.READ_ONLY);
            long uidValidity = folder.getUIDValidity();
            boolean sameValidity = cursor.uidValidity() == uidValidity;
            if (!sameValidity && cursor.uidValidity() != 0) {
                log.warn("Mailbox {} folder {}: UIDVALIDITY changed from {} to {}; reading the folder again",
                        mailboxId, mailFolder.name(), cursor.uidValidity(), uidValidity);
            }
            long start = sameValidity ? cursor.lastUid() + 1 : 1;
            List<Long> fresh = OutlineFetch.uidsFrom(folder, start);
            java.util.Set<Long> longAgo = fresh.isEmpty() || policy.oldestKept() == null ? java.util.Set.of()
                    : new java.util.HashSet<>(OutlineFetch.receivedBefore(folder, start, receivedLongBefore(policy.oldestKept())));
            long lastUid = sameValidity ? cursor.lastUid() : 0;
            lastUid = Math.max(lastUid, BatchReader.readAll(mailboxId, folder, mailFolder, uidValidity, fresh, longAgo, batchSize, policy,
                    sink));
            if (status != null && status.uidvalidity == uidValidity && status.uidnext > 0) {
                // Every UID below the UIDNEXT reported before the search was read or is gone (mail expunged before any pass
                // saw it); later mail gets higher UIDs. Without this, such a gap kept STATUS from proving the folder
                // unchanged until newer mail was read.
                lastUid = Math.max(lastUid, status.uidnext - 1);
            }
            // The closing cursor: the new UIDVALIDITY even for an empty folder, and the HIGHESTMODSEQ read
            // before the fetch (anything changed since is seen next time, its modseq being higher).
            sink.accept(new FolderBatch(mailFolder.name(), mailFolder.role(), new FolderCursor(uidValidity, lastUid, modSeq),
                    List.of(), List.of()));
            return true;
        } catch (FolderNotFoundException e) {
            throw new MailboxException(MailboxException.Kind.PERMANENT,
                    "mailbox " + mailboxId + ": folder " + mailFolder.name() + " does not exist", e);
        } catch (MessagingException e) {
            throw transientFailure("reading " + mailFolder.name(), e);
        } finally {
            closeQuietly(folder);
        }
    }

    /**
     * The day before which the server's arrival time proves a message older than {@code oldest}: two days
     * earlier, for SEARCH's whole days in the server's own timezone and for a sender's clock that runs fast.
     */
    static java.time.LocalDate receivedLongBefore(java.time.Instant oldest) {
        return oldest.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(2);
    }

    @Override
    public void readAgain(MailFolder mailFolder, FolderCursor cursor, java.util.Collection<Long> uids, int batchSize, ReadPolicy policy,
                          BatchSink sink) throws MailboxException {
        if (uids.isEmpty()) {
            return;
        }
        inFolder(mailFolder.name(), Folder.READ_ONLY, "reading " + mailFolder.name() + " again", folder -> {
            if (cursor.uidValidity() != 0 && folder.getUIDValidity() != cursor.uidValidity()) {
                return null; // the folder is read again from the start anyway
            }
            // UIDs no longer in the folder are simply not answered.
            // The cursor stays where it is: these are messages behind it.
            BatchReader.readAll(mailboxId, folder, mailFolder, cursor.uidValidity(), uids.stream().sorted().distinct().toList(),
                    java.util.Set.of(), batchSize, policy, batch -> sink.accept(
                            new FolderBatch(batch.folder(), batch.role(), cursor, batch.messages(), batch.skipped(), batch.passedOver())));
            return null;
        });
    }

    /** Work done in one opened folder; the folder is closed afterwards whatever happens. */
    @FunctionalInterface
    private interface FolderWork<T> {
        T run(IMAPFolder folder) throws MessagingException;
    }

    private <T> T inFolder(String name, int mode, String doing, FolderWork<T> work) throws MailboxException {
        IMAPFolder folder = null;
        try {
            folder = (IMAPFolder) store.getFolder(name);
            folder.open(mode);
            return work.run(folder);
        } catch (MessagingException | RuntimeException e) { // Angus fails some server responses with a runtime exception
            throw transientFailure(doing, e);
        } finally {
            closeQuietly(folder);
        }
    }

    @Override
    public java.util.Set<Long> missing(MailFolder mailFolder, java.util.Set<Long> uids) throws MailboxException {
        if (uids.isEmpty()) {
            return java.util.Set.of();
        }
        return inFolder(mailFolder.name(), Folder.READ_ONLY, "checking " + mailFolder.name() + " for deleted messages", folder -> {
            long[] asked = uids.stream().mapToLong(Long::longValue).sorted().toArray();
            Message[] found = folder.getMessagesByUID(asked);
            java.util.Set<Long> gone = new java.util.HashSet<>();
            for (int i = 0; i < asked.length; i++) {
                if (found[i] == null) {
                    gone.add(asked[i]);
                }
            }
            return gone;
        });
    }

    private boolean condstore() throws MessagingException {
        return store instanceof org.eclipse.angus.mail.imap.IMAPStore imap && imap.hasCapability("CONDSTORE");
    }

    /** STATUS folder (UIDNEXT UIDVALIDITY HIGHESTMODSEQ): one round trip, no SELECT. */
    private static org.eclipse.angus.mail.imap.protocol.Status status(IMAPFolder folder) throws MessagingException {
        return (org.eclipse.angus.mail.imap.protocol.Status) folder.doCommand(protocol ->
                protocol.status(folder.getFullName(), new String[] {"UIDNEXT", "UIDVALIDITY", "HIGHESTMODSEQ"}));
    }

    @Override
    public java.util.Map<Long, java.util.Set<String>> keywords(MailFolder mailFolder, List<String> keywords)
            throws MailboxException {
        return inFolder(mailFolder.name(), Folder.READ_ONLY, "searching " + mailFolder.name() + " for Tickler keywords", folder -> {
            jakarta.mail.search.SearchTerm[] terms = keywords.stream()
                    .map(k -> new jakarta.mail.search.FlagTerm(new Flags(k), true)).toArray(jakarta.mail.search.SearchTerm[]::new);
            Message[] tagged = folder.search(terms.length == 1 ? terms[0] : new jakarta.mail.search.OrTerm(terms));
            FetchProfile fp = new FetchProfile();
            fp.add(FetchProfile.Item.FLAGS);
            fp.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(tagged, fp);
            java.util.Map<Long, java.util.Set<String>> out = new java.util.HashMap<>();
            for (Message m : tagged) {
                java.util.Set<String> found = new java.util.HashSet<>();
                for (String flag : m.getFlags().getUserFlags()) {
                    keywords.stream().filter(k -> k.equalsIgnoreCase(flag)).forEach(found::add);
                }
                if (!found.isEmpty()) {
                    out.put(folder.getUID(m), found);
                }
            }
            return out;
        });
    }

    /**
     * Tickler's drafts in Drafts, by Message-ID, with the hash of their text (to tell an edited one); on a
     * QRESYNC server only what changed since the last pass is asked (see {@link OwnDrafts}).
     */
    @Override
    public java.util.Map<String, String> ownDrafts() throws MailboxException {
        IMAPFolder folder = null;
        try {
            String name = draftsFolder();
            folder = (IMAPFolder) store.getFolder(name);
            boolean qresync = store instanceof org.eclipse.angus.mail.imap.IMAPStore imap && imap.hasCapability("QRESYNC");
            return ownDrafts.refresh(folder, name, qresync, mailboxId);
        } catch (MessagingException | RuntimeException e) { // Angus fails some server responses with a runtime exception
            ownDrafts.forget(); // whatever happened half-way, the next listing starts over
            throw transientFailure("listing Tickler's drafts", e);
        } finally {
            closeQuietly(folder);
        }
    }

    @Override
    public boolean remove(String messageId) throws MailboxException {
        if (!messageId.startsWith(OwnDrafts.ID_PREFIX)) {
            throw new IllegalArgumentException("Tickler removes only its own drafts, not " + messageId);
        }
        return inFolder(draftsFolder(), Folder.READ_WRITE, "removing a draft from Drafts", folder -> {
            List<Message> ours = OwnDrafts.withMessageId(folder, messageId::equals);
            if (ours.isEmpty()) {
                return false;
            }
            Message[] doomed = ours.toArray(new Message[0]);
            folder.setFlags(doomed, new Flags(Flags.Flag.DELETED), true);
            if (store instanceof org.eclipse.angus.mail.imap.IMAPStore imap && imap.hasCapability("UIDPLUS")) {
                // UID EXPUNGE: only these messages, never others the rep marked deleted. One UID at a time: on a
                // connection with QRESYNC enabled the server answers VANISHED, and Angus 2.0.5 fails on a VANISHED
                // of two or more UIDs (createMessagesForUIDs fills every second slot).
                for (Message m : doomed) {
                    folder.expunge(new Message[] {m});
                }
            } else {
                log.info("Mailbox {}: server lacks UIDPLUS; the retracted draft is marked deleted, your client expunges it",
                        mailboxId);
            }
            return true;
        });
    }

    /** Drafts, for APPEND (never opened). */
    private Folder appendTo;

    @Override
    public String place(Draft draft) throws MailboxException {
        try {
            String name = drafts();
            if (appendTo == null) {
                appendTo = store.getFolder(name); // kept: Angus checks a new Folder object exists with a LIST first
            }
            Folder folder = appendTo;
            Message message = DraftMessages.toMime(draft, clock.instant());
            message.setFlags(new Flags(Flags.Flag.DRAFT), true);
            message.setFlags(new Flags(Flags.Flag.SEEN), true);
            folder.appendMessages(new Message[] {message});
            return name;
        } catch (MessagingException e) {
            throw transientFailure("appending a draft to Drafts", e);
        }
    }

    @Override
    public String draftsFolder() throws MailboxException {
        try {
            return drafts();
        } catch (MessagingException e) {
            throw transientFailure("listing folders", e);
        }
    }

    private String drafts() throws MailboxException, MessagingException {
        if (draftsFolder == null) {
            draftsFolder = locator().drafts(settings.draftsFolder());
        }
        return draftsFolder;
    }

    private FolderLocator locator() throws MessagingException {
        if (folders == null) {
            folders = FolderLocator.list(store);
        }
        return folders;
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (MessagingException e) {
            log.debug("Mailbox {}: closing the IMAP connection failed: {}", mailboxId, e.getMessage());
        }
    }

    private MailboxException transientFailure(String doing, Exception e) {
        return new MailboxException(MailboxException.Kind.TRANSIENT, "mailbox " + mailboxId + ": " + doing
                + " failed (" + FailureText.oneLine(e) + ")", e);
    }

    private static void closeQuietly(Folder folder) {
        if (folder != null && folder.isOpen()) {
            try {
                folder.close(false);
            } catch (MessagingException e) {
                log.debug("closing folder failed: {}", e.getMessage());
            }
        }
    }
}
