package dev.tickler.store;

/** The embedded database is held by another Tickler process (the daemon, most often): one process's at a time. */
public final class StoreInUseException extends StoreException {
    public StoreInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
