package dev.tickler.caldav;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the rep's CalDAV calendar is and how to log in.
 *
 * @param url          one calendar collection, or a calendar home whose calendars are all read
 *                     (http or https; credentials never in the URL)
 * @param username     for HTTP basic auth together with {@code password}, or null
 * @param password     read at every request, so a rotated secret is picked up; null for none
 * @param bearerToken  an OAuth access token, read at every request; when given it is used instead
 *                     of basic auth; null for none
 * @param timeout      connect timeout and per-request timeout (default 30 s)
 * @param floatingZone the zone for floating times and all-day events: the rep's zone
 */
public record CalDavSettings(URI url, String username, Supplier<String> password, Supplier<String> bearerToken,
        Duration timeout, ZoneId floatingZone) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public CalDavSettings {
        Objects.requireNonNull(url, "caldav url is required");
        Objects.requireNonNull(floatingZone, "caldav floatingZone is required");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("caldav url must be http or https");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("caldav url must name a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("caldav url must not contain credentials: set username and password instead");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("caldav timeout must be positive");
        }
        username = username == null || username.isBlank() ? null : username;
    }

    /** host[:port]/path of the URL: names the calendar in messages without any secret. */
    public String label() {
        return label(url);
    }

    /** host[:port] only: for WARN logs (a CalDAV path often holds the user's address). */
    public String host() {
        return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    static String label(URI uri) {
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    @Override
    public String toString() {
        return "CalDavSettings[url=" + url.getScheme() + "://" + label() + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", bearerToken=" + (bearerToken == null ? "none" : "***")
                + ", timeout=" + timeout + ", floatingZone=" + floatingZone + "]";
    }
}
