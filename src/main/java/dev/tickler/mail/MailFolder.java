package dev.tickler.mail;

/** A folder of the rep's mailbox Tickler reads or writes, and why. */
public record MailFolder(String name, FolderRole role) {
}
