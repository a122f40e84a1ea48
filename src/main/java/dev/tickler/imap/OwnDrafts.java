package dev.tickler.imap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Tickler last saw of its own drafts in one mailbox's Drafts folder, kept across passes of one
 * process so that a QRESYNC server (RFC 7162) is asked only what changed: the UIDs that vanished
 * since the remembered HIGHESTMODSEQ, and the messages appended after the remembered last UID. An
 * unchanged Drafts folder then costs one SELECT; without QRESYNC, or after a new UIDVALIDITY, Drafts
 * is listed in full (a SEARCH for Tickler's Message-IDs), as it is on every pass of a fresh process.
 * Not thread-safe: one pass at a time uses a mailbox (the daemon's per-mailbox guard hands it from one
 * pass's thread to the next).
 */
public final class OwnDrafts {

    /** One of Tickler's drafts as found in Drafts. */
    record Found(String messageId, String contentHash) {
    }

    private String folder;
    private long uidValidity = -1;
    private long highestModSeq;
    private long lastUid;
    private final TreeMap<Long, Found> byUid = new TreeMap<>();
    private int fullListings;

    /** The Drafts folder whose state is remembered (the folder found may change: a new SPECIAL-USE flag). */
    String folder() {
        return folder;
    }

    /** The UIDVALIDITY of what is remembered, or -1 when nothing is (the next listing is a full one). */
    long uidValidity() {
        return uidValidity;
    }

    long highestModSeq() {
        return highestModSeq;
    }

    long lastUid() {
        return lastUid;
    }

    /** After a full listing. */
    void reset(String folder, long uidValidity, long highestModSeq, long lastUid, Map<Long, Found> found) {
        this.folder = folder;
        this.uidValidity = uidValidity;
        this.highestModSeq = highestModSeq;
        this.lastUid = lastUid;
        byUid.clear();
        byUid.putAll(found);
        fullListings++;
    }

    /** After asking what changed: these UIDs vanished, these were appended, and the folder is now at this state. */
    void update(long[] vanished, Map<Long, Found> appended, long highestModSeq, long lastUid) {
        for (long uid : vanished) {
            byUid.remove(uid);
        }
        byUid.putAll(appended);
        this.highestModSeq = highestModSeq;
        this.lastUid = Math.max(this.lastUid, lastUid);
    }

    /** Forgets everything: the next listing is a full one. */
    void forget() {
        uidValidity = -1;
        byUid.clear();
    }

    /** Message-ID → content hash; of two copies with one Message-ID, the later one (higher UID). */
    Map<String, String> byMessageId() {
        Map<String, String> out = new LinkedHashMap<>();
        byUid.values().forEach(f -> out.put(f.messageId(), f.contentHash()));
        return out;
    }

    /** How many times Drafts was listed in full (for tests and logs). */
    public int fullListings() {
        return fullListings;
    }
}
