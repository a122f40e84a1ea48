package dev.tickler.it;

import dev.tickler.testing.DovecotServer;
import dev.tickler.testing.LatencyProxy;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a test (only {@code -Dit.test=ImapSyncBench} runs it; size with {@code -Dbench.messages=50000}):
 * a Dovecot mailbox written straight to Maildir (half Sent, half INBOX, 20 % of Sent with a PDF,
 * some replies), then (d) the floor: one plain {@code UID FETCH 1:* (UID FLAGS INTERNALDATE ENVELOPE
 * BODYSTRUCTURE)} per folder with Angus; (d2) the floor plus the header fields Tickler reads, for every
 * message, and (d3) the floor plus the header fields and text of Sent, each on its own copy of the
 * mailbox; (a) Tickler's first sync in a child JVM with the service unit's JVM options (-Xmx256m, C1
 * only, serial GC) and its peak RSS, (a') the sync alone as that scan logs it, (a0) the same first sync
 * of a fourth copy with the JVM's defaults (-Xmx256m only), (b) an unchanged re-sync, (a2) a first sync of the same messages spread over two years
 * ({@code -Dbench.spanDays}), read the day after the last with the default {@code policy.maxAgeDays}, (f) three
 * mailboxes of that size in one process, (e) a pass that drafts every due follow-up; and for (a) and (a2) fair rounds,
 * (a'w) and (a2'w): the floor in a child JVM with the service's options ({@link FloorProbe}) then the sync, in turn, on
 * a server whose caches are warm for both ({@code -Dbench.rounds}, default 3). Prints one line per measure.
 * {@code -Dbench.jar=PATH} runs another build of Tickler (a baseline) against the same mailboxes and floors;
 * {@code -Dbench.baselineJar=PATH} runs another build's first sync in each fair round as well, beside this one's.
 * {@code -Dbench.childOpts="..."} adds JVM options to (a), e.g. a JFR recording.
 * See docs/BENCHMARKS.md.
 */
class ImapSyncBench {

    private static final DateTimeFormatter RFC = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    @TempDir
    Path dir;

    @Test
    void firstSyncAgainstTheFloor() throws Exception {
        int n = Integer.getInteger("bench.messages", 5000);
        try (DovecotServer dovecot = DovecotServer.start(Map.of("riley", "pw", "twin", "pw", "third", "pw", "fourth", "pw", "fifth", "pw"),
                Map.of("Sent", "\\Sent", "Drafts", "\\Drafts"))) {
            long t0 = System.nanoTime();
            write(dovecot.maildir("riley"), n);
            write(dovecot.maildir("twin"), n); // the same mail, for (d2) and (d3): their caches stay apart from Tickler's
            write(dovecot.maildir("third"), n);
            write(dovecot.maildir("fourth"), n); // the same again for (a0), so that it starts as cold as (a)
            // For (a2): the same messages spread over spanDays instead of 174 days, most of them older than policy.maxAgeDays.
            int spanDays = Integer.getInteger("bench.spanDays", 730);
            write(dovecot.maildir("fifth"), n, spanDays * 86_400L / Math.max(1, n / 2));
            dovecot.fixOwnership();
            System.out.printf("BENCH wrote %d messages in %d ms%n", n, ms(t0));

            // Dovecot indexes a new Maildir on first SELECT; do that outside both measurements.
            index(dovecot, "riley", "twin", "third", "fourth", "fifth");
            long floorMs = fetchAll(dovecot, "riley");
            System.out.printf("BENCH (d) floor: plain UID FETCH of both folders %d ms%n", floorMs);
            // (d2) The floor plus the header fields Tickler must read (MessageMapper.HEADERS: threading and
            // automatic-reply markers, and Date for the sender's offset): not in Dovecot's index, so it opens every
            // message file. On the twin, so that Dovecot's caches stay apart from Tickler's.
            long withHeaders = fetchAll(dovecot, "twin", "References", "In-Reply-To", "Auto-Submitted", "X-Autoreply",
                    "X-Autorespond", "Precedence", "X-Auto-Response-Suppress", "List-Id", "List-Unsubscribe", "Date");
            System.out.printf("BENCH (d2) the floor plus the header fields Tickler reads, for every message %d ms (%.2f x the floor)%n",
                    withHeaders, (double) withHeaders / floorMs);
            // (d3) The floor plus what any sync that reads proposal wording must read: the header fields and the
            // text of the rep's mail to outsiders (all of Sent here), one more FETCH, on a third copy.
            long withSentText = fetchAll(dovecot, "third") + sentText(dovecot, "third");
            System.out.printf("BENCH (d3) the floor plus header fields and text of Sent %d ms (%.2f x the floor)%n",
                    withSentText, (double) withSentText / floorMs);

            Path config = config(dovecot.port());
            // "Now" before the first reminder falls due: the sync alone, no drafting.
            long[] first = runScan(config, "2025-06-01T08:00:00Z", System.getProperty("bench.childOpts", ""));
            System.out.printf("BENCH (a) Tickler first sync %d ms (whole process, JVM start included; ratio to floor %.2f), peak RSS %d MB, %s, exit %d%n",
                    first[0], (double) first[0] / floorMs, first[1] / 1024, String.join(" ", serviceJvmOptions()), first[2]);
            // The sync alone, as the pass logs it: connected, every folder read, classified and stored (no JVM start,
            // no opening of the store, no deciding or printing); the floor is measured the same way, in a started JVM.
            java.util.regex.Matcher synced = java.util.regex.Pattern.compile("synced in (\\d+) ms")
                    .matcher(Files.readString(dir.resolve("scan.log")));
            long syncMs = synced.find() ? Long.parseLong(synced.group(1)) : -1;
            System.out.printf("BENCH (a') of which the sync (connect, read, classify, store) %d ms (ratio to floor %.2f)%n",
                    syncMs, (double) syncMs / floorMs);
            // The baseline for the JVM options: the same first sync with the JVM's own defaults, of a fourth copy of
            // the mailbox that no one has read yet, as (a) read riley.
            Path defaults = dir.resolve("defaults.yml");
            Files.writeString(defaults, Files.readString(config).replace(dir.resolve("state").toString(), dir.resolve("state-defaults").toString())
                    .replace("username: riley", "username: fourth"));
            long[] plain = runScan(defaults, "2025-06-01T08:00:00Z", "", List.of("-Xmx256m"));
            System.out.printf("BENCH (a0) the same first sync with the JVM's defaults (-Xmx256m only) %d ms (ratio to floor %.2f), peak RSS %d MB, exit %d%n",
                    plain[0], (double) plain[0] / floorMs, plain[1] / 1024, plain[2]);
            long[] again = runScan(config, "2025-06-01T08:00:00Z", "");
            System.out.printf("BENCH (b) unchanged re-sync %d ms (whole process, JVM start included), peak RSS %d MB, exit %d%n",
                    again[0], again[1] / 1024, again[2]);
            System.out.println("BENCH " + Files.readString(dir.resolve("scan.log")).lines()
                    .filter(l -> l.startsWith("Mailbox riley:")).findFirst().orElse("?"));
            warmRounds(dovecot.port(), config, "riley", "2025-06-01T08:00:00Z", "(a'w)", Integer.getInteger("bench.rounds", 3));
            measureHistory(dovecot.port(), config, spanDays, floorMs);
            // (f) A team in one process: three mailboxes of 50k (twin and third, read by the floors, and fourth) into
            // one fresh store, as the daemon holds them. Before CACHED tables the heap filled and each sync took longer.
            Path team = dir.resolve("team.yml");
            StringBuilder teamConfig = new StringBuilder("stateDir: " + dir.resolve("state-team") + "\ncompany: { domains: [acme.example] }\nmailboxes:\n");
            for (String user : new String[] {"twin", "third", "fourth"}) {
                teamConfig.append("""
                          - id: %1$s
                            owner: { name: Riley Rep, address: riley@acme.example }
                            timezone: Europe/Berlin
                            imap: { host: 127.0.0.1, port: %2$d, security: none, username: %1$s, password: "${file:%3$s}", batchSize: 500, idle: false }
                        """.formatted(user, dovecot.port(), dir.resolve("pw")));
            }
            Files.writeString(team, teamConfig.toString());
            long[] together = runScan(team, "2025-06-01T08:00:00Z", "");
            System.out.printf("BENCH (f) three mailboxes of 50k in one process %d ms, peak RSS %d MB, exit %d; syncs %s ms%n",
                    together[0], together[1] / 1024, together[2], java.util.regex.Pattern.compile("synced in (\\d+) ms")
                            .matcher(Files.readString(dir.resolve("scan.log"))).results().map(r -> r.group(1)).toList());
            long[] drafting = runScan(config, "2026-03-12T09:30:00Z", "");
            System.out.printf("BENCH (e) a pass that drafts every due follow-up %d ms, peak RSS %d MB, exit %d%n",
                    drafting[0], drafting[1] / 1024, drafting[2]);
            System.out.println("BENCH " + Files.readString(dir.resolve("scan.log")).lines()
                    .filter(l -> l.startsWith("Mailbox riley:")).findFirst().orElse("?"));
        }
    }

    /**
     * (a2) alone, for repeated runs: {@code -Dit.test=ImapSyncBench#aMailboxWithHistoryAgainstItsFloor -Dbench.history=true}. One Dovecot
     * mailbox of the same messages spread over {@code bench.spanDays}, its floor, then Tickler's first sync; with
     * {@code -Dbench.latencyMs=N} both through a {@link LatencyProxy} adding N ms each way.
     */
    @Test
    void aMailboxWithHistoryAgainstItsFloor() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("bench.history"),
                "(a2) alone: -Dit.test=ImapSyncBench#aMailboxWithHistoryAgainstItsFloor -Dbench.history=true -Dbench.messages=N");
        int n = Integer.getInteger("bench.messages", 5000);
        int spanDays = Integer.getInteger("bench.spanDays", 730);
        try (DovecotServer dovecot = DovecotServer.start(Map.of("fifth", "pw"), Map.of("Sent", "\\Sent", "Drafts", "\\Drafts"))) {
            write(dovecot.maildir("fifth"), n, spanDays * 86_400L / Math.max(1, n / 2));
            dovecot.fixOwnership();
            index(dovecot, "fifth");
            // -Dbench.latencyMs=N: the server across a link with N ms each way (a proxy), for the floor and Tickler alike.
            int latencyMs = Integer.getInteger("bench.latencyMs", 0);
            try (LatencyProxy link = latencyMs > 0 ? LatencyProxy.start(dovecot.port(), java.time.Duration.ofMillis(latencyMs)) : null) {
                int port = link == null ? dovecot.port() : link.port();
                if (link != null) {
                    System.out.printf("BENCH through a proxy adding %d ms each way%n", latencyMs);
                }
                measureHistory(port, config(port), spanDays, -1);
            }
        }
    }

    /**
     * (b2) alone: {@code -Dit.test=ImapSyncBench#unchangedPassesInOneProcess -Dbench.passes=true -Dbench.messages=N}. A first
     * sync of riley's mailbox (as (a)), then {@link PassesProbe} in a JVM with the service's options: six passes with no new
     * mail in one process, as the daemon runs them between polls, against the same Dovecot (CONDSTORE: one STATUS per
     * folder). The first pays for starting; the rest show what a pass costs a running daemon. With
     * {@code -Dbench.baselineJar=PATH} the same probe runs that build in turn, on a copy of the same store.
     */
    @Test
    void unchangedPassesInOneProcess() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("bench.passes"),
                "(b2) alone: -Dit.test=ImapSyncBench#unchangedPassesInOneProcess -Dbench.passes=true -Dbench.messages=N");
        int n = Integer.getInteger("bench.messages", 5000);
        try (DovecotServer dovecot = DovecotServer.start(Map.of("riley", "pw"), Map.of("Sent", "\\Sent", "Drafts", "\\Drafts"))) {
            write(dovecot.maildir("riley"), n);
            dovecot.fixOwnership();
            index(dovecot, "riley");
            Path config = config(dovecot.port());
            long[] first = runScan(config, "2025-06-01T08:00:00Z", "");
            System.out.printf("BENCH (a) first sync %d ms, exit %d%n", first[0], first[2]);
            String baseline = System.getProperty("bench.baselineJar", "");
            Path copy = dir.resolve("state-baseline");
            if (!baseline.isBlank()) {
                copyTree(dir.resolve("state"), copy);
            }
            for (int round = 1; round <= Integer.getInteger("bench.rounds", 3); round++) {
                probePasses(config, System.getProperty("java.class.path"), "this build, round " + round);
                if (!baseline.isBlank()) {
                    Path baselineConfig = dir.resolve("baseline.yml");
                    Files.writeString(baselineConfig, Files.readString(config).replace(dir.resolve("state").toString(), copy.toString()));
                    probePasses(baselineConfig, Path.of(baseline).toAbsolutePath() + java.io.File.pathSeparator
                            + Path.of("target/test-classes").toAbsolutePath(), "baseline, round " + round);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lck")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** (b2): six passes in one {@link PassesProbe} JVM with the service's options; prints each. */
    private static void probePasses(Path config, String classPath, String label) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(serviceJvmOptions());
        command.addAll(List.of("-cp", classPath, PassesProbe.class.getName(), config.toString(), "2025-06-01T08:00:00Z", "6"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> passes = out.lines().filter(l -> l.startsWith("pass ")).toList();
        if (p.waitFor() != 0 || passes.size() != 6) {
            throw new IllegalStateException("the passes probe failed: " + out);
        }
        System.out.printf("BENCH (b2) unchanged passes in one process, %s: %s%n", label, String.join("; ", passes));
    }

    /** Dovecot indexes a new Maildir on first SELECT; done outside every measurement. */
    private static void index(DovecotServer dovecot, String... users) throws Exception {
        for (String user : users) {
            try (Store store = connect(dovecot, user)) {
                for (String f : new String[] {"Sent", "INBOX"}) {
                    Folder folder = store.getFolder(f);
                    folder.open(Folder.READ_ONLY);
                    folder.getMessageCount();
                    folder.close(false);
                }
            }
        }
    }

    /** The config of mailbox "riley" on this Dovecot, as the service would run it (no IDLE: a scan). */
    private Path config(int port) throws Exception {
        Files.writeString(dir.resolve("pw"), "pw");
        Path config = dir.resolve("bench.yml");
        Files.writeString(config, """
                stateDir: %s
                company: { domains: [acme.example] }
                mailboxes:
                  - id: riley
                    owner: { name: Riley Rep, address: riley@acme.example }
                    timezone: Europe/Berlin
                    imap: { host: 127.0.0.1, port: %d, security: none, username: riley, password: "${file:%s}", batchSize: 500, idle: false }
                """.formatted(dir.resolve("state"), port, dir.resolve("pw")));
        return config;
    }

    /**
     * (a2) A first sync of a mailbox with history: user "fifth", the same messages over spanDays (default two years), read
     * the day after the last with the default policy.maxAgeDays. Its own floor first, as riley's before (a).
     */
    private void measureHistory(int port, Path config, int spanDays, long floorMs) throws Exception {
        long spanFloorMs = FloorProbe.fetchAll(port, "fifth");
        Path spanned = dir.resolve("spanned.yml");
        Files.writeString(spanned, Files.readString(config).replace(dir.resolve("state").toString(), dir.resolve("state-spanned").toString())
                .replace("username: riley", "username: fifth"));
        String spanNow = BASE.plusSeconds(spanDays * 86_400L).plus(java.time.Duration.ofDays(1)).toString();
        long[] history = runScan(spanned, spanNow, "");
        String historyLine = Files.readString(dir.resolve("scan.log")).lines().filter(l -> l.contains("synced in")).findFirst()
                .orElse("?");
        java.util.regex.Matcher historySync = java.util.regex.Pattern.compile("synced in (\\d+) ms").matcher(historyLine);
        long historyMs = historySync.find() ? Long.parseLong(historySync.group(1)) : -1;
        System.out.printf("BENCH (d') its floor %d ms; (a2') first sync of %d days of mail, now %s: %d ms (ratio to its floor %.2f%s);"
                + " whole process with drafting %d ms, peak RSS %d MB, exit %d%n", spanFloorMs, spanDays, spanNow, historyMs,
                (double) historyMs / spanFloorMs, floorMs > 0 ? String.format(", to (d) %.2f", (double) historyMs / floorMs) : "",
                history[0], history[1] / 1024, history[2]);
        System.out.println("BENCH " + historyLine);
        warmRounds(port, spanned, "fifth", spanNow, "(a2'w)", Integer.getInteger("bench.rounds", 3));
    }

    /**
     * {wall ms, peak RSS kB, exit code} of one `tickler scan` in a child JVM; {@code extra} are more JVM options, e.g.
     * {@code -Dbench.childOpts=-XX:StartFlightRecording=filename=/tmp/scan.jfr,settings=profile} for the first sync.
     */
    private long[] runScan(Path config, String now, String extra) throws Exception {
        return runScan(config, now, extra, serviceJvmOptions());
    }

    private long[] runScan(Path config, String now, String extra, List<String> jvmOptions) throws Exception {
        return runScan(config, now, extra, jvmOptions, System.getProperty("bench.jar", "target/tickler.jar"));
    }

    private long[] runScan(Path config, String now, String extra, List<String> jvmOptions, String jar) throws Exception {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString(), "scan", "--config", config.toString(),
                "--now", now));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("scan.log").toFile()).start();
        long peak = 0;
        Path status = Path.of("/proc/" + p.pid() + "/status");
        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (java.io.IOException e) {
                // the process just ended
            }
        }
        return new long[] {ms(start), peak, p.exitValue()};
    }

    /** The JVM options the service unit runs Tickler with: the bench measures it as it is shipped. */
    static List<String> serviceJvmOptions() throws java.io.IOException {
        String prefix = "Environment=\"TICKLER_JAVA_OPTS=";
        String line = Files.readAllLines(Path.of("systemd/tickler.service")).stream().filter(l -> l.startsWith(prefix))
                .findFirst().orElseThrow(() -> new IllegalStateException("no TICKLER_JAVA_OPTS in systemd/tickler.service"));
        return List.of(line.substring(prefix.length(), line.lastIndexOf('"')).split("\\s+"));
    }

    private static final Instant BASE = Instant.parse("2025-06-01T08:00:00Z");

    private static void write(Path maildir, int n) throws Exception {
        write(maildir, n, 600);
    }

    /** Half of {@code n} to Sent, half to INBOX, a sent message every {@code secondsApart} from {@link #BASE}. */
    static void write(Path maildir, int n, long secondsApart) throws Exception {
        Path inbox = Files.createDirectories(maildir.resolve("cur"));
        Files.createDirectories(maildir.resolve("new"));
        Files.createDirectories(maildir.resolve("tmp"));
        Path sent = Files.createDirectories(maildir.resolve(".Sent/cur"));
        Files.createDirectories(maildir.resolve(".Sent/new"));
        Files.createDirectories(maildir.resolve(".Sent/tmp"));
        Files.createDirectories(maildir.resolve(".Drafts/cur"));
        Files.createDirectories(maildir.resolve(".Drafts/new"));
        Files.createDirectories(maildir.resolve(".Drafts/tmp"));
        Random random = new Random(42);
        String pdf = Base64.getMimeEncoder().encodeToString(new byte[15_000]);
        String text = "Hi,\r\n\r\nthanks for the call today. Here are the notes we discussed, and a few thoughts on next steps.\r\n".repeat(8);
        for (int i = 0; i < n / 2; i++) {
            Instant at = BASE.plusSeconds(secondsApart * i);
            boolean proposal = i % 5 == 0;
            StringBuilder m = new StringBuilder()
                    .append("From: Riley Rep <riley@acme.example>\r\nTo: Buyer ").append(i).append(" <b").append(i % 3000)
                    .append("@co").append(i % 700).append(".example>\r\nSubject: ").append(proposal ? "Proposal " : "Notes ").append(i)
                    .append("\r\nDate: ").append(RFC.format(at.atZone(ZoneOffset.UTC))).append("\r\nMessage-ID: <s").append(i)
                    .append("@acme.example>\r\nMIME-Version: 1.0\r\n");
            if (proposal) {
                m.append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                        .append("Attached is our proposal.\r\n").append(text).append("--b\r\nContent-Type: application/pdf; name=\"Proposal_")
                        .append(i).append(".pdf\"\r\nContent-Disposition: attachment; filename=\"Proposal_").append(i)
                        .append(".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").append(pdf).append("\r\n--b--\r\n");
            } else {
                m.append("Content-Type: text/plain; charset=utf-8\r\n\r\n").append(text);
            }
            // The file's mtime is what Dovecot reports as INTERNALDATE: when the message arrived, as on a real server.
            Files.setLastModifiedTime(Files.write(sent.resolve(at.getEpochSecond() + ".s" + i + ".bench:2,S"),
                    m.toString().getBytes(StandardCharsets.UTF_8)), java.nio.file.attribute.FileTime.from(at));
            Instant in = at.plusSeconds(300);
            boolean reply = proposal && random.nextInt(3) == 0;
            // Replies come from the prospect; everything else from elsewhere (a newsletter from the prospect's
            // company would count as the company answering).
            String r = "From: " + (reply ? "b" + (i % 3000) + "@co" + (i % 700) + ".example" : "news@media" + (i % 50) + ".example")
                    + "\r\nTo: riley@acme.example\r\nSubject: "
                    + (reply ? "RE: Proposal " + i : "Newsletter " + i) + "\r\nDate: " + RFC.format(in.atZone(ZoneOffset.UTC))
                    + "\r\nMessage-ID: <i" + i + "@co.example>\r\n" + (reply ? "In-Reply-To: <s" + i + "@acme.example>\r\n" : "")
                    + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text;
            Files.setLastModifiedTime(Files.write(inbox.resolve(in.getEpochSecond() + ".i" + i + ".bench:2,S"),
                    r.getBytes(StandardCharsets.UTF_8)), java.nio.file.attribute.FileTime.from(in));
        }
    }

    /** Milliseconds for one pipelined UID FETCH 1:* of UID, FLAGS, ENVELOPE, BODYSTRUCTURE (and these header fields) per folder. */
    private static long fetchAll(DovecotServer dovecot, String user, String... headers) throws Exception {
        return FloorProbe.fetchAll(dovecot.port(), user, headers);
    }

    /**
     * The floor in a JVM of its own with the service's JVM options, as Tickler's scan runs: both start as cold, and
     * pay the same for class loading and compiling Angus's parser. Milliseconds from connecting to the last answer.
     */
    private static long childFloor(int port, String user) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(serviceJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FloorProbe.class.getName(), String.valueOf(port), user));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("floor (\\d+) ms").matcher(out);
        if (p.waitFor() != 0 || !m.find()) {
            throw new IllegalStateException("the floor in a child JVM failed: " + out);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Fair rounds: with Dovecot's caches warm from the reads before, the floor in a child JVM, then Tickler's first sync
     * (into a fresh store) of the same mailbox, {@code rounds} times in turn. Prints each pair and the median ratio. With
     * {@code -Dbench.baselineJar=PATH} each round also runs that build's first sync between the floor and this one's, so
     * that two builds are compared in the same rounds: a single run's rounds vary more than most changes.
     */
    private void warmRounds(int port, Path config, String user, String now, String label, int rounds) throws Exception {
        String baseline = System.getProperty("bench.baselineJar", "");
        List<Double> ratios = new ArrayList<>();
        List<Double> baselineRatios = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            long floor = childFloor(port, user);
            String baselineSays = "";
            if (!baseline.isBlank()) {
                long sync = warmSync(config, user, now, "baseline-" + r, baseline);
                baselineRatios.add((double) sync / floor);
                baselineSays = String.format(", baseline sync %d ms, ratio %.2f", sync, (double) sync / floor);
            }
            long sync = warmSync(config, user, now, String.valueOf(r), System.getProperty("bench.jar", "target/tickler.jar"));
            ratios.add((double) sync / floor);
            System.out.printf("BENCH %s warm round %d: floor in a child JVM %d ms%s, sync %d ms, ratio %.2f%n", label, r, floor,
                    baselineSays, sync, (double) sync / floor);
        }
        System.out.printf("BENCH %s warm rounds: median ratio %s%s%n", label, median(ratios),
                baseline.isBlank() ? "" : "; the baseline's " + median(baselineRatios));
    }

    /** One first sync into a fresh store; returns the "synced in" milliseconds it logged. */
    private long warmSync(Path config, String user, String now, String round, String jar) throws Exception {
        Path fresh = dir.resolve("warm-" + user + "-" + round + ".yml");
        Files.writeString(fresh, Files.readString(config).replaceFirst("stateDir: \\S+", "stateDir: " + dir.resolve("state-warm-" + user + "-" + round)));
        runScan(fresh, now, "", serviceJvmOptions(), jar);
        java.util.regex.Matcher synced = java.util.regex.Pattern.compile("synced in (\\d+) ms").matcher(Files.readString(dir.resolve("scan.log")));
        return synced.find() ? Long.parseLong(synced.group(1)) : -1;
    }

    private static String median(List<Double> ratios) {
        List<Double> sorted = new ArrayList<>(ratios);
        sorted.sort(null);
        return String.format("%.2f (of %s)", sorted.get(sorted.size() / 2), ratios.stream().map(x -> String.format("%.2f", x)).toList());
    }

    /** Milliseconds for {@code UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (...)] BODY.PEEK[1]<0.262144>)} on Sent. */
    private static long sentText(DovecotServer dovecot, String user) throws Exception {
        long start = System.nanoTime();
        try (Store store = connect(dovecot, user)) {
            org.eclipse.angus.mail.imap.IMAPFolder folder = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder("Sent");
            folder.open(Folder.READ_ONLY);
            folder.doCommand(protocol -> protocol.command("UID FETCH 1:* (UID BODY.PEEK[HEADER.FIELDS (References In-Reply-To"
                    + " Auto-Submitted X-Autoreply X-Autorespond Precedence X-Auto-Response-Suppress List-Id List-Unsubscribe Date)]"
                    + " BODY.PEEK[1]<0.262144>)", null));
            folder.close(false);
        }
        return ms(start);
    }

    private static Store connect(DovecotServer dovecot, String user) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.port(), user, "pw");
        return store;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
