package dev.tickler.caldav;

import dev.tickler.calendar.CalendarException;
import dev.tickler.calendar.CalendarSource;
import dev.tickler.calendar.Meeting;
import dev.tickler.ics.IcsException;
import dev.tickler.ics.IcsReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rep's meetings from a CalDAV server (RFC 4791). The configured URL may be one calendar or a
 * calendar home: a PROPFIND finds out which, and a home's event calendars are all read. Each is
 * asked for the events that touch the window with a calendar-query REPORT; servers send whole
 * series, so recurrences are expanded here by {@link IcsReader}. A calendar object that cannot be
 * read is skipped (and counted) so one bad event does not hide the rest.
 *
 * <p>Credentials go with the first request (basic, or a bearer token when one is configured) and
 * are read from their suppliers at each request. 401/403/404 are permanent failures; 429, 5xx,
 * I/O errors and timeouts are transient.
 */
public final class CalDavCalendar implements CalendarSource {

    private static final Logger LOG = LoggerFactory.getLogger(CalDavCalendar.class);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SOURCE = "caldav";

    private static final String PROPFIND_BODY = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:resourcetype/><C:supported-calendar-component-set/></D:prop>
            </D:propfind>
            """;

    /** RFC 6764 §6 without DNS: who am I (current-user-principal), then where are my calendars. */
    private static final String DISCOVERY_BODY = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:resourcetype/><D:current-user-principal/><C:calendar-home-set/></D:prop>
            </D:propfind>
            """;

    private static final String REPORT_BODY = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:getetag/><C:calendar-data/></D:prop>
              <C:filter>
                <C:comp-filter name="VCALENDAR">
                  <C:comp-filter name="VEVENT">
                    <C:time-range start="%s" end="%s"/>
                  </C:comp-filter>
                </C:comp-filter>
              </C:filter>
            </C:calendar-query>
            """;

    private final CalDavSettings settings;
    private final HttpClient http;
    private final IcsReader reader;
    private final AtomicInteger skipped = new AtomicInteger();

    public CalDavCalendar(CalDavSettings settings) {
        this(settings, new IcsReader());
    }

    CalDavCalendar(CalDavSettings settings, IcsReader reader) {
        this.settings = settings;
        this.reader = reader;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                // Never follow: credentials must not go to a host the server names (some JDKs forward them).
                .followRedirects(HttpClient.Redirect.NEVER)
                // CalDAV servers speak HTTP/1.1; on plain http the JDK would otherwise send an h2c Upgrade.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public List<Meeting> meetings(Instant from, Instant to) throws CalendarException {
        List<Meeting> meetings = new ArrayList<>();
        int bad = 0;
        for (URI calendar : calendars()) {
            for (DavResource object : query(calendar, from, to)) {
                if (object.calendarData() == null || object.calendarData().isBlank()) {
                    continue;
                }
                try { // without well-known VTIMEZONEs: ~20x cheaper to read (docs/BENCHMARKS.md)
                    meetings.addAll(reader.meetings(IcsReader.withoutText(object.calendarData()), SOURCE, from, to, settings.floatingZone()));
                } catch (IcsException | RuntimeException e) { // one odd event must not hide the rest
                    bad++;
                    LOG.warn("caldav {}: skipped a calendar object: {}", settings.host(),
                            e instanceof IcsException ? e.getMessage() : e.getClass().getSimpleName());
                    LOG.debug("caldav {}: skipped {}", settings.label(), object.href(), e);
                }
            }
        }
        skipped.set(bad);
        LOG.debug("caldav {}: {} occurrences between {} and {}, {} objects skipped", settings.label(), meetings.size(), from, to,
                bad);
        return meetings;
    }

    /** How many calendar objects the last {@link #meetings} call skipped because they could not be read. */
    public int skippedObjects() {
        return skipped.get();
    }

    /**
     * The configured URL when it is a calendar, else the event calendars directly below it, else
     * (the URL is the server's root or the user's principal, as iCloud and Google hand out) the
     * calendars of the user's calendar home, found through current-user-principal and calendar-home-set.
     */
    List<URI> calendars() throws CalendarException {
        URI url = settings.url();
        List<DavResource> self = multistatus(url, "PROPFIND", "0", PROPFIND_BODY);
        if (self.stream().anyMatch(DavResource::calendar)) {
            return List.of(url);
        }
        List<URI> calendars = childCalendars(url);
        if (calendars.isEmpty()) {
            java.util.Optional<URI> home = calendarHome(url);
            if (home.isPresent() && !home.get().equals(url)) {
                calendars = childCalendars(home.get());
            }
        }
        if (calendars.isEmpty()) {
            throw new CalendarException("caldav " + settings.label() + ": no calendar at this URL or below it", true);
        }
        LOG.debug("caldav {}: {} calendars found", settings.label(), calendars.size());
        return calendars;
    }

    private List<URI> childCalendars(URI collection) throws CalendarException {
        List<URI> calendars = new ArrayList<>();
        for (DavResource child : multistatus(collection, "PROPFIND", "1", PROPFIND_BODY)) {
            if (child.eventCalendar()) {
                calendars.add(collection.resolve(child.href()));
            }
        }
        return calendars;
    }

    /** The user's calendar home: the URL's own calendar-home-set, else its current-user-principal's. */
    private java.util.Optional<URI> calendarHome(URI url) throws CalendarException {
        DavResource self = multistatus(url, "PROPFIND", "0", DISCOVERY_BODY).stream().findFirst().orElse(null);
        if (self == null) {
            return java.util.Optional.empty();
        }
        if (self.calendarHome() != null) {
            return java.util.Optional.of(url.resolve(self.calendarHome()));
        }
        if (self.principal() == null) {
            return java.util.Optional.empty();
        }
        URI principal = url.resolve(self.principal());
        return multistatus(principal, "PROPFIND", "0", DISCOVERY_BODY).stream().findFirst()
                .map(DavResource::calendarHome).filter(h -> h != null).map(principal::resolve);
    }

    private List<DavResource> query(URI calendar, Instant from, Instant to) throws CalendarException {
        return multistatus(calendar, "REPORT", "1", REPORT_BODY.formatted(UTC.format(from), UTC.format(to)));
    }

    private List<DavResource> multistatus(URI uri, String method, String depth, String body) throws CalendarException {
        String where = "caldav " + CalDavSettings.label(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Depth", depth)
                .header("Content-Type", "application/xml; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String authorization = authorization();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = send(request.build());
        } catch (HttpTimeoutException e) {
            throw new CalendarException(where + ": timed out after " + settings.timeout().toSeconds() + " s", false, e);
        } catch (IOException e) {
            throw new CalendarException(where + ": connection failed (" + e.getClass().getSimpleName() + ")", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalendarException(where + ": interrupted", false, e);
        }
        if (response.statusCode() / 100 == 3) {
            String location = response.headers().firstValue("Location").map(l -> CalDavSettings.label(uri.resolve(l))).orElse("?");
            throw new CalendarException(where + ": the server redirects to " + location + " (HTTP " + response.statusCode()
                    + "); set calendar.caldav.url to that address", true);
        }
        checkStatus(where, method, response.statusCode());
        try {
            return Multistatus.parse(response.body());
        } catch (IOException e) {
            throw new CalendarException(where + ": " + e.getMessage() + " (" + method + ")", false, e);
        }
    }

    /**
     * PROPFIND and REPORT only read, so a failed attempt is retried once: servers that close a
     * kept-alive connection just as it is reused (Radicale does) otherwise fail every other read,
     * and the JDK client retries only GET and HEAD by itself.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            LOG.debug("caldav {}: {} failed ({}), retrying once", settings.label(), request.method(), e.getClass().getSimpleName());
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private static void checkStatus(String where, String method, int status) throws CalendarException {
        if (status == 207 || status == 200) {
            return;
        }
        if (status == 401 || status == 403) {
            throw new CalendarException(where + ": authentication failed (HTTP " + status + ")", true);
        }
        if (status == 404) {
            throw new CalendarException(where + ": no calendar at this URL (HTTP 404)", true);
        }
        if (status == 429 || status >= 500) {
            throw new CalendarException(where + ": server unavailable (HTTP " + status + ")", false);
        }
        // 405 and friends: the URL is no CalDAV collection; retrying will not change that.
        throw new CalendarException(where + ": " + method + " refused (HTTP " + status + ")", true);
    }

    /** Read at each request so a rotated password or token is picked up. */
    private String authorization() {
        if (settings.bearerToken() != null) {
            String token = settings.bearerToken().get();
            if (token != null && !token.isBlank()) {
                return "Bearer " + token.trim();
            }
        }
        if (settings.username() != null && settings.password() != null) {
            String password = settings.password().get();
            String pair = settings.username() + ":" + (password == null ? "" : password);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }
}
