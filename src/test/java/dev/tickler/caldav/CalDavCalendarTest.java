package dev.tickler.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tickler.calendar.CalendarException;
import dev.tickler.calendar.Meeting;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CalDavCalendar's HTTP behaviour against a scripted JDK HttpServer on 127.0.0.1. */
class CalDavCalendarTest {

    private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-07-01T00:00:00Z");

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** method → status and body to answer with. */
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean dropNext = new java.util.concurrent.atomic.AtomicBoolean();

    record Request(String method, String path, String depth, String authorization, String body) {
    }

    record Answer(int status, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String depth = exchange.getRequestHeaders().getFirst("Depth");
        requests.add(new Request(method, exchange.getRequestURI().getPath(), depth,
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (dropNext.getAndSet(false)) {
            exchange.close(); // no answer at all: the connection ends
            return;
        }
        Answer answer = answers.getOrDefault(method + " " + depth, new Answer(500, ""));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
        if (answer.status() / 100 == 3) {
            exchange.getResponseHeaders().add("Location", "https://elsewhere.example/dav/");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String calendarCollection(String href) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <response><href>%s</href>
                    <propstat><prop><resourcetype><collection/><C:calendar/></resourcetype></prop>
                      <status>HTTP/1.1 200 OK</status></propstat>
                    <propstat><prop><C:supported-calendar-component-set/></prop>
                      <status>HTTP/1.1 404 Not Found</status></propstat>
                  </response>
                </multistatus>
                """.formatted(href);
    }

    private static String objects(String... calendarData) {
        StringBuilder responses = new StringBuilder();
        for (int i = 0; i < calendarData.length; i++) {
            responses.append("""
                    <D:response><D:href>/cal/work/%d.ics</D:href>
                      <D:propstat><D:prop><D:getetag>"e%d"</D:getetag><C:calendar-data>%s</C:calendar-data></D:prop>
                        <D:status>HTTP/1.1 200 OK</D:status></D:propstat>
                    </D:response>
                    """.formatted(i, i, calendarData[i]));
        }
        return "<?xml version=\"1.0\"?>\n<D:multistatus xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
                + responses + "</D:multistatus>";
    }

    private static String event(String uid, String start) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20250501T000000Z\r\nDTSTART:" + start
                + "\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    @Test
    void aBearerTokenIsSentWithEveryRequestAndReadAfresh() throws Exception {
        answers.put("PROPFIND 0", new Answer(207, calendarCollection("/cal/work/")));
        answers.put("REPORT 1", new Answer(207, objects(event("a@x", "20250610T100000Z"))));
        AtomicInteger rotation = new AtomicInteger();
        CalDavCalendar calendar = new CalDavCalendar(new CalDavSettings(url("/cal/work/"), null, null,
                () -> "token-" + rotation.incrementAndGet(), Duration.ofSeconds(5), ZoneId.of("UTC")));

        List<Meeting> meetings = calendar.meetings(FROM, TO);

        assertEquals(List.of(Instant.parse("2025-06-10T10:00:00Z")), meetings.stream().map(Meeting::start).toList());
        assertEquals(List.of("Bearer token-1", "Bearer token-2"), requests.stream().map(Request::authorization).toList());
        Request report = requests.get(1);
        assertEquals("REPORT", report.method());
        assertEquals("/cal/work/", report.path());
        assertTrue(report.body().contains("<C:time-range start=\"20250601T000000Z\" end=\"20250701T000000Z\"/>"), report.body());
    }

    @Test
    void basicAuthIsSentPreemptively() throws Exception {
        answers.put("PROPFIND 0", new Answer(207, calendarCollection("/cal/work/")));
        answers.put("REPORT 1", new Answer(207, objects()));
        new CalDavCalendar(new CalDavSettings(url("/cal/work/"), "jane", () -> "pw", null, null, ZoneId.of("UTC")))
                .meetings(FROM, TO);

        assertEquals("Basic amFuZTpwdw==", requests.get(0).authorization(), "jane:pw on the very first request");
    }

    @Test
    void serviceUnavailableIsTransient() {
        answers.put("PROPFIND 0", new Answer(503, ""));
        CalendarException e = assertThrows(CalendarException.class, () -> calendar("/cal/work/").meetings(FROM, TO));

        assertFalse(e.permanent());
        assertEquals("caldav 127.0.0.1:" + server.getAddress().getPort() + "/cal/work/: server unavailable (HTTP 503)",
                e.getMessage());
    }

    @Test
    void aConnectionDroppedWithoutAnswerIsRetriedOnce() throws Exception {
        answers.put("PROPFIND 0", new Answer(207, calendarCollection("/cal/work/")));
        answers.put("REPORT 1", new Answer(207, objects(event("a@x", "20250610T100000Z"))));
        dropNext.set(true);

        assertEquals(1, calendar("/cal/work/").meetings(FROM, TO).size());
        assertEquals(List.of("PROPFIND", "PROPFIND", "REPORT"), requests.stream().map(Request::method).toList());
    }

    @Test
    void aRedirectIsNotFollowedWithTheCredentialsButNamed() {
        answers.put("PROPFIND 0", new Answer(301, ""));
        CalendarException e = assertThrows(CalendarException.class, () -> calendar("/cal/work/").meetings(FROM, TO));

        assertTrue(e.permanent());
        assertTrue(e.getMessage().contains("the server redirects to elsewhere.example/dav/ (HTTP 301)"), e.getMessage());
        assertEquals(1, requests.size(), "nothing was sent to the other host");
    }

    @Test
    void notFoundIsPermanent() {
        answers.put("PROPFIND 0", new Answer(404, ""));
        CalendarException e = assertThrows(CalendarException.class, () -> calendar("/cal/nope/").meetings(FROM, TO));

        assertTrue(e.permanent());
        assertTrue(e.getMessage().endsWith("/cal/nope/: no calendar at this URL (HTTP 404)"), e.getMessage());
    }

    @Test
    void oneUnreadableObjectIsSkippedAndCounted() throws Exception {
        answers.put("PROPFIND 0", new Answer(207, calendarCollection("/cal/work/")));
        answers.put("REPORT 1", new Answer(207, objects(event("a@x", "20250610T100000Z"), "BEGIN:VCALENDAR\r\nnonsense",
                event("b@x", "20250611T100000Z"))));
        CalDavCalendar calendar = calendar("/cal/work/");

        List<Meeting> meetings = calendar.meetings(FROM, TO);

        assertEquals(List.of("a@x", "b@x"), meetings.stream().map(Meeting::uid).toList());
        assertEquals(1, calendar.skippedObjects());
    }

    @Test
    void aHomeIsSearchedForEventCalendarsOnly() throws Exception {
        answers.put("PROPFIND 0", new Answer(207, """
                <D:multistatus xmlns:D="DAV:"><D:response><D:href>/cal/</D:href>
                  <D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop>
                  <D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>
                """));
        answers.put("PROPFIND 1", new Answer(207, """
                <D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <D:response><D:href>/cal/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype>
                    </D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
                  <D:response><D:href>/cal/work/</D:href><D:propstat><D:prop>
                    <D:resourcetype><D:collection/><C:calendar/></D:resourcetype>
                    <C:supported-calendar-component-set><C:comp name="VEVENT"/><C:comp name="VTODO"/></C:supported-calendar-component-set>
                    </D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
                  <D:response><D:href>/cal/tasks/</D:href><D:propstat><D:prop>
                    <D:resourcetype><D:collection/><C:calendar/></D:resourcetype>
                    <C:supported-calendar-component-set><C:comp name="VTODO"/></C:supported-calendar-component-set>
                    </D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
                  <D:response><D:href>/cal/contacts/</D:href><D:propstat><D:prop>
                    <D:resourcetype><D:collection/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
                  </D:response>
                </D:multistatus>
                """));

        assertEquals(List.of(url("/cal/work/")), calendar("/cal/").calendars());
    }

    @Test
    void aDoctypeInTheAnswerIsRefusedNotExpanded() {
        answers.put("PROPFIND 0", new Answer(207, """
                <?xml version="1.0"?>
                <!DOCTYPE multistatus [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <multistatus xmlns="DAV:"><response><href>&xxe;</href></response></multistatus>
                """));
        CalendarException e = assertThrows(CalendarException.class, () -> calendar("/cal/work/").meetings(FROM, TO));

        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CalDavSettings(
                URI.create("https://jane:hunter2@dav.example/cal/"), null, null, null, null, ZoneId.of("UTC")));

        assertFalse(e.getMessage().contains("hunter2"));
    }

    private CalDavCalendar calendar(String path) {
        return new CalDavCalendar(new CalDavSettings(url(path), "jane", () -> "pw", null, Duration.ofSeconds(5), ZoneId.of("UTC")));
    }
}
