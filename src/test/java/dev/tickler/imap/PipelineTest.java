package dev.tickler.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.mail.FolderBatch;
import dev.tickler.mail.FolderCursor;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailFolder;
import dev.tickler.mail.MailMessage;
import dev.tickler.testing.TestMailServer;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Pipeline} against a scripted server that runs two pipelined FETCH commands at once, as RFC 3501 §5.5
 * allows: their answers interleave, an EXISTS comes between them, and the later command completes first.
 */
class PipelineTest {

    @Test
    void eachCommandGetsItsOwnAnswersWhenTheServerInterleavesThem() throws Exception {
        try (Server server = new Server(false); Store store = connect(server)) {
            IMAPFolder folder = open(store);
            Pipeline pipeline = new Pipeline(folder);
            Pipeline.Command first = pipeline.send("UID FETCH 10:11 (UID FLAGS)", List.of(10L, 11L), false);
            Pipeline.Command second = pipeline.send("UID FETCH 20:21 (UID FLAGS)", List.of(20L, 21L), false);
            assertTrue(pipeline.busy());

            // The later one first: the answers to the earlier one are read on the way and kept for it.
            assertEquals(Set.of(20L, 21L), uids(pipeline.await(second)));
            assertEquals(Set.of(10L, 11L), uids(pipeline.await(first)));
            assertFalse(pipeline.busy());
            assertEquals(5, folder.getMessageCount(), "the EXISTS between the answers reached Angus");
            // The connection is in step again: a plain command after them gets its own answer.
            assertEquals(Set.of(30L), uids(pipeline.run("UID FETCH 30 (UID FLAGS)", List.of(30L), false)));
        }
    }

    @Test
    void aCommandTheServerRefusesFailsAloneOrHandsOverWhatCameBeforeIt() throws Exception {
        try (Server server = new Server(true); Store store = connect(server)) {
            IMAPFolder folder = open(store);
            Pipeline pipeline = new Pipeline(folder);
            Pipeline.Command refused = pipeline.send("UID FETCH 10:11 (UID FLAGS)", List.of(10L, 11L), false);
            Pipeline.Command answered = pipeline.send("UID FETCH 20:21 (UID FLAGS)", List.of(20L, 21L), false);
            pipeline.drain();
            assertFalse(pipeline.busy());
            assertEquals(Set.of(20L, 21L), uids(pipeline.await(answered)));
            MessagingException e = assertThrows(MessagingException.class, () -> pipeline.await(refused));
            assertInstanceOf(CommandFailedException.class, e.getCause());

            Pipeline.Command tolerated = pipeline.send("UID FETCH 10:11 (UID FLAGS)", List.of(10L, 11L), true);
            pipeline.send("UID FETCH 20:21 (UID FLAGS)", List.of(20L, 21L), false);
            Response[] partial = pipeline.await(tolerated);
            assertEquals(Set.of(10L, 11L), uids(partial), "what came before the NO");
            assertTrue(partial[partial.length - 1].isNO());
        }
    }

    @Test
    void awaitingACommandNeverSentOnThePipelineIsAnError() throws Exception {
        try (Server server = new Server(false); Store store = connect(server)) {
            IMAPFolder folder = open(store);
            Pipeline.Command elsewhere = new Pipeline(folder).send("UID FETCH 30 (UID FLAGS)", List.of(30L), false);
            assertThrows(IllegalStateException.class, () -> new Pipeline(folder).await(elsewhere));
        }
    }

    /**
     * A folder read in batches of two while the next batches are asked ahead, with delivery reports among them: those
     * are read through the Message API, which must find the connection free of the answers asked ahead.
     */
    @Test
    void deliveryReportsAmongBatchesAskedAheadAreReadThroughTheMessageApi(@TempDir Path dir) throws Exception {
        try (TestMailServer server = new TestMailServer(dir)) {
            server.user("riley", "pw");
            for (int i = 0; i < 9; i++) {
                server.appendRaw("riley", "pw", "INBOX", i % 4 == 1 ? report(i) : """
                        From: a%1$d@x.example
                        To: riley@acme.example
                        Subject: note %1$d
                        Message-ID: <n%1$d@x.example>
                        Date: Mon, 2 Mar 2026 10:00:00 +0100

                        hello
                        """.formatted(i));
            }
            ImapSettings settings = ScriptedImapServerTest.settings(server.port(), java.time.Duration.ofSeconds(10), 2);
            List<FolderBatch> batches = new ArrayList<>();
            ImapMailbox imap = ImapMailbox.connect("riley", settings, java.time.Clock.systemUTC());
            try {
                imap.readSince(new MailFolder("INBOX", FolderRole.INBOX), FolderCursor.START, 2, ScriptedImapServerTest.OUTLINE_ONLY,
                        batches::add);
            } finally {
                imap.close();
            }
            List<MailMessage> read = batches.stream().flatMap(b -> b.messages().stream()).toList();
            assertEquals(9, read.size(), "every message read once");
            assertEquals(List.of("<p1@acme.example>", "<p5@acme.example>"), read.stream().filter(m -> m.report() != null)
                    .map(m -> m.report().originalMessageId()).toList());
            assertTrue(batches.stream().allMatch(b -> b.skipped().isEmpty()));
        }
    }

    private static String report(int i) {
        return """
                From: MAILER-DAEMON@x.example
                To: riley@acme.example
                Subject: Undelivered %1$d
                Message-ID: <r%1$d@x.example>
                Date: Mon, 2 Mar 2026 10:00:00 +0100
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary=r

                --r
                Content-Type: text/plain

                failed
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; x.example

                Final-Recipient: rfc822; gone%1$d@y.example
                Action: failed
                Status: 5.1.1

                --r
                Content-Type: text/rfc822-headers

                Message-ID: <p%1$d@acme.example>

                --r--
                """.formatted(i);
    }

    private static Set<Long> uids(Response[] responses) {
        Set<Long> out = new TreeSet<>();
        for (Response r : responses) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null) {
                out.add(f.getItem(UID.class).uid);
            }
        }
        return out;
    }

    private static Store connect(Server server) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.socket.getLocalPort(), "riley", "pw");
        return store;
    }

    private static IMAPFolder open(Store store) throws Exception {
        IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
        folder.open(Folder.READ_ONLY);
        return folder;
    }

    /**
     * Answers single FETCH commands at once; two FETCH commands written back to back are run together: their
     * answers interleaved, an EXISTS between them, the second completed first. With {@code refuseFirst} the
     * first of the pair is answered NO after its data.
     */
    static final class Server implements AutoCloseable {
        final ServerSocket socket;
        final boolean refuseFirst;

        Server(boolean refuseFirst) throws Exception {
            this.refuseFirst = refuseFirst;
            socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::serve, "pipeline-test-server");
            t.setDaemon(true);
            t.start();
        }

        void serve() {
            try (Socket s = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                send(out, "* OK [CAPABILITY IMAP4rev1] scripted server ready");
                List<String[]> fetches = new ArrayList<>();
                int exists = 3;
                String line;
                while ((line = in.readLine()) != null) {
                    String[] w = line.split(" ", 3);
                    String cmd = w[1].toUpperCase();
                    if (cmd.equals("UID") && w[2].toUpperCase().startsWith("FETCH")) {
                        fetches.add(w);
                        // A lone FETCH for UID 30 is answered at once; others wait for their pair.
                        if (w[2].contains(" 30 ") || fetches.size() == 2) {
                            exists = answer(out, fetches, exists);
                            fetches.clear();
                        }
                        continue;
                    }
                    switch (cmd) {
                        case "CAPABILITY" -> {
                            send(out, "* CAPABILITY IMAP4rev1");
                            send(out, w[0] + " OK done");
                        }
                        case "EXAMINE", "SELECT" -> {
                            send(out, "* FLAGS (\\Seen \\Draft)");
                            send(out, "* " + exists + " EXISTS");
                            send(out, "* OK [UIDVALIDITY 7] ok");
                            send(out, w[0] + " OK [READ-ONLY] examined");
                        }
                        case "LOGOUT" -> {
                            send(out, "* BYE bye");
                            send(out, w[0] + " OK done");
                            return;
                        }
                        default -> send(out, w[0] + " OK done");
                    }
                }
            } catch (Exception e) {
                // the test closed the connection
            }
        }

        private int answer(OutputStream out, List<String[]> fetches, int exists) throws Exception {
            if (fetches.size() == 1) {
                send(out, "* 3 FETCH (UID 30 FLAGS ())");
                send(out, fetches.get(0)[0] + " OK fetched");
                return exists;
            }
            String a = fetches.get(0)[0];
            String b = fetches.get(1)[0];
            send(out, "* 1 FETCH (UID 10 FLAGS ())");
            send(out, "* 4 FETCH (UID 20 FLAGS (\\Seen))");
            exists = 5;
            send(out, "* 5 EXISTS");
            send(out, "* 2 FETCH (UID 11 FLAGS ())");
            send(out, "* 5 FETCH (UID 21 FLAGS ())");
            send(out, b + " OK fetched");
            send(out, refuseFirst ? a + " NO some messages could not be read" : a + " OK fetched");
            return exists;
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
