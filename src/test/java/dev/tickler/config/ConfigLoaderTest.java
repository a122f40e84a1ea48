package dev.tickler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.imap.ImapSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    static final String VALID = """
            stateDir: ./data
            company: { domains: [acme.example] }
            policy: { graceBusinessDays: 3, intervalDays: 7, maxTouches: 3 }
            mailboxes:
              - id: riley
                owner: { name: Riley Rep, address: riley@acme.example }
                aliases: [r.rep@acme.example]
                timezone: Europe/Berlin
                imap:
                  host: imap.acme.example
                  port: 993
                  security: tls
                  username: riley@acme.example
                  password: ${env:TICKLER_RILEY_PASSWORD}
                  folders: { sent: Sent, drafts: Drafts }
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of("TICKLER_RILEY_PASSWORD", "s3cret"));

    @Test
    void readsTheDocumentedKeysWithTheirDefaults() {
        TicklerConfig c = loader.parse(VALID, "test.yml");
        TicklerConfig.Mailbox m = c.mailboxes().get(0);
        assertEquals("riley", m.id());
        assertEquals(ZoneId.of("Europe/Berlin"), m.timezone());
        assertEquals(ImapSettings.Security.TLS, m.imap().security());
        assertEquals("s3cret", m.imap().password().reveal());
        assertEquals("Sent", m.imap().sentFolder().orElseThrow());
        assertEquals(Duration.ofSeconds(30), m.imap().timeout());
        assertEquals(Duration.ofMinutes(5), c.pollInterval());
        assertEquals("jdbc:hsqldb:file:data/tickler", c.store().url().replace("./", ""));
        assertEquals(3, c.policy().maxTouches());
    }

    @Test
    void theSecretNeverShowsInToStringOrTheEffectiveConfig() {
        TicklerConfig c = loader.parse(VALID, "test.yml");
        assertFalse(c.toString().contains("s3cret"));
        String described = String.join("\n", ConfigDescriber.describe(c));
        assertFalse(described.contains("s3cret"));
        assertTrue(described.contains("****(env:TICKLER_RILEY_PASSWORD)"), described);
        assertFalse(described.contains("riley@acme.example"), "addresses stay out of INFO logs");
    }

    @Test
    void aCalDavCalendarIsReadWithItsSecretMasked() {
        TicklerConfig c = loader.parse(VALID + """
                    calendar:
                      caldav: { url: "https://dav.acme.example/cal/riley/", username: riley, password: "${env:TICKLER_RILEY_PASSWORD}" }
                      workingHours: "08:00-16:00"
                      slots: { count: 2, minutes: 45 }
                """, "t");
        TicklerConfig.Mailbox m = c.mailboxes().get(0);
        TicklerConfig.CalDav dav = m.calendar().caldav().orElseThrow();
        assertEquals("https://dav.acme.example/cal/riley/", dav.url().toString());
        assertEquals("s3cret", dav.password().orElseThrow().reveal());
        assertEquals(new TicklerConfig.Slots(2, 45, 5), m.calendar().slots());
        assertEquals(java.time.LocalTime.of(8, 0), m.policy().dayStarts());
        assertTrue(m.calendar().invitations());
        String described = String.join("\n", ConfigDescriber.describe(c));
        assertFalse(described.contains("s3cret"), described);
        assertTrue(described.contains("caldav=https://dav.acme.example/…"), described);
        assertFalse(described.contains("/cal/riley/"), "the path may hold an address: not at INFO");
    }

    @Test
    void aPasswordInTheDatabaseUrlIsMaskedInTheEffectiveConfig() {
        TicklerConfig c = loader.parse(VALID + "store: { url: \"jdbc:postgresql://db/tickler?user=t&password=hunter2\" }\n", "t");
        String described = String.join("\n", ConfigDescriber.describe(c));
        assertFalse(described.contains("hunter2"), described);
        assertTrue(described.contains("password=****"), described);
    }

    @Test
    void readsSecretsFromFiles(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("pw");
        Files.writeString(secret, "from-file\n");
        TicklerConfig c = loader.parse(VALID.replace("${env:TICKLER_RILEY_PASSWORD}", "${file:" + secret + "}"), "t");
        assertEquals("from-file", c.mailboxes().get(0).imap().password().reveal());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(dir.resolve("nope.yml")));
        assertTrue(e.getMessage().endsWith("nope.yml: no such file"), e.getMessage());
    }

    @Test
    void brokenYamlSaysWhere() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse("mailboxes: [\n  - id: x\n  bad", "t.yml"));
        assertTrue(e.getMessage().startsWith("t.yml:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(
                VALID.replace("port: 993", "port: 0").replace("timezone: Europe/Berlin", "timezone: Mars/Olympus"), "t"));
        assertEquals(2, e.problems().size(), e.problems().toString());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "port: 993|port: 0|mailboxes[0].imap.port: must be 1..65535, was 0",
        "port: 993|port: abc|mailboxes[0].imap.port: must be a whole number from 1 to 65535, was \"abc\"",
        "security: tls|security: ssl|mailboxes[0].imap.security: must be tls, starttls or none, was \"ssl\"",
        "security: tls|security: none|mailboxes[0].imap.security: none sends the password in clear text; it is allowed only for loopback hosts, not imap.acme.example (use tls or starttls)",
        "host: imap.acme.example|host: ''|mailboxes[0].imap.host: must not be empty",
        "password: ${env:TICKLER_RILEY_PASSWORD}|password: hunter2|mailboxes[0].imap.password: must be a reference, ${env:NAME} or ${file:/path/to/secret}, not the secret itself",
        "password: ${env:TICKLER_RILEY_PASSWORD}|password: ${env:NOT_SET_ANYWHERE}|mailboxes[0].imap.password: environment variable NOT_SET_ANYWHERE is not set",
        "password: ${env:TICKLER_RILEY_PASSWORD}|password: ${file:/nonexistent/tickler/pw}|mailboxes[0].imap.password: can't read secret file /nonexistent/tickler/pw (NoSuchFileException)",
        "timezone: Europe/Berlin|timezone: Mars/Olympus|mailboxes[0].timezone: unknown timezone \"Mars/Olympus\"; use a region id like Europe/Berlin",
        "address: riley@acme.example|address: riley|mailboxes[0].owner.address: must be an email address like riley@acme.example, was \"riley\"",
        "aliases: [r.rep@acme.example]|aliases: [not-an-address]|mailboxes[0].aliases[0]: must be an email address like riley@acme.example, was \"not-an-address\"",
        "id: riley|id: 'riley rep'|mailboxes[0].id: must be 1-64 letters, digits, '.', '_' or '-', was \"riley rep\"",
        "graceBusinessDays: 3|graceBusinessDays: -1|policy.graceBusinessDays: must be 0..60, was -1",
        "intervalDays: 7|intervalDays: 0|policy.intervalDays: must be 1..365, was 0",
        "maxTouches: 3|maxTouches: 99|policy.maxTouches: must be 0..20, was 99",
        "maxTouches: 3|maxTouches: 3, maxAgeDays: 0|policy.maxAgeDays: must be 1..36500, was 0",
        "maxTouches: 3|maxTouches: 3, maxAgeDays: 90|policy.maxAgeDays: maxAgeDays 90 ends pursuits before their cadence does (116 days: grace, touches and check-ins); raise it to at least 116 or shorten the cadence",
        "domains: [acme.example]|domains: [acme]|company.domains[0]: must be a domain like acme.example, was \"acme\"",
        "stateDir: ./data|stateDir: ./data\\nstore: { url: 'jdbc:mysql://x/y' }|store.url: must be a jdbc:hsqldb: or jdbc:postgresql: URL, was \"jdbc:mysql://x/y\"",
        "stateDir: ./data|stateDir: ./data\\npollInterval: 5 minutes|pollInterval: must be a duration like 30s, 5m or 1h, was \"5 minutes\"",
        "stateDir: ./data|stateDir: ./data\\npollInterval: 1s|pollInterval: must be between 10s and 24h, was 1s",
        "stateDir: ./data|stateDir: ./data\\npollInterval: 99999999999999999999s|pollInterval: must be between 10s and 24h, was 99999999999999999999s",
        "stateDir: ./data|stateDir: ./data\\nlocale: english|locale: must be a language code like en or de, was \"english\"",
        "stateDir: ./data|stateDir: ./data\\ntemplates: /nonexistent/templates|templates: directory /nonexistent/templates does not exist",
        "stateDir: ./data|stateDir: ./data\\nmailbox: []|mailbox: unknown key; known keys here: company, detection, locale, localeByDomain, mailboxes, policy, pollInterval, stateDir, store, templates",
        "stateDir: ./data|stateDir: ./data\\ndetection: { weights: { subject: 2 } }|detection.weights.subject: unknown key; known keys here: attachmentName, bodyPhrase, bodyWord, bulk, calendarInvitation, documentAttached, notAnOffer, otherSense, prices, subjectWord",
        "stateDir: ./data|stateDir: ./data\\ndetection: { threshold: 0 }|detection.threshold: must be 1..50, was 0",
        "port: 993|prot: 993|mailboxes[0].imap.prot: unknown key; known keys here: auth, batchSize, folders, host, idle, password, port, security, timeoutSeconds, tokenCommand, trustStore, trustStorePassword, username",
        "security: tls|security: tls\\n      auth: kerberos|mailboxes[0].imap.auth: must be password or xoauth2, was \"kerberos\"",
        "security: tls|security: tls\\n      tokenCommand: [get-token]|mailboxes[0].imap.tokenCommand: is for auth: xoauth2",
        "folders: { sent: Sent, drafts: Drafts }|folders: { sent: Sent, draft: Drafts }|mailboxes[0].imap.folders.draft: unknown key; known keys here: drafts, scan, sent",
                "folders: { sent: Sent, drafts: Drafts }|folders: { sent: Sent, drafts: Drafts }\\n    calendar: { caldav: { url: \"http://dav.acme.example/riley/\", username: r, password: '${env:TICKLER_RILEY_PASSWORD}' } }|mailboxes[0].calendar.caldav.url: http:// sends the password in clear text; it is allowed only for loopback hosts, not dav.acme.example (use https://)",
        "folders: { sent: Sent, drafts: Drafts }|folders: { sent: Sent, drafts: Drafts }\\n    calendar: { caldav: { url: \"ftp://dav.acme.example/\", username: r, password: '${env:TICKLER_RILEY_PASSWORD}' } }|mailboxes[0].calendar.caldav.url: must be an https:// URL of a calendar or calendar home, was \"ftp://dav.acme.example/\"",
        "folders: { sent: Sent, drafts: Drafts }|folders: { sent: Sent, drafts: Drafts }\\n    calendar: { caldav: { url: \"https://dav.acme.example/\", username: r } }|mailboxes[0].calendar.caldav: needs both username and password (or a token)",
        "folders: { sent: Sent, drafts: Drafts }|folders: { sent: Sent, drafts: Drafts }\\n    calendar: { caldav: { url: \"https://dav.acme.example/\", password: hunter2, username: r } }|mailboxes[0].calendar.caldav.password: must be a reference, ${env:NAME} or ${file:/path/to/secret}, not the secret itself",
        "folders: { sent: Sent, drafts: Drafts }|folders: { sent: Sent, drafts: Drafts }\\n    calendar: { slots: { count: 9 } }|mailboxes[0].calendar.slots.count: must be 0..5, was 9",
"      - id: riley|      - idx: riley|mailboxes[0].idx: unknown key; known keys here: absences, aliases, calendar, id, imap, owner, policy, timezone",
    })
    void eachValidationMessageNamesTheKeyAndTheProblem(String replace, String with, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(VALID.replace(replace, with.replace("\\n", "\n")), "t"));
        assertTrue(e.problems().contains(expected), "expected «" + expected + "» in " + e.problems());
    }

    @Test
    void theAgeLimitDefaultsToCoverTheCadenceAndIsCheckedAgainstEachMailboxsCadence() {
        TicklerConfig c = loader.parse(VALID, "t");
        assertTrue(c.policy().maxAgeDays().isEmpty());
        assertEquals(180, c.mailboxes().get(0).policy().cadence().maxAgeDays());
        TicklerConfig longer = loader.parse(VALID.replace("timezone: Europe/Berlin",
                "timezone: Europe/Berlin\n    policy: { intervalDays: 30 }"), "t");
        assertEquals(5 + 3 * 30 + 3 * 30 + 60, longer.mailboxes().get(0).policy().cadence().maxAgeDays(),
                "the default follows the mailbox's own, longer cadence");
        TicklerConfig set = loader.parse(VALID.replace("maxTouches: 3 }", "maxTouches: 3, maxAgeDays: 365 }"), "t");
        assertEquals(365, set.mailboxes().get(0).policy().cadence().maxAgeDays(), "inherited from the top level");
        assertTrue(String.join("\n", ConfigDescriber.describe(set)).contains("policy.maxAgeDays=365"));

        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(VALID
                .replace("maxTouches: 3 }", "maxTouches: 3, maxAgeDays: 120 }")
                .replace("timezone: Europe/Berlin", "timezone: Europe/Berlin\n    policy: { intervalDays: 30 }"), "t"));
        assertEquals(java.util.List.of("mailboxes[0].policy: maxAgeDays 120 ends pursuits before their cadence does (185 days:"
                + " grace, touches and check-ins); raise it to at least 185 or shorten the cadence"), e.problems(),
                "named at the override that made the cadence longer, once");
    }

    @Test
    void detectionRulesAreTunable() {
        TicklerConfig c = loader.parse(VALID + "detection: { threshold: 4, weights: { prices: 2 }, offerWords: [Leistungsangebot, tender] }\n", "t");
        assertEquals(4, c.detection().threshold());
        assertEquals(2, c.detection().weight("prices"));
        assertEquals(3, c.detection().weight("attachmentName"), "unnamed rules keep their default");
        assertEquals(java.util.List.of("Leistungsangebot", "tender"), c.detection().offerWords());
    }

    @Test
    void mailboxIdsMustBeUnique() {
        String two = VALID + VALID.substring(VALID.indexOf("  - id: riley"));
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(two, "t"));
        assertTrue(e.problems().contains("mailboxes[1].id: \"riley\" is used by another mailbox; ids must be unique"), e.problems().toString());
    }

    @Test
    void noMailboxesIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse("stateDir: ./data\\n", "t"));
        assertEquals("mailboxes: is required: list the reps' mailboxes", e.problems().get(0));
    }

    @Test
    void anEmptyFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse("", "t"));
        assertEquals("(top level): the configuration is empty", e.problems().get(0));
    }

    @Test
    void securityNoneIsFineOnLoopbackAndDefaultsThePort() {
        TicklerConfig c = loader.parse(VALID.replace("host: imap.acme.example", "host: 127.0.0.1")
                .replace("security: tls", "security: none").replace("      port: 993\n", ""), "t");
        assertEquals(143, c.mailboxes().get(0).imap().port());
    }

    @Test
    void theExampleConfigurationShippedWithTheProjectIsValid() throws Exception {
        String example = Files.readString(Path.of("config/tickler.example.yml"));
        TicklerConfig c = new ConfigLoader(Map.of("TICKLER_RILEY_PASSWORD", "x", "TICKLER_SAM_PASSWORD", "y")).parse(example, "example");
        assertFalse(c.mailboxes().isEmpty());
    }
}
