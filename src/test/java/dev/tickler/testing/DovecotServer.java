package dev.tickler.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Dovecot IMAP server for one test class: its own config directory, maildirs and a free
 * loopback port, started in the foreground and stopped afterwards. GreenMail lacks SPECIAL-USE and
 * CONDSTORE; Dovecot is what real deployments look like.
 *
 * <p>Where Dovecot is not installed the tests skip with a message saying how to enable them, unless
 * {@code TICKLER_REQUIRE_DOVECOT=1} (set by .ci/run), in which case a missing server is a failure.
 */
public final class DovecotServer implements AutoCloseable {

    public static final String BINARY = "/usr/sbin/dovecot";

    private final Path dir;
    private final int port;
    private final int tlsPort;
    private Process process;

    private DovecotServer(Path dir, int port, int tlsPort, Process process) {
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
        this.process = process;
    }

    /** A self-signed certificate for 127.0.0.1 and localhost, made with openssl: {cert.pem, key.pem}. */
    public record Certificate(Path cert, Path key) {
        public static Certificate create(Path dir) throws Exception {
            Files.createDirectories(dir);
            Path cert = dir.resolve("cert.pem");
            Path key = dir.resolve("key.pem");
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("openssl failed: " + out);
            }
            return new Certificate(cert, key);
        }
    }

    public static DovecotServer start(Map<String, String> users, Map<String, String> specialUse) throws Exception {
        return start(users, specialUse, null);
    }

    /** A user's Maildir++ root (INBOX; folders are ".Name" below it), for writing mail straight to disk. */
    public Path maildir(String user) {
        return dir.resolve("mail").resolve(user);
    }

    /** Gives the mail tree to the user Dovecot runs mail processes as (after writing files as root). */
    public void fixOwnership() throws Exception {
        if (run("id", "-u").equals("0")) {
            run("chown", "-R", run("id", "-u", "dovecot") + ":" + run("id", "-g", "dovecot"), dir.resolve("mail").toString());
        }
    }

    /** The implicit-TLS port (imaps), when started with a certificate. */
    public int tlsPort() {
        return tlsPort;
    }

    /**
     * Starts Dovecot with these users (login → password) and these extra mailboxes (name → SPECIAL-USE
     * attribute, e.g. "Outbox Archive" → "\\Sent"), created and subscribed for every user.
     *
     * @param tls a certificate to serve STARTTLS on {@link #port()} and implicit TLS on {@link #tlsPort()}
     *            (plain-text login is then refused), or null for a plain server
     */
    public static DovecotServer start(Map<String, String> users, Map<String, String> specialUse, Certificate tls) throws Exception {
        return start(users, specialUse, tls, "");
    }

    /**
     * @param inboxPrefix "" for folders at the top level, separated by "/"; "INBOX." for every folder below INBOX, separated
     *                    by ".", as Courier and cPanel servers show them. A mailbox with an empty attribute is created
     *                    without one.
     */
    public static DovecotServer start(Map<String, String> users, Map<String, String> specialUse, Certificate tls, String inboxPrefix)
            throws Exception {
        requireInstalled();
        int port = freePort();
        int tlsPort = tls == null ? 0 : freePort();
        // Dovecot's own processes (auth, imap) run as unprivileged users and must read this tree.
        Path dir = Files.createTempDirectory("tickler-dovecot",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("mail"));
        Files.createDirectories(dir.resolve("home"));
        StringBuilder passwd = new StringBuilder();
        users.forEach((user, password) -> passwd.append(user).append(":{PLAIN}").append(password).append("\n"));
        Files.writeString(dir.resolve("users"), passwd);
        StringBuilder mailboxes = new StringBuilder();
        specialUse.forEach((name, attribute) -> mailboxes.append("  mailbox \"").append(name).append("\" {\n")
                .append(attribute.isEmpty() ? "" : "    special_use = " + attribute + "\n").append("    auto = subscribe\n  }\n"));
        // Dovecot never runs a mail process as root: as root, mail belongs to the "dovecot" user.
        boolean root = run("id", "-u").equals("0");
        String uid = root ? run("id", "-u", "dovecot") : run("id", "-u");
        String gid = root ? run("id", "-g", "dovecot") : run("id", "-g");
        if (root) {
            run("chown", "-R", uid + ":" + gid, dir.resolve("mail").toString(), dir.resolve("home").toString());
        }
        Files.writeString(dir.resolve("dovecot.conf"), """
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                protocols = imap
                listen = 127.0.0.1
                %6$s
                auth_mechanisms = plain login
                first_valid_uid = 0
                mail_location = maildir:%1$s/mail/%%u
                mail_plugins =
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=%2$s gid=%3$s home=%1$s/home/%%u
                }
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %4$d
                  }
                  inet_listener imaps {
                    address = 127.0.0.1
                    port = %7$d
                  }
                }
                service pop3-login {
                  inet_listener pop3 {
                    port = 0
                  }
                }
                service submission-login {
                  inet_listener submission {
                    port = 0
                  }
                }
                service lmtp {
                  unix_listener lmtp {
                    mode = 0600
                  }
                }
                namespace inbox {
                  inbox = yes
                  separator = %8$s
                  prefix = %9$s
                %5$s}
                """.formatted(dir, uid, gid, port, mailboxes, tls == null ? "ssl = no\ndisable_plaintext_auth = no"
                        : "ssl = required\ndisable_plaintext_auth = yes\nssl_cert = <" + tls.cert() + "\nssl_key = <" + tls.key(),
                tlsPort, inboxPrefix.isEmpty() ? "/" : inboxPrefix.substring(inboxPrefix.length() - 1), inboxPrefix));
        Process process = launch(dir);
        DovecotServer server = new DovecotServer(dir, port, tlsPort, process);
        server.awaitListening();
        return server;
    }

    public int port() {
        return port;
    }

    /**
     * Tickler's configuration for mailbox "riley" (Riley Rep, company acme.example, Europe/Berlin) logging in to this
     * server as {@code user} over plain IMAP, with its state in a fresh in-memory database.
     *
     * @param passwordFile the file the password is read from
     * @param imapExtra    more keys of the imap mapping, each after ", " (e.g. {@code ", folders: { scan: [Archive] }"})
     * @param topExtra     more top-level lines (e.g. {@code "pollInterval: 1h\n"})
     */
    public dev.tickler.config.TicklerConfig config(String user, Path passwordFile, String imapExtra, String topExtra) {
        return config("jdbc:hsqldb:mem:" + java.util.UUID.randomUUID(), user, passwordFile, imapExtra, topExtra);
    }

    /** The same with the state in this database. */
    public dev.tickler.config.TicklerConfig config(String storeUrl, String user, Path passwordFile, String imapExtra, String topExtra) {
        return configVia(port, storeUrl, user, passwordFile, imapExtra, topExtra);
    }

    /** The same through another port: a proxy in front of this server. */
    public static dev.tickler.config.TicklerConfig configVia(int port, String storeUrl, String user, Path passwordFile, String imapExtra,
                                                             String topExtra) {
        return new dev.tickler.config.ConfigLoader(Map.of()).parse("""
                company: { domains: [acme.example] }
                store: { url: "%s" }
                %smailboxes:
                  - id: riley
                    owner: { name: Riley Rep, address: riley@acme.example }
                    timezone: Europe/Berlin
                    imap: { host: 127.0.0.1, port: %d, security: none, username: %s, password: "${file:%s}"%s }
                """.formatted(storeUrl, topExtra, port, user, passwordFile, imapExtra), "test");
    }

    public String host() {
        return "127.0.0.1";
    }

    /**
     * Stops the server and its mail processes (SIGTERM), as a restart of the service does, and waits for it. The
     * master alone leaves a session's {@code imap} process serving its client for a while.
     */
    public void stop() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Starts the stopped server again: same config, same mail, same port. */
    public void restart() throws Exception {
        process = launch(dir);
        awaitListening();
    }

    private static Process launch(Path dir) throws IOException {
        return new ProcessBuilder(BINARY, "-F", "-c", dir.resolve("dovecot.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
    }

    @Override
    public void close() throws Exception {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void awaitListening() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dovecot exited with " + process.exitValue() + ": " + logs());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("dovecot did not listen on " + port + " within 15 s: " + logs());
    }

    public String logs() {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("stdout.log", "dovecot.log")) {
            try {
                all.append(Files.readString(dir.resolve(name)));
            } catch (IOException e) {
                // not written yet
            }
        }
        return all.toString();
    }

    private static void requireInstalled() {
        boolean installed = Files.isExecutable(Path.of(BINARY));
        if (!installed && "1".equals(System.getenv("TICKLER_REQUIRE_DOVECOT"))) {
            throw new IllegalStateException("TICKLER_REQUIRE_DOVECOT=1 but " + BINARY + " is missing: apt-get install -y dovecot-imapd");
        }
        Assumptions.assumeTrue(installed, "Dovecot is not installed, so the real-server tests are skipped. "
                + "Enable them with: apt-get install -y dovecot-imapd (CI sets TICKLER_REQUIRE_DOVECOT=1 to make this a failure)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out;
    }
}
