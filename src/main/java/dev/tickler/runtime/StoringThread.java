package dev.tickler.runtime;

import dev.tickler.mail.FolderBatch;
import dev.tickler.mail.MailboxSource;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each batch read from the server to two more threads: one prepares it (classifies it), the next
 * stores it, so the reader fetches the next batch meanwhile. On a first sync of a large mailbox reading,
 * classifying and storing each took a third to a half of the time, and with the service's C1-only JVM a
 * 2-core machine has the CPU to do them at once. Batches are stored one at a time and in the order read,
 * each in its own transaction with its cursor, exactly as before; at most {@value #IN_FLIGHT} are between
 * the reader and the store, which bounds the heap. A failure in either stage is thrown to the reader at its
 * next batch, or by {@link #drain()}; the batches before the failed one are still stored, those after it are
 * not (their cursor would skip it).
 *
 * @param <T> what the first stage makes of a batch for the second
 */
final class StoringThread<T> implements MailboxSource.BatchSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoringThread.class);
    private static final int IN_FLIGHT = 3;

    private final Function<FolderBatch, T> prepare;
    private final Consumer<T> store;
    private final ExecutorService preparing;
    private final ExecutorService storing;
    private final Semaphore room = new Semaphore(IN_FLIGHT);
    private volatile Throwable failure;
    /** The number of the first batch that failed: those before it are still stored, those after are not. */
    private volatile long failedBatch = Long.MAX_VALUE;
    private long handedOver; // the reader's count of batches

    StoringThread(String mailboxId, Function<FolderBatch, T> prepare, Consumer<T> store) {
        this.prepare = prepare;
        this.store = store;
        this.preparing = Executors.newSingleThreadExecutor(r -> thread(r, "tickler-classify-" + mailboxId));
        this.storing = Executors.newSingleThreadExecutor(r -> thread(r, "tickler-store-" + mailboxId));
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void accept(FolderBatch batch) {
        rethrowFailure();
        room.acquireUninterruptibly();
        long number = handedOver++;
        preparing.execute(() -> {
            T prepared;
            try {
                if (failure != null) { // a batch before this one failed
                    room.release();
                    return;
                }
                prepared = prepare.apply(batch);
            } catch (RuntimeException | Error e) {
                fail(e, number);
                room.release();
                return;
            }
            storing.execute(() -> {
                try {
                    if (number < failedBatch) {
                        store.accept(prepared);
                    }
                } catch (RuntimeException | Error e) {
                    fail(e, number);
                } finally {
                    room.release();
                }
            });
        });
    }

    private synchronized void fail(Throwable e, long number) {
        if (number < failedBatch) {
            failedBatch = number;
            failure = e;
        }
    }

    /** Waits until every batch handed over so far is stored; throws what preparing or storing one of them threw. */
    void drain() {
        awaitStored();
        rethrowFailure();
    }

    /** Waits until every batch handed over so far is stored, without throwing (for a reader that must go on). */
    void awaitStored() {
        // The preparing thread hands each batch on before it takes the next: once it is through, so is the handing on.
        await(preparing);
        await(storing);
    }

    private static void await(ExecutorService executor) {
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
        for (ExecutorService executor : new ExecutorService[] {preparing, storing}) {
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
}
