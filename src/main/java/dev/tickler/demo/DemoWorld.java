package dev.tickler.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tickler.config.Secret;
import dev.tickler.config.TicklerConfig;
import dev.tickler.draft.Draft;
import dev.tickler.imap.ImapSettings;
import dev.tickler.pursuit.PursuitAssembler;
import dev.tickler.runtime.PassReport;
import dev.tickler.runtime.PursuitView;
import dev.tickler.runtime.Tickler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code tickler demo}: an embedded GreenMail server on free loopback ports, seeded with a small
 * sales world, and Tickler run against it through the real IMAP path, twice.
 */
public final class DemoWorld implements AutoCloseable {

    public static final String REP = "riley@acme.example";
    public static final String REP_LOGIN = "riley";
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final GreenMail greenMail;
    private final Clock clock;
    private final String password;
    private final Path stateDir;
    private final List<DemoScenario> scenarios = new ArrayList<>();

    private DemoWorld(GreenMail greenMail, Clock clock, String password, Path stateDir) {
        this.greenMail = greenMail;
        this.clock = clock;
        this.password = password;
        this.stateDir = stateDir;
    }

    /** Starts the server and seeds the world as of {@code clock}. */
    public static DemoWorld start(Clock clock) throws MessagingException, IOException {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()});
        greenMail.start();
        greenMail.setUser(REP, REP_LOGIN, password);
        DemoWorld world = new DemoWorld(greenMail, clock, password, Files.createTempDirectory("tickler-demo"));
        world.seed();
        return world;
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public String password() {
        return password;
    }

    /** The pursuit id of a scenario's proposal. */
    public String pursuitId(DemoScenario scenario) {
        return PursuitAssembler.pursuitId("riley", scenario.proposalMessageId());
    }

    public List<DemoScenario> scenarios() {
        return List.copyOf(scenarios);
    }

    /** The configuration a real deployment would write in YAML, pointing at the embedded server. */
    public TicklerConfig config() {
        TicklerConfig.Imap imap = new TicklerConfig.Imap("127.0.0.1", imapPort(), ImapSettings.Security.NONE, ImapSettings.Auth.PASSWORD, REP_LOGIN,
                Secret.literal(password), Optional.empty(), Optional.empty(), List.of(), Duration.ofSeconds(10), 200, Optional.empty(),
                Optional.empty(), true);
        TicklerConfig.Mailbox mailbox = new TicklerConfig.Mailbox("riley",
                new TicklerConfig.Owner("Riley Rep", REP), List.of(), ZONE, imap);
        String url = "jdbc:hsqldb:file:" + stateDir.resolve("tickler").toString().replace('\\', '/');
        return new TicklerConfig(stateDir, new TicklerConfig.Store(url, "SA", Optional.empty()), List.of("acme.example"),
                TicklerConfig.Policy.DEFAULT, dev.tickler.detect.ProposalRules.DEFAULT, Optional.empty(), "en", java.util.Map.of(),
                Duration.ofMinutes(5), List.of(mailbox));
    }

    /** Runs two passes and prints what happened; returns 0 when the second pass wrote nothing new. */
    public int run(PrintWriter out) throws MessagingException {
        return run(out, (tickler, writer) -> { });
    }

    /**
     * Runs two passes, prints what happened, then hands the still-open Tickler to {@code epilogue}
     * (the CLI uses it to show one {@code explain}). Returns 0 when the second pass wrote nothing new.
     */
    public int run(PrintWriter out, java.util.function.BiConsumer<Tickler, PrintWriter> epilogue) throws MessagingException {
        TicklerConfig config = config();
        out.println("Tickler demo: an embedded IMAP server on 127.0.0.1:" + imapPort() + " with Riley's mailbox,");
        out.println("seeded with " + scenarios.size() + " situations as of " + clock.instant() + ".");
        out.println();
        try (Tickler tickler = Tickler.start(config, clock)) {
            PassReport first = tickler.scan(false, clock).get(0);
            if (first.failed()) {
                out.println("The pass failed: " + first.failure().message());
                return 1;
            }
            out.println("Pass 1: read " + first.messagesRead() + " messages, found " + first.pursuits().size()
                    + " proposals, wrote " + first.placed().size() + " drafts.");
            out.println();
            printScenarios(out, first);
            out.println();
            out.println("Drafts now in Riley's Drafts folder (read back over IMAP):");
            printDrafts(out);
            PassReport second = tickler.scan(false, clock).get(0);
            out.println();
            out.println("Pass 2 (same mail, same time): " + second.placed().size() + " new drafts"
                    + (second.placed().isEmpty() ? " - a re-run never duplicates." : " - UNEXPECTED."));
            out.flush();
            epilogue.accept(tickler, out);
            return second.failed() || !second.placed().isEmpty() ? 1 : 0;
        }
    }

    private void printScenarios(PrintWriter out, PassReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SITUATION", "EXPECTED", "TICKLER", "WHY"});
        for (DemoScenario s : scenarios) {
            String pursuitId = s.proposalMessageId() == null ? null : PursuitAssembler.pursuitId("riley", s.proposalMessageId());
            Optional<PursuitView> view = report.pursuits().stream().filter(v -> v.pursuit().id().equals(pursuitId)).findFirst();
            Optional<Draft> draft = report.placed().stream().filter(d -> d.pursuitId().equals(pursuitId)).findFirst();
            String did = draft.map(d -> "drafted " + d.action().label() + " #" + d.step())
                    .orElse(view.map(v -> "no draft (" + v.state().name().toLowerCase() + ")").orElse("no draft (not a proposal)"));
            String why = view.map(PursuitView::reason).orElse("not a proposal: internal-only or no offer in it");
            rows.add(new String[] {s.name(), s.expected(), did, why});
        }
        printTable(out, rows);
    }

    private void printDrafts(PrintWriter out) throws MessagingException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SUBJECT", "TO", "FLAGS", "FIRST LINE"});
        Store store = connect();
        try {
            Folder drafts = store.getFolder("Drafts");
            drafts.open(Folder.READ_ONLY);
            for (Message m : drafts.getMessages()) {
                MimeMessage mime = (MimeMessage) m;
                String firstLine = "";
                try {
                    firstLine = ((String) mime.getContent()).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !(l.endsWith(",") && l.length() <= 40)).findFirst().orElse("");
                } catch (IOException e) {
                    firstLine = "(unreadable)";
                }
                String to = java.util.Arrays.stream(mime.getRecipients(Message.RecipientType.TO))
                        .map(a -> ((jakarta.mail.internet.InternetAddress) a).toUnicodeString())
                        .collect(java.util.stream.Collectors.joining(", "));
                rows.add(new String[] {m.getSubject(), to,
                        (m.isSet(Flags.Flag.DRAFT) ? "\\Draft " : "") + (m.isSet(Flags.Flag.SEEN) ? "\\Seen" : ""), firstLine});
            }
            drafts.close(false);
        } finally {
            store.close();
        }
        printTable(out, rows);
    }

    public void printConnectionHelp(PrintWriter out) {
        out.println();
        out.println("The mail server keeps running. Point a mail client at it:");
        out.println("  IMAP  host 127.0.0.1  port " + imapPort() + "  no encryption  user " + REP_LOGIN + "  password " + password);
        out.println("  SMTP  host 127.0.0.1  port " + greenMail.getSmtp().getPort() + "  no encryption  (same user)");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static void printTable(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns - 1; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** An IMAP session as the rep, for seeding and for reading back. */
    public Store connect() throws MessagingException {
        Properties props = new Properties();
        props.setProperty("mail.imap.connectiontimeout", "10000");
        props.setProperty("mail.imap.timeout", "10000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", imapPort(), REP_LOGIN, password);
        return store;
    }

    private void seed() throws MessagingException {
        Instant now = clock.instant();
        Store store = connect();
        try {
            for (String name : List.of("Sent", "Drafts")) {
                Folder f = store.getFolder(name);
                if (!f.exists()) {
                    f.create(Folder.HOLDS_MESSAGES);
                }
            }
            new DemoSeed(store, now, scenarios).seed();
        } finally {
            store.close();
        }
    }

    @Override
    public void close() {
        greenMail.stop();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** {@code days} before {@code now} at {@code hour}:12 Berlin time, moved back to Friday when that is a weekend. */
    static Instant daysAgo(Instant now, int days, int hour) {
        var time = now.minus(Duration.ofDays(days)).atZone(ZONE).withHour(hour).withMinute(12).withSecond(0).withNano(0);
        while (time.getDayOfWeek().getValue() > 5) {
            time = time.minusDays(1);
        }
        return time.toInstant();
    }
}
