package dev.tickler.imap;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.event.MessageCountListener;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push for one mailbox (RFC 2177 IDLE on INBOX): calls {@code onChange} within moments of new or
 * expunged mail, so a reply retracts a still-unsent draft in seconds instead of at the next poll.
 * IDLE is renewed every {@code renewEvery} (servers drop it after 30 minutes, middleboxes much sooner), a lost
 * connection is re-established with backoff (jittered; from the first step again once a connection had worked), a
 * refused login is tried again only after an hour, and a server without IDLE leaves the mailbox to polling.
 */
public final class IdleWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdleWatcher.class);
    /**
     * How often IDLE is ended and started again. RFC 2177 asks for less than 29 minutes; NAT gateways and load balancers
     * drop a silent connection much sooner (Azure after 4 minutes, AWS NAT after 350 s), and a dead connection is only
     * noticed at a renewal.
     */
    public static final Duration RENEW = Duration.ofMinutes(3);
    static final long FIRST_BACKOFF_MS = 5_000;
    static final long MAX_BACKOFF_MS = Duration.ofMinutes(5).toMillis();
    /** After a refused login: as long as the daemon parks the mailbox's passes. */
    static final Duration LOGIN_REFUSED_RETRY = Duration.ofHours(1);

    private final String mailboxId;
    private final ImapSettings settings;
    private final Runnable onChange;
    private final Duration renewEvery;
    private final Thread thread;
    private final ScheduledExecutorService renewer;
    private volatile boolean running = true;
    private volatile IMAPFolder folder;
    private volatile Store store;
    /**
     * Whether the current connection got as far as IDLE, and since when: if it then drops after {@link #WORKED}, the
     * backoff starts again from the first step; one dropped at once (a server or middlebox that ends every IDLE) keeps
     * backing off, or it would log in every few seconds.
     */
    private volatile boolean established;
    private volatile long idlingSince;
    static final Duration WORKED = Duration.ofMinutes(1);

    public IdleWatcher(String mailboxId, ImapSettings settings, Runnable onChange, Duration renewEvery) {
        this.mailboxId = mailboxId;
        this.settings = settings;
        this.onChange = onChange;
        this.renewEvery = renewEvery;
        this.thread = new Thread(this::loop, "tickler-idle-" + mailboxId);
        this.thread.setDaemon(true);
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tickler-idle-renew-" + mailboxId);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        thread.start();
        // Any command on the folder ends the current IDLE (DONE); the loop then starts a fresh one.
        renewer.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew() {
        IMAPFolder f = folder;
        if (f != null && f.isOpen()) {
            try {
                f.getMessageCount();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Mailbox {}: renewing IDLE failed: {}", mailboxId, e.getMessage());
            }
        }
    }

    private void loop() {
        long backoffMs = FIRST_BACKOFF_MS;
        while (running) {
            long waitMs;
            try {
                if (!idleUntilBroken()) {
                    return; // no IDLE on this server: polling only
                }
                backoffMs = FIRST_BACKOFF_MS;
                waitMs = backoffMs;
            } catch (AuthenticationFailedException e) {
                if (!running) {
                    return;
                }
                if (FailureText.temporaryRefusal(e)) {
                    waitMs = backoffMs;
                    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
                } else {
                    // Retrying a refused login every few minutes can lock the account or get the host banned, which would
                    // block every mailbox on that server. The passes report the failure (parked) and retry hourly too.
                    waitMs = LOGIN_REFUSED_RETRY.toMillis();
                }
                log.warn("Mailbox {}: IDLE login refused ({}); trying again in {} min", mailboxId, FailureText.oneLine(e),
                        Math.max(1, waitMs / 60_000));
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (established && System.nanoTime() - idlingSince >= WORKED.toNanos()) {
                    backoffMs = FIRST_BACKOFF_MS; // it worked for a while: a dropped connection, not a failing server
                }
                waitMs = backoffMs;
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
                log.info("Mailbox {}: IDLE connection lost ({}); reconnecting in {} s", mailboxId,
                        FailureText.oneLine(e), waitMs / 1000);
            } finally {
                closeQuietly();
            }
            sleep(jittered(waitMs));
        }
    }

    /** ±20 %, so that the mailboxes of one server don't reconnect in step. */
    static long jittered(long ms) {
        return (long) (ms * (0.8 + java.util.concurrent.ThreadLocalRandom.current().nextDouble() * 0.4));
    }

    /** @return false when the server has no IDLE */
    private boolean idleUntilBroken() throws MessagingException {
        // The socket must outlive an IDLE period; the renewer ends each IDLE before this read timeout.
        established = false;
        var session = ImapSessions.create(settings, renewEvery.plusMinutes(3));
        store = session.getStore(ImapSessions.protocol(settings));
        store.connect(settings.host(), settings.port(), settings.username(), settings.password().get());
        if (!((IMAPStore) store).hasCapability("IDLE")) {
            log.info("Mailbox {}: the server has no IDLE; new mail is seen at the next poll", mailboxId);
            return false;
        }
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.addMessageCountListener(new MessageCountListener() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                onChange.run();
            }

            @Override
            public void messagesRemoved(MessageCountEvent e) {
                onChange.run();
            }
        });
        inbox.open(Folder.READ_ONLY);
        folder = inbox;
        idlingSince = System.nanoTime();
        established = true;
        log.debug("Mailbox {}: IDLE on INBOX", mailboxId);
        while (running && inbox.isOpen()) {
            inbox.idle(false);
        }
        return true;
    }

    public String mailboxId() {
        return mailboxId;
    }

    /**
     * Whether the IDLE connection is up (logged in, INBOX open): new mail then triggers a pass at once. Asks the folder
     * nothing: {@code isOpen()} from another thread may end the IDLE in progress to send a NOOP.
     */
    public boolean idling() {
        return established && folder != null;
    }

    private void closeQuietly() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // closing a dead connection
        }
        folder = null;
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            // closing a dead connection
        }
        store = null;
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        renewer.shutdownNow();
        closeQuietly();
        thread.interrupt();
    }
}
