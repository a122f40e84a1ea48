package dev.tickler.store;

/** The state database failed. Unlike a mailbox failure, this stops the pass: nothing can be recorded. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
