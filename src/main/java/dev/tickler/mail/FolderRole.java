package dev.tickler.mail;

/** Why Tickler reads a folder. */
public enum FolderRole {
    /** The rep's sent mail: proposals and touches. */
    SENT,
    /** Where answers, auto-replies and bounces arrive. */
    INBOX,
    /** Another folder where answers (or the rep's mail) may be filed: Archive, [Gmail]/All Mail... */
    OTHER,
    /** The rep's drafts: where Tickler places its own messages. */
    DRAFTS
}
