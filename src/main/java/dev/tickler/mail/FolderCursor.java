package dev.tickler.mail;

/**
 * How far a folder has been read: the highest UID seen under one UIDVALIDITY. When the server's
 * UIDVALIDITY differs, the cursor no longer means anything and the folder is read again.
 */
public record FolderCursor(long uidValidity, long lastUid) {
    public static final FolderCursor START = new FolderCursor(0, 0);
}
