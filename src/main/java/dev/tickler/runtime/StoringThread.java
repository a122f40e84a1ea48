package dev.tickler.runtime;

import dev.tickler.mail.FolderBatch;
import dev.tickler.mail.MailboxSource;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each batch read from the server to another thread that classifies and stores it, so the
 * reader fetches the next batch meanwhile (on a first sync of a large mailbox, reading and storing
 * each took about half the time). Batches are stored one at a time and in the order read, each in its
 * own transaction with its cursor, exactly as before; at most {@value #WAITING} wait, which bounds the
 * heap. A failure while storing is thrown to the reader at its next batch, or by {@link #drain()}.
 */
final class StoringThread implements MailboxSource.BatchSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoringThread.class);
    private static final int WAITING = 2;

    private final MailboxSource.BatchSink target;
    private final ExecutorService executor;
    private final Semaphore room = new Semaphore(WAITING);
    private volatile Throwable failure;

    StoringThread(String mailboxId, MailboxSource.BatchSink target) {
        this.target = target;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tickler-store-" + mailboxId);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void accept(FolderBatch batch) {
        rethrowFailure();
        room.acquireUninterruptibly();
        executor.execute(() -> {
            try {
                if (failure == null) {
                    target.accept(batch); // after a failure, later batches are not stored (their cursor would skip it)
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every batch handed over so far is stored; throws what storing one of them threw. */
    void drain() {
        awaitStored();
        rethrowFailure();
    }

    /** Waits until every batch handed over so far is stored, without throwing (for a reader that must go on). */
    void awaitStored() {
        Future<?> marker = executor.submit(() -> { });
        boolean interrupted = false;
        while (true) {
            try {
                marker.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break; // the marker does nothing
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** Lets the batches already handed over be stored (as they would have been before the reader failed), then stops. */
    @Override
    public void close() {
        awaitStored();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("Storing thread did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
