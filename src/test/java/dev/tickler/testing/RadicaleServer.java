package dev.tickler.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Radicale CalDAV server for one test class: its own config, htpasswd file and storage
 * under a temp directory, on a free loopback port, started in the foreground and stopped (and the
 * directory deleted) afterwards. Radicale is what a self-hosted rep's calendar looks like, and it
 * speaks real CalDAV (PROPFIND, REPORT calendar-query, MKCALENDAR) where a fake would only echo us.
 *
 * <p>Where Radicale is not installed the tests skip with a message saying how to enable them,
 * unless {@code TICKLER_REQUIRE_RADICALE=1} (set by .ci/run), in which case it is a failure.
 */
public final class RadicaleServer implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/radicale");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path dir;
    private final int port;
    private final Process process;

    private RadicaleServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts Radicale with these users (login → password); each may read and write only its own calendars. */
    public static RadicaleServer start(Map<String, String> users) throws Exception {
        List<String> command = command();
        int port = freePort();
        Path dir = Files.createTempDirectory("tickler-radicale");
        Files.createDirectories(dir.resolve("collections"));
        StringBuilder htpasswd = new StringBuilder();
        users.forEach((user, password) -> htpasswd.append(user).append(':').append(password).append('\n'));
        Files.writeString(dir.resolve("users"), htpasswd);
        Files.writeString(dir.resolve("config"), """
                [server]
                hosts = 127.0.0.1:%2$d
                [auth]
                type = htpasswd
                htpasswd_filename = %1$s/users
                htpasswd_encryption = plain
                delay = 0
                [rights]
                type = owner_only
                [storage]
                filesystem_folder = %1$s/collections
                [web]
                type = none
                [logging]
                level = warning
                """.formatted(dir, port));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("radicale.log").toFile()));
        builder.command().addAll(List.of("--config", dir.resolve("config").toString()));
        // Nothing of Radicale's may land in the real home or cache directories.
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString());
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("xdg-cache").toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        RadicaleServer server = new RadicaleServer(dir, port, builder.start());
        server.awaitListening();
        return server;
    }

    public int port() {
        return port;
    }

    /** The home of a user's calendars, e.g. {@code http://127.0.0.1:5232/jane/}. */
    public URI homeUrl(String user) {
        return URI.create("http://127.0.0.1:" + port + "/" + user + "/");
    }

    public URI calendarUrl(String user, String name) {
        return homeUrl(user).resolve(name + "/");
    }

    /** Creates a calendar for VEVENTs (MKCALENDAR), the user's home first if Radicale has not made it yet. */
    public void createCalendar(String user, String password, String name) throws Exception {
        // Radicale creates a principal's home on its first authenticated PROPFIND.
        send(user, password, "PROPFIND", homeUrl(user), "0", null);
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <D:set><D:prop>
                    <D:displayname>%s</D:displayname>
                    <C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>
                  </D:prop></D:set>
                </C:mkcalendar>
                """.formatted(name);
        expect(201, send(user, password, "MKCALENDAR", calendarUrl(user, name), null, body), "MKCALENDAR " + name);
    }

    /** Stores one calendar object resource (HTTP PUT, text/calendar). */
    public void putEvent(String user, String password, String calendar, String fileName, String icsText) throws Exception {
        HttpResponse<String> response = client().send(authorized(user, password, calendarUrl(user, calendar).resolve(fileName))
                .header("Content-Type", "text/calendar; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(icsText.replaceAll("\r?\n", "\r\n"), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 204) {
            throw new IllegalStateException("PUT " + fileName + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    public void deleteEvent(String user, String password, String calendar, String fileName) throws Exception {
        HttpResponse<String> response = client().send(authorized(user, password, calendarUrl(user, calendar).resolve(fileName))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        expect(200, response, "DELETE " + fileName);
    }

    private HttpResponse<String> send(String user, String password, String method, URI uri, String depth, String body)
            throws Exception {
        HttpRequest.Builder request = authorized(user, password, uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (depth != null) {
            request.header("Depth", depth);
        }
        if (body != null) {
            request.header("Content-Type", "application/xml; charset=utf-8");
        }
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A client per request: Radicale may close a kept-alive connection just as the next request
     * reuses it, and the JDK client retries only GET and HEAD on its own.
     */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static HttpRequest.Builder authorized(String user, String password, URI uri) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic);
    }

    private void expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status && !(status == 200 && response.statusCode() == 204)) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body() + "\n" + logs());
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL) and deletes its directory. */
    public void stop() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    public String logs() {
        try {
            return Files.readString(dir.resolve("radicale.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitListening() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("radicale exited with " + process.exitValue() + ": " + logs());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("radicale did not listen on " + port + " within 20 s: " + logs());
    }

    /** /usr/bin/radicale, or the module under Debian's python3 when only the library is installed. */
    private static List<String> command() throws Exception {
        if (Files.isExecutable(BINARY)) {
            return new java.util.ArrayList<>(List.of(BINARY.toString()));
        }
        boolean module = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import radicale").start().waitFor() == 0;
        if (!module && "1".equals(System.getenv("TICKLER_REQUIRE_RADICALE"))) {
            throw new IllegalStateException("TICKLER_REQUIRE_RADICALE=1 but " + BINARY + " is missing: apt-get install -y radicale");
        }
        Assumptions.assumeTrue(module, "Radicale is not installed, so the CalDAV real-server tests are skipped. "
                + "Enable them with: apt-get install -y radicale (CI sets TICKLER_REQUIRE_RADICALE=1 to make this a failure)");
        return new java.util.ArrayList<>(List.of(PYTHON.toString(), "-m", "radicale"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
