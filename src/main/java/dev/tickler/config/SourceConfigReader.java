package dev.tickler.config;

import dev.tickler.imap.ImapSettings.Security;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads where one mailbox's mail and meetings come from: its IMAP server and its calendar. Both
 * carry credentials and a transport, so both refuse clear text off loopback with the same rule.
 */
final class SourceConfigReader {

    private SourceConfigReader() {
    }

    static TicklerConfig.Imap readImap(ConfigNode node, String ownerAddress, SecretResolver secrets) {
        if (node.isMissing()) {
            node.problem("is required (the only mail source so far)");
            return null;
        }
        node.onlyKeys("host", "port", "security", "auth", "username", "password", "tokenCommand", "folders", "timeoutSeconds",
                "batchSize", "trustStore", "trustStorePassword", "idle");
        String host = node.get("host").requiredText();
        Security security = Security.TLS;
        Optional<String> sec = node.get("security").text();
        if (sec.isPresent()) {
            try {
                security = Security.valueOf(sec.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                node.get("security").problem("must be tls, starttls or none, was \"" + sec.get() + "\"");
            }
        }
        if (security == Security.NONE && !host.isEmpty() && !isLoopback(host)) {
            node.get("security").problem("none sends the password in clear text; it is allowed only for loopback hosts, not "
                    + host + " (use tls or starttls)");
        }
        int port = node.get("port").integer(security.defaultPort(), 1, 65535);
        String username = node.get("username").text().orElse(ownerAddress);
        dev.tickler.imap.ImapSettings.Auth auth = dev.tickler.imap.ImapSettings.Auth.PASSWORD;
        Optional<String> authText = node.get("auth").text();
        if (authText.isPresent()) {
            switch (authText.get().toLowerCase(Locale.ROOT)) {
                case "password" -> auth = dev.tickler.imap.ImapSettings.Auth.PASSWORD;
                case "xoauth2" -> auth = dev.tickler.imap.ImapSettings.Auth.XOAUTH2;
                default -> node.get("auth").problem("must be password or xoauth2, was \"" + authText.get() + "\"");
            }
        }
        List<String> tokenCommand = node.get("tokenCommand").textList();
        Secret password;
        if (!tokenCommand.isEmpty()) {
            if (auth != dev.tickler.imap.ImapSettings.Auth.XOAUTH2) {
                node.get("tokenCommand").problem("is for auth: xoauth2");
            }
            if (!node.get("password").isMissing()) {
                node.get("password").problem("give either password (the token file) or tokenCommand, not both");
            }
            password = Secret.fromCommand(tokenCommand);
        } else {
            password = secrets.resolve(node.get("password"), true).orElse(null);
        }
        ConfigNode folders = node.get("folders");
        folders.onlyKeys("sent", "drafts", "scan");
        int timeout = node.get("timeoutSeconds").integer(30, 1, 600);
        int batchSize = node.get("batchSize").integer(200, 1, 5000);
        Optional<Path> trustStore = node.get("trustStore").text().map(Path::of);
        trustStore.ifPresent(t -> {
            if (!Files.isReadable(t)) {
                node.get("trustStore").problem("can't read " + t);
            }
        });
        Optional<Secret> trustStorePassword = secrets.resolve(node.get("trustStorePassword"), false);
        return new TicklerConfig.Imap(host, port, security, auth, username, password,
                folders.get("sent").text(), folders.get("drafts").text(), folders.get("scan").textList(),
                Duration.ofSeconds(timeout), batchSize, trustStore, trustStorePassword, node.get("idle").bool(true));
    }

    static TicklerConfig.Calendar readCalendar(ConfigNode node, SecretResolver secrets) {
        TicklerConfig.Calendar d = TicklerConfig.Calendar.DEFAULT;
        ConfigNode slots = node.get("slots");
        slots.onlyKeys("count", "minutes", "horizonBusinessDays");
        TicklerConfig.Slots s = new TicklerConfig.Slots(slots.get("count").integer(d.slots().count(), 0, 5),
                slots.get("minutes").integer(d.slots().minutes(), 10, 240),
                slots.get("horizonBusinessDays").integer(d.slots().horizonBusinessDays(), 1, 20));
        Optional<TicklerConfig.CalDav> caldav = Optional.empty();
        ConfigNode dav = node.get("caldav");
        if (!dav.isMissing()) {
            dav.onlyKeys("url", "username", "password", "token", "timeoutSeconds");
            String rawUrl = dav.get("url").requiredText();
            java.net.URI url = null;
            try {
                url = new java.net.URI(rawUrl);
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if (!rawUrl.isEmpty() && (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null)) {
                    dav.get("url").problem("must be an https:// URL of a calendar or calendar home, was \"" + rawUrl + "\"");
                } else if (scheme.equals("http") && !isLoopback(url.getHost())) {
                    dav.get("url").problem("http:// sends the password in clear text; it is allowed only for loopback hosts, not "
                            + url.getHost() + " (use https://)");
                } else if (url.getRawUserInfo() != null) {
                    dav.get("url").problem("must not carry credentials; use username and password (or token)");
                }
            } catch (java.net.URISyntaxException e) {
                dav.get("url").problem("is not a valid URL: " + e.getReason());
            }
            Optional<String> username = dav.get("username").text();
            Optional<Secret> password = secrets.resolve(dav.get("password"), false);
            Optional<Secret> token = secrets.resolve(dav.get("token"), false);
            if (token.isPresent() && (username.isPresent() || password.isPresent())) {
                dav.get("token").problem("give either token or username and password, not both");
            } else if (token.isEmpty() && (username.isPresent() != password.isPresent())) {
                dav.problem("needs both username and password (or a token)");
            }
            int timeout = dav.get("timeoutSeconds").integer(30, 1, 600);
            caldav = Optional.of(new TicklerConfig.CalDav(url, username, password, token, Duration.ofSeconds(timeout)));
        }
        return new TicklerConfig.Calendar(node.get("invitations").bool(d.invitations()), caldav, s,
                node.get("lookBackDays").integer(d.lookBackDays(), 1, 730), node.get("lookAheadDays").integer(d.lookAheadDays(), 1, 365));
    }

    /** An IPv4 literal in 127.0.0.0/8: four decimal octets, nothing else (127.mail.example is a name, resolved anywhere). */
    private static final java.util.regex.Pattern LOOPBACK_V4 =
            java.util.regex.Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /** Whether the host is the loopback interface by its very form: {@code localhost}, a 127/8 or ::1 literal. No lookup. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || LOOPBACK_V4.matcher(h).matches() || h.equals("::1") || h.equals("[::1]");
    }
}
