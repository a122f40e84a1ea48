package dev.tickler.mail;

/** Why Tickler reads a folder. */
public enum FolderRole {
    /** The rep's sent mail: proposals and touches. */
    SENT,
    /** Where answers, auto-replies and bounces arrive. */
    INBOX,
    /** The rep's drafts: where Tickler places its own messages. */
    DRAFTS
}
