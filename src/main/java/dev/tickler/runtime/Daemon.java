package dev.tickler.runtime;

import dev.tickler.imap.IdleWatcher;
import dev.tickler.mail.MailboxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pass over every mailbox on an interval until stopped. Each mailbox is scheduled on its own:
 * a transient failure backs off exponentially (with jitter), a permanent one (bad password) parks the
 * mailbox and retries hourly, and neither delays any other mailbox. Tasks catch everything, so a
 * schedule never dies silently.
 */
public final class Daemon {

    private static final Logger log = LoggerFactory.getLogger(Daemon.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final Duration PARKED_RETRY = Duration.ofHours(1);

    private final Tickler tickler;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService executor;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicBoolean> busy = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicBoolean> again = new ConcurrentHashMap<>();
    private final List<IdleWatcher> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Duration idleRenew;

    public Daemon(Tickler tickler, Clock clock) {
        this(tickler, clock, IdleWatcher.RENEW);
    }

    /** @param idleRenew how often IDLE is renewed (tests shorten it) */
    Daemon(Tickler tickler, Clock clock, Duration idleRenew) {
        this.idleRenew = idleRenew;
        this.tickler = tickler;
        this.clock = clock;
        this.interval = tickler.config().pollInterval();
        int threads = Math.max(1, Math.min(4, tickler.mailboxIds().size()));
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "tickler-worker-" + n.incrementAndGet());
            t.setDaemon(false);
            return t;
        });
        // On shutdown, drop the passes scheduled for later; only the running ones finish.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    public void start() {
        List<String> ids = tickler.mailboxIds();
        log.info("Tickler daemon started: {} mailbox(es), every {}", ids.size(), interval);
        long stagger = 0;
        for (String id : ids) {
            busy.put(id, new java.util.concurrent.atomic.AtomicBoolean());
            again.put(id, new java.util.concurrent.atomic.AtomicBoolean());
            executor.schedule(() -> runOnce(id), stagger, TimeUnit.MILLISECONDS);
            stagger += 500; // spread logins a little
            if (tickler.idleEnabled(id)) {
                IdleWatcher watcher = new IdleWatcher(id, tickler.imapSettings(id), () -> triggerNow(id), idleRenew);
                watchers.add(watcher);
                watcher.start();
            }
        }
    }

    /** The periodic pass: runs, then schedules the next one (interval, backoff or parking). */
    private void runOnce(String mailboxId) {
        Duration next = pass(mailboxId);
        if (!executor.isShutdown()) {
            log.debug("Mailbox {}: next pass in {}", mailboxId, next);
            executor.schedule(() -> runOnce(mailboxId), next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * New mail pushed by IDLE: a pass now, outside the periodic schedule. Never two passes of one
     * mailbox at once: a trigger during a pass makes that pass run once more when it ends.
     */
    void triggerNow(String mailboxId) {
        if (busy.get(mailboxId).get()) {
            again.get(mailboxId).set(true); // acted on if the running pass succeeds
            return;
        }
        if (failures.containsKey(mailboxId)) {
            // Parked or backing off: its schedule retries it; new mail must not turn that into a pass per message.
            log.debug("Mailbox {}: new mail while failing; left to the next attempt", mailboxId);
            return;
        }
        if (!executor.isShutdown()) {
            executor.execute(() -> pass(mailboxId));
        }
    }

    /** Whether the mailbox's IDLE connection is up, so that new mail starts a pass at once. */
    public boolean idling(String mailboxId) {
        return watchers.stream().anyMatch(w -> w.mailboxId().equals(mailboxId) && w.idling());
    }

    private Duration pass(String mailboxId) {
        if (!busy.get(mailboxId).compareAndSet(false, true)) {
            again.get(mailboxId).set(true);
            return interval;
        }
        Duration next = interval;
        boolean failed = false;
        do {
            try {
                do {
                    again.get(mailboxId).set(false);
                    PassReport report = tickler.pass(mailboxId, clock).run(false);
                    next = nextDelay(mailboxId, report.failure());
                    failed = report.failed();
                    if (failed) {
                        recordNextAttempt(mailboxId, next); // and mail pushed meanwhile waits for that attempt
                    }
                    writeHealthReport();
                } while (!failed && again.get(mailboxId).get() && !executor.isShutdown());
            } catch (Throwable t) { // never let the schedule die
                log.error("Mailbox {}: pass failed unexpectedly: {}", mailboxId, t.toString());
                log.debug("Mailbox {}: unexpected failure", mailboxId, t);
                next = nextDelay(mailboxId, new PassReport.Failure(MailboxException.Kind.TRANSIENT, t.toString()));
                failed = true;
            } finally {
                busy.get(mailboxId).set(false);
            }
            // A trigger that came after the last check but before busy was released found the pass still busy: run again.
        } while (!failed && again.get(mailboxId).get() && !executor.isShutdown() && busy.get(mailboxId).compareAndSet(false, true));
        return next;
    }

    /** For status while this process holds the embedded database. Only informative: a failure here changes nothing. */
    private void writeHealthReport() {
        try {
            tickler.writeHealthReport(clock);
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("Could not write {} for status: {}", MailboxHealthReport.FILE, e.toString());
        }
    }

    /** For status: when a failing mailbox is tried again. Only informative, so a store failure here changes nothing. */
    private void recordNextAttempt(String mailboxId, Duration next) {
        try {
            tickler.recordNextAttempt(mailboxId, clock.instant().plus(next));
        } catch (RuntimeException e) {
            log.warn("Mailbox {}: could not record the next attempt for status: {}", mailboxId, e.toString());
        }
    }

    /**
     * When to run a mailbox next: the poll interval after success, exponential backoff after a
     * transient failure, an hour after a permanent one (the mailbox is "parked" until a person fixes it).
     */
    Duration nextDelay(String mailboxId, PassReport.Failure failure) {
        return nextDelay(failures, interval, mailboxId, failure);
    }

    static Duration nextDelay(Map<String, Integer> failures, Duration interval, String mailboxId, PassReport.Failure failure) {
        if (failure == null) {
            failures.remove(mailboxId);
            return interval;
        }
        int count = failures.merge(mailboxId, 1, Integer::sum);
        if (failure.kind() == MailboxException.Kind.PERMANENT) {
            log.warn("Mailbox {} parked: {}; retrying in {}", mailboxId, failure.message(), PARKED_RETRY);
            return PARKED_RETRY;
        }
        return backoff(count);
    }

    /** 30 s, 1 min, 2 min, ... up to an hour, each with ±20 % jitter so mailboxes don't retry in step. */
    static Duration backoff(int failures) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 20);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    /**
     * Closes every IDLE connection at once, waiting at most {@code limit}: closing one ends its IDLE with DONE and waits
     * for the server's answer, which a connection gone silent (a NAT that dropped it) never gives. Such a watcher's
     * daemon thread is left to the JVM's exit.
     */
    private void closeWatchers(Duration limit) {
        List<Thread> closing = new java.util.ArrayList<>();
        for (IdleWatcher watcher : watchers) {
            Thread t = new Thread(watcher::close, "tickler-idle-close");
            t.setDaemon(true);
            t.start();
            closing.add(t);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : closing) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                log.debug("An IDLE connection did not close within {}; left to the JVM's exit", limit);
            }
        }
    }

    /** Stops scheduling, lets running passes finish (bounded), then returns. */
    public void stop(Duration grace) {
        log.info("Tickler daemon stopping");
        executor.shutdown();
        closeWatchers(Duration.ofSeconds(2));
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Passes still running after {}; interrupting them", grace);
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("Tickler daemon stopped");
    }
}
