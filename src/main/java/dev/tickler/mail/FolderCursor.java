package dev.tickler.mail;

/**
 * How far a folder has been read: the highest UID seen under one UIDVALIDITY, and, on servers with
 * CONDSTORE, the folder's HIGHESTMODSEQ then (0 when unknown). When the server's UIDVALIDITY
 * differs, the cursor no longer means anything and the folder is read again.
 */
public record FolderCursor(long uidValidity, long lastUid, long highestModSeq) {
    public static final FolderCursor START = new FolderCursor(0, 0, 0);

    public FolderCursor(long uidValidity, long lastUid) {
        this(uidValidity, lastUid, 0);
    }
}
