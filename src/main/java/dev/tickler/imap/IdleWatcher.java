package dev.tickler.imap;

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
 * IDLE is renewed every {@code renewEvery} (servers drop it after 30 minutes), a lost connection is
 * re-established with backoff, and a server without IDLE leaves the mailbox to polling.
 */
public final class IdleWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdleWatcher.class);
    public static final Duration RENEW = Duration.ofMinutes(24);

    private final String mailboxId;
    private final ImapSettings settings;
    private final Runnable onChange;
    private final Duration renewEvery;
    private final Thread thread;
    private final ScheduledExecutorService renewer;
    private volatile boolean running = true;
    private volatile IMAPFolder folder;
    private volatile Store store;

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
        long backoffMs = 5_000;
        while (running) {
            try {
                if (!idleUntilBroken()) {
                    return; // no IDLE on this server: polling only
                }
                backoffMs = 5_000;
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.info("Mailbox {}: IDLE connection lost ({}); reconnecting in {} s", mailboxId,
                        ImapMailbox.oneLine(e), backoffMs / 1000);
            } finally {
                closeQuietly();
            }
            sleep(backoffMs);
            backoffMs = Math.min(backoffMs * 2, Duration.ofMinutes(5).toMillis());
        }
    }

    /** @return false when the server has no IDLE */
    private boolean idleUntilBroken() throws MessagingException {
        // The socket must outlive an IDLE period; the renewer ends each IDLE before this read timeout.
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
        log.debug("Mailbox {}: IDLE on INBOX", mailboxId);
        while (running && inbox.isOpen()) {
            inbox.idle(false);
        }
        return true;
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
