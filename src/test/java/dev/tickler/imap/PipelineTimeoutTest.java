package dev.tickler.imap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.mail.FolderCursor;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailFolder;
import dev.tickler.mail.MailboxException;
import dev.tickler.mail.MailboxSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Pipeline} when the server stops answering mid-batch (written by a reviewer: the pipeline first threw without
 * telling the folder, which then sent a NOOP and a CLOSE on the dead connection and waited out the timeout twice).
 */
class PipelineTimeoutTest {

    static final long[] UIDS = {10, 11, 12, 13, 14, 15};

    /**
     * The server stops answering in the middle of the pipelined outline FETCHes. Angus's own command turns the read
     * timeout into a BYE that closes the folder and drops the connection (as the code before the change did, through
     * Protocol.command); Pipeline.readOne throws a ConnectionException without that, so the folder stays "open" and
     * closeQuietly sends NOOP (isOpen's keep-alive) and CLOSE on the dead connection, waiting out the timeout again.
     */
    @Test
    void aServerThatStopsAnsweringFailsThePassAfterOneTimeoutAndDropsTheConnection() throws Exception {
        try (Server server = new Server(-1, 12)) {
            ImapMailbox imap = ImapMailbox.connect("riley", settings(server, Duration.ofSeconds(2)), Clock.systemUTC());
            long start = System.nanoTime();
            try {
                assertThrows(MailboxException.class, () -> imap.readSince(new MailFolder("INBOX", FolderRole.INBOX), FolderCursor.START, 1,
                        WANTS_ALL, b -> { }));
            } finally {
                long ms = (System.nanoTime() - start) / 1_000_000;
                List<String> after = server.commands.subList(server.commands.indexOf(server.stalledAt), server.commands.size());
                List<String> late = after.stream().filter(c -> c.contains(" NOOP") || c.contains(" CLOSE")).toList();
                assertTrue(late.isEmpty() && ms < 3500, "the failure took " + ms + " ms for a 2 s timeout; written to the"
                        + " connection after it timed out: " + late);
                imap.close();
            }
        }
    }

    static final MailboxSource.ReadPolicy WANTS_ALL = ScriptedImapServerTest.reading(true);

    static ImapSettings settings(Server server, Duration timeout) {
        return ScriptedImapServerTest.settings(server.socket.getLocalPort(), timeout, 1);
    }

    /** Answers FETCH items from a fixed list; {@code noStructureUid} never gets a BODYSTRUCTURE; at {@code stallUid}'s outline it goes silent. */
    static final class Server implements AutoCloseable {
        final ServerSocket socket;
        final long noStructureUid;
        final long stallUid;
        final List<String> commands = Collections.synchronizedList(new ArrayList<>());
        volatile String stalledAt;

        Server(long noStructureUid, long stallUid) throws Exception {
            this.noStructureUid = noStructureUid;
            this.stallUid = stallUid;
            socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        session(s);
                    } catch (Exception e) {
                        // next connection
                    }
                }
            }, "review-server");
            t.setDaemon(true);
            t.start();
        }

        void session(Socket s) throws Exception {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            send(out, "* OK [CAPABILITY IMAP4rev1] ready");
            boolean silent = false;
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                if (silent) {
                    continue;
                }
                String[] w = line.split(" ", 3);
                String tag = w[0];
                String cmd = w.length > 1 ? w[1].toUpperCase() : "";
                String rest = w.length > 2 ? w[2] : "";
                switch (cmd) {
                    case "CAPABILITY" -> {
                        send(out, "* CAPABILITY IMAP4rev1");
                        send(out, tag + " OK done");
                    }
                    case "EXAMINE", "SELECT" -> {
                        send(out, "* FLAGS (\\Seen \\Draft)");
                        send(out, "* " + UIDS.length + " EXISTS");
                        send(out, "* OK [UIDVALIDITY 7] ok");
                        send(out, "* OK [UIDNEXT 16] ok");
                        send(out, tag + " OK [READ-ONLY] examined");
                    }
                    case "UID" -> {
                        String[] u = rest.split(" ", 2);
                        if (u[0].equalsIgnoreCase("SEARCH")) {
                            StringBuilder r = new StringBuilder("* SEARCH");
                            for (long uid : UIDS) {
                                r.append(' ').append(uid);
                            }
                            send(out, r.toString());
                            send(out, tag + " OK searched");
                        } else {
                            String set = u[1].substring(0, u[1].indexOf(' '));
                            if (stallUid > 0 && ScriptedImapServerTest.Server.in(set, stallUid, UIDS[UIDS.length - 1])
                                    && u[1].toUpperCase().contains("ENVELOPE")) {
                                silent = true;
                                stalledAt = line;
                                continue;
                            }
                            fetch(out, tag, u[1], true);
                        }
                    }
                    case "FETCH" -> fetch(out, tag, rest, false);
                    case "LOGOUT" -> {
                        send(out, "* BYE bye");
                        send(out, tag + " OK done");
                        return;
                    }
                    default -> send(out, tag + " OK done");
                }
            }
        }

        void fetch(OutputStream out, String tag, String rest, boolean byUid) throws Exception {
            int space = rest.indexOf(' ');
            String set = rest.substring(0, space);
            String items = rest.substring(space + 1).toUpperCase();
            for (int seq = 1; seq <= UIDS.length; seq++) {
                long uid = UIDS[seq - 1];
                if (!ScriptedImapServerTest.Server.in(set, byUid ? uid : seq, byUid ? UIDS[UIDS.length - 1] : UIDS.length)) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                parts.add("UID " + uid);
                if (items.contains("FLAGS")) {
                    parts.add("FLAGS (\\Seen)");
                }
                if (items.contains("INTERNALDATE")) {
                    parts.add("INTERNALDATE \"02-Mar-2026 10:00:00 +0100\"");
                }
                if (items.contains("RFC822.SIZE")) {
                    parts.add("RFC822.SIZE 100");
                }
                if (items.contains("ENVELOPE")) {
                    parts.add(ScriptedImapServerTest.envelope(uid));
                }
                if (items.contains("BODYSTRUCTURE") && uid != noStructureUid) {
                    parts.add(ScriptedImapServerTest.BODYSTRUCTURE);
                }
                send(out, "* " + seq + " FETCH (" + String.join(" ", parts) + ")");
            }
            send(out, tag + " OK fetched");
        }

        static void send(OutputStream out, String line) throws Exception {
            ScriptedImapServerTest.Server.send(out, line);
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
