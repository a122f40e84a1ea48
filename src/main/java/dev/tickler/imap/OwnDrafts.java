package dev.tickler.imap;

import dev.tickler.draft.Draft;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MailEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickler's own drafts in one mailbox's Drafts folder as last seen, and how to bring that up to date.
 * Kept across passes of one process so that a QRESYNC server (RFC 7162) is asked only what changed:
 * the UIDs that vanished since the remembered HIGHESTMODSEQ (VANISHED (EARLIER)), and the messages
 * appended after the remembered last UID. An unchanged Drafts folder then costs one SELECT. Without
 * QRESYNC, for a folder without mod-sequences (NOMODSEQ), after a new UIDVALIDITY or another Drafts
 * folder, or after a failed listing ({@link #forget}), Drafts is listed in full: a SEARCH for Tickler's
 * Message-IDs, as on every first pass of a process. Not thread-safe: one pass at a time uses a mailbox
 * (the daemon's per-mailbox guard hands it from one pass's thread to the next).
 */
public final class OwnDrafts {

    private static final Logger log = LoggerFactory.getLogger(OwnDrafts.class);

    /** Tickler's drafts carry Message-IDs starting so (see DraftComposer.messageId). */
    static final String ID_PREFIX = "<tickler-";

    /** One of Tickler's drafts as found in Drafts. */
    record Found(String messageId, String contentHash) {
    }

    private String folder;
    private long uidValidity = -1;
    private long highestModSeq;
    private long lastUid;
    private final TreeMap<Long, Found> byUid = new TreeMap<>();
    private int fullListings;

    /**
     * Opens {@code drafts} (named {@code name}, closed; the caller closes it) read-only, brings what is remembered
     * up to date, in full or by what changed, and returns Message-ID → content hash; of two copies with one
     * Message-ID, the later one (higher UID).
     */
    Map<String, String> refresh(IMAPFolder drafts, String name, boolean qresync, String mailboxId) throws MessagingException {
        boolean resync = qresync && uidValidity > 0 && name.equals(folder);
        List<MailEvent> changes = null;
        if (resync) {
            // A server whose UIDVALIDITY is no longer the remembered one ignores these and reports nothing.
            changes = drafts.open(Folder.READ_ONLY, new ResyncData(uidValidity, highestModSeq));
        } else {
            drafts.open(Folder.READ_ONLY, qresync ? ResyncData.CONDSTORE : null);
        }
        if (resync && uidValidity == drafts.getUIDValidity() && drafts.getHighestModSeq() > 0) {
            followChanges(drafts, changes == null ? List.of() : changes, mailboxId); // none when nothing changed
        } else {
            listInFull(drafts, name, qresync);
        }
        Map<String, String> out = new LinkedHashMap<>();
        byUid.values().forEach(f -> out.put(f.messageId(), f.contentHash()));
        return out;
    }

    private void followChanges(IMAPFolder drafts, List<MailEvent> changes, String mailboxId) throws MessagingException {
        long modSeq = drafts.getHighestModSeq();
        long[] vanished = changes.stream().filter(e -> e instanceof MessageVanishedEvent)
                .flatMapToLong(e -> java.util.Arrays.stream(((MessageVanishedEvent) e).getUIDs())).toArray();
        long nowLastUid = drafts.getUIDNext() - 1;
        Map<Long, Found> appended = modSeq != highestModSeq && nowLastUid > lastUid
                ? describe(drafts, drafts.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID)) : Map.of();
        for (long uid : vanished) {
            byUid.remove(uid);
        }
        // Flags changed since: a draft marked \Deleted (Outlook, Thunderbird's "mark as deleted") is gone for the rep;
        // one undeleted is looked at again.
        List<Message> recheck = new ArrayList<>();
        for (MailEvent e : changes) {
            if (e instanceof jakarta.mail.event.MessageChangedEvent changed && !changed.getMessage().isExpunged()) {
                Message m = changed.getMessage();
                long uid = drafts.getUID(m);
                if (m.isSet(Flags.Flag.DELETED)) {
                    byUid.remove(uid);
                } else if (uid <= lastUid && !byUid.containsKey(uid)) {
                    recheck.add(m);
                }
            }
        }
        byUid.putAll(describe(drafts, recheck.toArray(new Message[0])));
        byUid.putAll(appended);
        highestModSeq = modSeq;
        lastUid = Math.max(lastUid, nowLastUid);
        log.debug("Mailbox {}: Drafts followed by QRESYNC: {} vanished, {} of Tickler's appended", mailboxId, vanished.length,
                appended.size());
    }

    /**
     * Finds Tickler's drafts in Drafts and remembers them with the folder's state as the SELECT reported it (read first:
     * what changes during the listing is then reported again next time, never lost). The Message-IDs are compared here,
     * from every draft's envelope, not by the server's SEARCH: Gmail and Exchange match words, not substrings, and
     * Gmail's index lags behind a fresh APPEND, so a search can miss drafts that are there (which would count them as
     * deleted by the rep). Drafts holds tens of messages, rarely thousands: one FETCH of their envelopes.
     */
    private void listInFull(IMAPFolder drafts, String name, boolean qresync) throws MessagingException {
        long validity = drafts.getUIDValidity();
        long modSeq = qresync ? drafts.getHighestModSeq() : 0;
        long last = qresync ? drafts.getUIDNext() - 1 : 0;
        Map<Long, Found> found = describe(drafts, withMessageId(drafts, id -> id.startsWith(ID_PREFIX)).toArray(new Message[0]));
        boolean followable = qresync && modSeq > 0 && last >= 0;
        folder = name;
        uidValidity = followable ? validity : -1;
        highestModSeq = modSeq;
        lastUid = last;
        byUid.clear();
        byUid.putAll(found);
        fullListings++;
    }

    /**
     * The messages of the open {@code folder} whose Message-ID matches, compared here from one FETCH of every envelope
     * (see {@link #listInFull} for why not by the server's SEARCH).
     */
    static List<Message> withMessageId(IMAPFolder folder, java.util.function.Predicate<String> wanted) throws MessagingException {
        Message[] all = folder.getMessages();
        FetchProfile envelopes = new FetchProfile();
        envelopes.add(FetchProfile.Item.ENVELOPE);
        envelopes.add(FetchProfile.Item.FLAGS);
        folder.fetch(all, envelopes);
        List<Message> out = new ArrayList<>();
        for (Message m : all) {
            if (!m.isExpunged()) {
                String id = ((jakarta.mail.internet.MimeMessage) m).getMessageID();
                if (id != null && wanted.test(id)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** Tickler's drafts among {@code candidates}: UID → Message-ID and the hash of the text. */
    private static Map<Long, Found> describe(IMAPFolder drafts, Message[] candidates) throws MessagingException {
        FetchProfile fp = new FetchProfile();
        fp.add(FetchProfile.Item.ENVELOPE);
        fp.add(FetchProfile.Item.CONTENT_INFO);
        fp.add(UIDFolder.FetchProfileItem.UID);
        fp.add(FetchProfile.Item.FLAGS);
        if (candidates.length == 0) {
            return Map.of();
        }
        drafts.fetch(candidates, fp);
        Map<Long, String> ids = new HashMap<>();
        Map<Long, BodyFetcher.TextPart> parts = new HashMap<>();
        for (Message m : candidates) {
            if (m == null || m.isExpunged() || m.isSet(Flags.Flag.DELETED)) {
                continue; // a draft marked \Deleted is one the rep deleted, or Tickler retracted without UIDPLUS
            }
            String id = ((jakarta.mail.internet.MimeMessage) m).getMessageID();
            if (id != null && id.startsWith(ID_PREFIX)) {
                long uid = drafts.getUID(m);
                ids.put(uid, id);
                BodyFetcher.locate(m).ifPresent(part -> parts.put(uid, part));
            }
        }
        // Their texts in one FETCH per body section, to compare with what was placed.
        Map<Long, byte[]> raw = new HashMap<>();
        for (Map.Entry<String, List<Long>> group : BodyFetcher.bySection(parts).entrySet()) {
            raw.putAll(BodyFetcher.fetch(drafts, group.getKey(), group.getValue()));
        }
        Map<Long, Found> own = new HashMap<>();
        ids.forEach((uid, id) -> {
            String text = raw.containsKey(uid) ? BodyFetcher.decode(raw.get(uid), parts.get(uid), new ArrayList<>()) : null;
            own.put(uid, new Found(id, Draft.contentHash(text == null ? "" : text)));
        });
        return own;
    }

    /** Forgets everything: the next listing is a full one. */
    void forget() {
        uidValidity = -1;
        byUid.clear();
    }

    /** How many times Drafts was listed in full (for tests and logs). */
    public int fullListings() {
        return fullListings;
    }
}
