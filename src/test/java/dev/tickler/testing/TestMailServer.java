package dev.tickler.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tickler.cli.Main;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * GreenMail on a free loopback port with users whose Sent and Drafts exist, plus the plumbing the
 * end-to-end tests share: appending mail, counting drafts, writing a config, running the CLI.
 */
public final class TestMailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final Path dir;

    public TestMailServer(Path dir) {
        this.dir = dir;
        this.greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.start();
    }

    /** Adds a user with Sent and Drafts (and any extra folders) and a password file; returns the file. */
    public Path user(String login, String password, String... extraFolders) throws Exception {
        greenMail.setUser(login + "@acme.example", login, password);
        try (Store store = connect(login, password)) {
            List<String> folders = new ArrayList<>(List.of("Sent", "Drafts"));
            folders.addAll(List.of(extraFolders));
            for (String name : folders) {
                store.getFolder(name).create(Folder.HOLDS_MESSAGES);
            }
        }
        Path file = dir.resolve(login + ".pw");
        Files.writeString(file, password + "\n");
        return file;
    }

    public int port() {
        return greenMail.getImap().getPort();
    }

    public Store connect(String login, String password) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port(), login, password);
        return store;
    }

    public void append(String login, String password, String folder, MimeMessage m, String... keywords) throws Exception {
        if (keywords.length > 0) {
            Flags flags = new Flags();
            for (String k : keywords) {
                flags.add(k);
            }
            m.setFlags(flags, true);
        }
        try (Store store = connect(login, password)) {
            store.getFolder(folder).appendMessages(new Message[] {m});
        }
    }

    public void appendRaw(String login, String password, String folder, String raw) throws Exception {
        append(login, password, folder, new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    /** Message-ID → text (the plain part) of each message in Drafts, in order; empty when there is no Drafts yet. */
    public java.util.Map<String, String> drafts(String login, String password) throws Exception {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (Store store = connect(login, password)) {
            jakarta.mail.Folder drafts = store.getFolder("Drafts");
            if (!drafts.exists()) {
                return out;
            }
            drafts.open(jakarta.mail.Folder.READ_ONLY);
            for (Message m : drafts.getMessages()) {
                Object content = m.getContent();
                out.put(((MimeMessage) m).getMessageID(), content instanceof String text ? text
                        : String.valueOf(((jakarta.mail.Multipart) content).getBodyPart(0).getContent()));
            }
        }
        return out;
    }

    public int count(String login, String password, String folder) throws Exception {
        try (Store store = connect(login, password)) {
            return store.getFolder(folder).getMessageCount();
        }
    }

    /** The proposal most tests follow: Riley to Gina at Globex, {@code <p1@acme.example>}, with a PDF named like one. */
    public static MimeMessage globexProposal(java.time.Instant sentAt) throws Exception {
        return dev.tickler.demo.Mime.message().id("<p1@acme.example>").from("Riley Rep <riley@acme.example>")
                .to("Gina Glass <gina@globex.example>").subject("Proposal: Globex rollout").date(sentAt)
                .text("Hi Gina,\n\nattached is our proposal.").attach("Globex_Proposal.pdf", "application/pdf", 1000).build();
    }

    /** A config file with the given mailbox entries (see {@link #mailbox}). */
    public Path config(String mailboxes) throws Exception {
        Path file = dir.resolve("tickler-" + System.nanoTime() + ".yml");
        Files.writeString(file, """
                stateDir: %s
                company: { domains: [acme.example] }
                templates: %s
                mailboxes:
                %s""".formatted(dir.resolve("state"), Path.of("templates").toAbsolutePath(), mailboxes));
        return file;
    }

    /** One mailbox entry for {@link #config}; {@code extra} is appended to the imap mapping (e.g. "folders: { scan: [Archive] }"). */
    public static String mailbox(String id, int port, Path password, String extra) {
        return mailbox(id, port, password, extra, "");
    }

    /** @param mailboxExtra more keys of the mailbox entry, as flow mappings (e.g. "calendar: { slots: { count: 0 } }") */
    public static String mailbox(String id, int port, Path password, String extra, String mailboxExtra) {
        return """
                  - id: %s
                    owner: { name: %s Rep, address: %s@acme.example }
                    timezone: Europe/Berlin
                    imap: { host: 127.0.0.1, port: %d, security: none, username: %s, password: "${file:%s}", timeoutSeconds: 5%s }
                """.formatted(id, id, id, port, id, password, extra.isEmpty() ? "" : ", " + extra)
                + (mailboxExtra.isEmpty() ? "" : "    " + mailboxExtra + "\n");
    }

    /** What a CLI run printed: stdout, and stderr with the logs. */
    public record Result(int code, String out, String err) {
    }

    /** Runs the CLI in-process, capturing its output and the log lines (which go to stderr). */
    public static Result tickler(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream oldErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(), err + logs.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
