package dev.tickler.config;

import dev.tickler.cadence.BusinessCalendar;
import dev.tickler.cadence.CadencePolicy;
import dev.tickler.detect.ProposalRules;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML configuration, resolves secret references and validates every key. All problems
 * are reported together, each naming its key: "mailboxes[0].imap.port: must be 1..65535, was 0".
 */
public final class ConfigLoader {

    static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");
    private static final Pattern MAILBOX_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    /** A hundred years: the cadence's own limits make anything longer meaningless. */
    static final int MAX_AGE_DAYS_LIMIT = 36_500;
    private static final Pattern DURATION = Pattern.compile("^(\\d+)\\s*(s|m|h)$");

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    public static ConfigLoader fromSystem() {
        return new ConfigLoader(System.getenv());
    }

    public TicklerConfig load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": can't read (" + e.getMessage() + ")");
        }
        return parse(yaml, file.toString());
    }

    public TicklerConfig parse(String yaml, String sourceName) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new ConfigException(sourceName + (location == null ? "" : ":" + location.getLineNr())
                    + ": not valid YAML (" + e.getOriginalMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        TicklerConfig config = read(new ConfigNode(root, "", problems), new SecretResolver(environment));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private TicklerConfig read(ConfigNode root, SecretResolver secrets) {
        if (root.isMissing()) {
            root.problem("the configuration is empty");
            return null;
        }
        root.onlyKeys("stateDir", "store", "company", "policy", "detection", "templates", "locale", "localeByDomain",
                "pollInterval", "mailboxes");
        Path stateDir = Path.of(root.get("stateDir").text().orElse("./data"));
        TicklerConfig.Store store = readStore(root.get("store"), stateDir, secrets);
        ConfigNode company = root.get("company");
        company.onlyKeys("domains");
        List<String> domains = new ArrayList<>();
        for (ConfigNode d : company.get("domains").list()) {
            d.text().map(s -> s.toLowerCase(Locale.ROOT)).ifPresent(s -> {
                if (DOMAIN.matcher(s).matches()) {
                    domains.add(s);
                } else {
                    d.problem("must be a domain like acme.example, was \"" + s + "\"");
                }
            });
        }
        TicklerConfig.Policy cadence = readPolicy(root.get("policy"), TicklerConfig.Policy.DEFAULT);
        ProposalRules detection = readDetection(root.get("detection"));
        Optional<Path> templates = root.get("templates").text().map(Path::of);
        templates.ifPresent(t -> {
            if (!Files.isDirectory(t)) {
                root.get("templates").problem("directory " + t + " does not exist");
            }
        });
        String locale = root.get("locale").text().orElse("en");
        if (!locale.matches("[a-z]{2}([_-][A-Za-z]{2})?")) {
            root.get("locale").problem("must be a language code like en or de, was \"" + locale + "\"");
        }
        Duration pollInterval = readDuration(root.get("pollInterval"), Duration.ofMinutes(5));
        Map<String, String> localeByDomain = new java.util.LinkedHashMap<>();
        ConfigNode byDomain = root.get("localeByDomain");
        for (String domain : byDomain.keys()) {
            byDomain.get(domain).text().ifPresent(l -> localeByDomain.put(domain.toLowerCase(Locale.ROOT), l));
        }
        List<TicklerConfig.Mailbox> mailboxes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<ConfigNode> items = root.get("mailboxes").list();
        if (items.isEmpty() && !root.get("mailboxes").isMissing()) {
            root.get("mailboxes").problem("at least one mailbox is required");
        } else if (root.get("mailboxes").isMissing()) {
            root.get("mailboxes").problem("is required: list the reps' mailboxes");
        }
        for (ConfigNode item : items) {
            TicklerConfig.Mailbox mailbox = readMailbox(item, secrets, cadence);
            if (mailbox != null && !ids.add(mailbox.id())) {
                item.get("id").problem("\"" + mailbox.id() + "\" is used by another mailbox; ids must be unique");
            }
            if (mailbox != null) {
                mailboxes.add(mailbox);
            }
        }
        return new TicklerConfig(stateDir, store, domains, cadence, detection, templates, locale, localeByDomain, pollInterval,
                mailboxes);
    }

    private static ProposalRules readDetection(ConfigNode node) {
        node.onlyKeys("threshold", "weights", "offerWords", "notOfferWords");
        int threshold = node.get("threshold").integer(ProposalRules.DEFAULT_THRESHOLD, 1, 50);
        ConfigNode weightsNode = node.get("weights");
        weightsNode.onlyKeys(ProposalRules.DEFAULT_WEIGHTS.keySet().toArray(new String[0]));
        Map<String, Integer> weights = new java.util.LinkedHashMap<>();
        for (String rule : ProposalRules.DEFAULT_WEIGHTS.keySet()) {
            ConfigNode w = weightsNode.get(rule);
            if (!w.isMissing()) {
                weights.put(rule, w.integer(ProposalRules.DEFAULT_WEIGHTS.get(rule), -50, 50));
            }
        }
        return new ProposalRules(threshold, weights, node.get("offerWords").textList(), node.get("notOfferWords").textList());
    }

    private static TicklerConfig.Store readStore(ConfigNode node, Path stateDir, SecretResolver secrets) {
        node.onlyKeys("url", "username", "password");
        String url = node.get("url").text()
                .orElse("jdbc:hsqldb:file:" + stateDir.resolve("tickler").toString().replace('\\', '/'));
        if (!url.startsWith("jdbc:hsqldb:") && !url.startsWith("jdbc:postgresql:")) {
            node.get("url").problem("must be a jdbc:hsqldb: or jdbc:postgresql: URL, was \"" + url + "\"");
        }
        String username = node.get("username").text().orElse(url.startsWith("jdbc:hsqldb:") ? "SA" : "");
        Optional<Secret> password = secrets.resolve(node.get("password"), false);
        return new TicklerConfig.Store(url, username, password);
    }

    /** A policy block: every key optional, missing ones taken from {@code base}. */
    private static TicklerConfig.Policy readPolicy(ConfigNode node, TicklerConfig.Policy base) {
        node.onlyKeys("graceBusinessDays", "intervalDays", "maxTouches", "nurture", "workingDays", "workingHours", "holidays",
                "maxAgeDays");
        ConfigNode nurture = node.get("nurture");
        nurture.onlyKeys("enabled", "intervalDays", "maxCheckIns");
        CadencePolicy.Nurture n = base.nurture();
        CadencePolicy.Nurture nurturePolicy = new CadencePolicy.Nurture(
                nurture.get("enabled").bool(n.enabled()),
                nurture.get("intervalDays").integer(n.intervalDays(), 1, 365),
                nurture.get("maxCheckIns").integer(n.maxCheckIns(), 0, 50));
        Set<DayOfWeek> days = base.workingDays();
        if (!node.get("workingDays").isMissing()) {
            days = EnumSet.noneOf(DayOfWeek.class);
            for (ConfigNode d : node.get("workingDays").list()) {
                String value = d.text().orElse("").toUpperCase(Locale.ROOT);
                Optional<DayOfWeek> day = java.util.Arrays.stream(DayOfWeek.values())
                        .filter(w -> !value.isEmpty() && w.name().startsWith(value.length() >= 3 ? value.substring(0, 3) : "?"))
                        .findFirst();
                day.ifPresentOrElse(days::add, () -> d.problem("must be a weekday like MON or Monday, was \"" + value + "\""));
            }
            if (days.isEmpty()) {
                node.get("workingDays").problem("needs at least one working day");
                days = base.workingDays();
            }
        }
        LocalTime starts = base.dayStarts();
        LocalTime ends = base.dayEnds();
        Optional<String> hours = node.get("workingHours").text();
        if (hours.isPresent()) {
            LocalTime[] parsed = workingHours(node.get("workingHours"), hours.get());
            if (parsed != null) {
                starts = parsed[0];
                ends = parsed[1];
            }
        }
        Set<LocalDate> holidays = base.holidays();
        if (!node.get("holidays").isMissing()) {
            holidays = new java.util.HashSet<>();
            for (ConfigNode h : node.get("holidays").list()) {
                Optional<LocalDate> date = h.date();
                date.ifPresent(holidays::add);
            }
        }
        int grace = node.get("graceBusinessDays").integer(base.graceBusinessDays(), 0, 60);
        int interval = node.get("intervalDays").integer(base.intervalDays(), 1, 365);
        int maxTouches = node.get("maxTouches").integer(base.maxTouches(), 0, 20);
        java.util.OptionalInt maxAge = base.maxAgeDays();
        ConfigNode maxAgeNode = node.get("maxAgeDays");
        if (!maxAgeNode.isMissing()) {
            int value = maxAgeNode.integer(-1, 1, MAX_AGE_DAYS_LIMIT);
            maxAge = value < 0 ? maxAge : java.util.OptionalInt.of(value);
        }
        int span = CadencePolicy.spanDays(grace, interval, maxTouches, nurturePolicy);
        boolean setHere = !maxAgeNode.isMissing()
                || span != CadencePolicy.spanDays(base.graceBusinessDays(), base.intervalDays(), base.maxTouches(), base.nurture());
        if (setHere && maxAge.isPresent() && maxAge.getAsInt() < span) {
            // Named where it was set, or at this policy when an override here made the cadence longer than it.
            (maxAgeNode.isMissing() ? node : maxAgeNode).problem("maxAgeDays " + maxAge.getAsInt() + " ends pursuits before their"
                    + " cadence does (" + span + " days: grace, touches and check-ins); raise it to at least " + span
                    + " or shorten the cadence");
        }
        return new TicklerConfig.Policy(grace, interval, maxTouches, nurturePolicy, days, starts, ends, holidays, maxAge);
    }

    private static LocalTime[] workingHours(ConfigNode node, String value) {
        Matcher m = Pattern.compile("^(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})$").matcher(value);
        try {
            if (m.matches()) {
                LocalTime a = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                LocalTime b = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                if (b.isAfter(a)) {
                    return new LocalTime[] {a, b};
                }
            }
        } catch (DateTimeException e) {
            // reported below
        }
        node.problem("must be a span like 09:00-17:00 (end after start), was \"" + value + "\"");
        return null;
    }

    private static TicklerConfig.Mailbox readMailbox(ConfigNode node, SecretResolver secrets, TicklerConfig.Policy defaults) {
        node.onlyKeys("id", "owner", "aliases", "timezone", "imap", "policy", "absences", "calendar");
        String id = node.get("id").requiredText();
        if (!id.isEmpty() && !MAILBOX_ID.matcher(id).matches()) {
            node.get("id").problem("must be 1-64 letters, digits, '.', '_' or '-', was \"" + id + "\"");
        }
        ConfigNode ownerNode = node.get("owner");
        ownerNode.onlyKeys("name", "address", "signature");
        String address = ownerNode.get("address").requiredText();
        checkAddress(ownerNode.get("address"), address);
        String name = ownerNode.get("name").text().orElse(null);
        List<String> aliases = node.get("aliases").textList();
        List<ConfigNode> aliasNodes = node.get("aliases").list();
        for (int i = 0; i < aliases.size() && i < aliasNodes.size(); i++) {
            checkAddress(aliasNodes.get(i), aliases.get(i));
        }
        ZoneId zone = ZoneId.systemDefault();
        Optional<String> tz = node.get("timezone").text();
        if (tz.isPresent()) {
            try {
                zone = ZoneId.of(tz.get());
            } catch (DateTimeException e) {
                node.get("timezone").problem("unknown timezone \"" + tz.get() + "\"; use a region id like Europe/Berlin");
            }
        }
        TicklerConfig.Imap imap = SourceConfigReader.readImap(node.get("imap"), address, secrets);
        TicklerConfig.Policy policy = readPolicy(node.get("policy"), defaults);
        ConfigNode calendar = node.get("calendar");
        calendar.onlyKeys("workingHours", "invitations", "caldav", "slots", "lookBackDays", "lookAheadDays");
        TicklerConfig.Calendar calendarSettings = SourceConfigReader.readCalendar(calendar, secrets);
        Optional<String> calendarHours = calendar.get("workingHours").text();
        if (calendarHours.isPresent()) {
            LocalTime[] parsed = workingHours(calendar.get("workingHours"), calendarHours.get());
            if (parsed != null) {
                policy = policy.withWorkingHours(parsed[0], parsed[1]);
            }
        }
        List<BusinessCalendar.Absence> absences = new ArrayList<>();
        for (ConfigNode a : node.get("absences").list()) {
            a.onlyKeys("from", "to");
            Optional<LocalDate> from = a.get("from").date();
            Optional<LocalDate> to = a.get("to").date();
            if (from.isEmpty() || to.isEmpty()) {
                if (a.get("from").isMissing() || a.get("to").isMissing()) {
                    a.problem("needs both from and to (YYYY-MM-DD)");
                }
            } else if (to.get().isBefore(from.get())) {
                a.get("to").problem("is before from (" + from.get() + ")");
            } else {
                absences.add(new BusinessCalendar.Absence(from.get(), to.get()));
            }
        }
        String signature = ownerNode.get("signature").text().orElse(null);
        return new TicklerConfig.Mailbox(id, new TicklerConfig.Owner(name, address, signature), aliases, zone, imap, policy, absences,
                calendarSettings);
    }

    private static void checkAddress(ConfigNode node, String address) {
        if (!address.isEmpty() && !ADDRESS.matcher(address).matches()) {
            node.problem("must be an email address like riley@acme.example, was \"" + address + "\"");
        }
    }

    private static Duration readDuration(ConfigNode node, Duration defaultValue) {
        Optional<String> raw = node.text();
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(raw.get().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            node.problem("must be a duration like 30s, 5m or 1h, was \"" + raw.get() + "\"");
            return defaultValue;
        }
        if (m.group(1).replaceFirst("^0+(?=\\d)", "").length() > 6) { // over 24h in any unit, and no overflow below
            node.problem("must be between 10s and 24h, was " + raw.get());
            return defaultValue;
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (d.compareTo(Duration.ofSeconds(10)) < 0 || d.compareTo(Duration.ofDays(1)) > 0) {
            node.problem("must be between 10s and 24h, was " + raw.get());
            return defaultValue;
        }
        return d;
    }
}
