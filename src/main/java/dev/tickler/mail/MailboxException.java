package dev.tickler.mail;

/**
 * A mailbox could not be used. {@link Kind#TRANSIENT} failures (network, timeouts, server busy)
 * are retried with backoff; {@link Kind#PERMANENT} ones (bad password, missing folder) need a
 * person, so the mailbox is parked and retried slowly. The message names mailbox and folder, never
 * a message body.
 */
public class MailboxException extends Exception {

    public enum Kind { TRANSIENT, PERMANENT }

    private final Kind kind;

    public MailboxException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
