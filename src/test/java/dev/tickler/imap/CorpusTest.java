package dev.tickler.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.detect.Classification;
import dev.tickler.detect.MessageClassifier;
import dev.tickler.detect.MessageKind;
import dev.tickler.mail.Address;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.RepIdentity;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labeled corpus (src/test/resources/corpus, labels*.csv): every message parsed and mapped the
 * way the IMAP path maps it, classified, and compared with its label. The figures are printed and
 * written to target/corpus-report.md; docs/BENCHMARKS.md records them.
 */
class CorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final RepIdentity RILEY = new RepIdentity(new Address("Riley Rep", "riley@acme.example"),
            List.of("riley.rep@acme.example"), Set.of("acme.example", "acme-group.example"));
    private static final MessageClassifier CLASSIFIER = new MessageClassifier(RILEY, ZoneId.of("Europe/Berlin"));

    record Row(String file, String label, String language, String client, String returnDate, String failed, String notes) {
    }

    record Result(Row row, Classification classification, MailMessage message) {
        MessageKind kind() {
            return classification.kind();
        }
    }

    private static List<Result> RESULTS;

    @BeforeAll
    static void classifyTheCorpus() throws Exception {
        RESULTS = evaluate(CORPUS, CLASSIFIER);
    }

    /** Classifies every labeled message under {@code dir} (labels*.csv there name the files, relative to it). */
    static List<Result> evaluate(Path dir, MessageClassifier classifier) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Row row : labels(dir)) {
            results.add(classify(dir, row, classifier));
        }
        return results;
    }

    @Test
    void theCorpusIsLargeAndEveryFileIsLabeledOnce() throws Exception {
        Set<String> labeled = new TreeSet<>();
        for (Row r : labels(CORPUS)) {
            assertTrue(labeled.add(r.file()), "labeled twice: " + r.file());
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> all = Files.walk(CORPUS)) {
            all.filter(p -> p.toString().endsWith(".eml")).forEach(p -> files.add(CORPUS.relativize(p).toString().replace('\\', '/')));
        }
        Set<String> unlabeled = new TreeSet<>(files);
        unlabeled.removeAll(labeled);
        Set<String> missing = new TreeSet<>(labeled);
        missing.removeAll(files);
        assertTrue(unlabeled.isEmpty() && missing.isEmpty(), "unlabeled files " + unlabeled + ", labels without file " + missing);
        assertTrue(files.size() >= 300, "at least 300 messages, found " + files.size());
    }

    @Test
    void meetsTheAccuracyTargets() throws Exception {
        Metrics m = new Metrics(RESULTS);
        String report = m.report();
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/corpus-report.md"), report);
        assertTrue(m.proposalPrecision() >= 0.98, "proposal precision " + m.proposalPrecision() + "\n" + m.misses());
        assertTrue(m.proposalRecall() >= 0.95, "proposal recall " + m.proposalRecall() + "\n" + m.misses());
        assertTrue(m.accuracy("answer", MessageKind.INBOUND) >= 0.99, "answer accuracy\n" + m.misses());
        assertTrue(m.accuracy("auto-reply", MessageKind.AUTO_REPLY) >= 0.99, "auto-reply accuracy\n" + m.misses());
        assertTrue(m.accuracy("bounce", MessageKind.BOUNCE) >= 0.99, "bounce accuracy\n" + m.misses());
        assertEquals(0, m.count("answer", MessageKind.AUTO_REPLY), "answers taken for auto-replies\n" + m.misses());
    }

    @Test
    void returnDatesAndFailedRecipientsAreRead() {
        Metrics m = new Metrics(RESULTS);
        assertTrue(m.returnDateAccuracy() >= 0.90, "return dates " + m.returnDateAccuracy() + "\n" + m.returnDateMisses());
        assertTrue(m.failedRecipientAccuracy() >= 0.95, "failed recipients " + m.failedRecipientAccuracy() + "\n" + m.failedMisses());
    }

    static final class Metrics {

        private final List<Result> RESULTS;

        Metrics(List<Result> results) {
            this.RESULTS = results;
        }

        long count(String label, MessageKind kind) {
            return RESULTS.stream().filter(r -> r.row().label().equals(label) && r.kind() == kind).count();
        }

        long total(String label) {
            return RESULTS.stream().filter(r -> r.row().label().equals(label)).count();
        }

        double accuracy(String label, MessageKind kind) {
            return total(label) == 0 ? 0 : (double) count(label, kind) / total(label);
        }

        double proposalPrecision() {
            long tp = count("proposal", MessageKind.PROPOSAL);
            long fp = count("not-proposal", MessageKind.PROPOSAL);
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double proposalRecall() {
            return accuracy("proposal", MessageKind.PROPOSAL);
        }

        List<Result> withReturnDate() {
            return RESULTS.stream().filter(r -> r.row().label().equals("auto-reply") && !r.row().returnDate().isEmpty()).toList();
        }

        double returnDateAccuracy() {
            List<Result> dated = withReturnDate();
            long right = dated.stream().filter(r -> r.row().returnDate().equals(String.valueOf(r.classification().returnDate()))).count();
            long wrongNoDate = RESULTS.stream().filter(r -> r.row().label().equals("auto-reply") && r.row().returnDate().isEmpty()
                    && r.classification().returnDate() != null).count();
            return dated.isEmpty() ? 0 : (double) (right - wrongNoDate) / dated.size();
        }

        List<Result> failedBounces() {
            return RESULTS.stream().filter(r -> r.row().label().equals("bounce")).toList();
        }

        double failedRecipientAccuracy() {
            List<Result> bounces = failedBounces();
            long right = bounces.stream().filter(Metrics::failedMatches).count();
            return bounces.isEmpty() ? 0 : (double) right / bounces.size();
        }

        private static boolean failedMatches(Result r) {
            Set<String> want = new TreeSet<>(List.of(r.row().failed().isBlank() ? new String[0] : r.row().failed().split("\\s+")));
            Set<String> got = new TreeSet<>(r.classification().report() == null ? List.of() : r.classification().report().failedRecipients());
            return want.equals(got);
        }

        String misses() {
            StringBuilder s = new StringBuilder();
            for (Result r : RESULTS) {
                boolean right = switch (r.row().label()) {
                    case "proposal" -> r.kind() == MessageKind.PROPOSAL;
                    case "not-proposal" -> r.kind() != MessageKind.PROPOSAL;
                    case "answer" -> r.kind() == MessageKind.INBOUND;
                    case "auto-reply" -> r.kind() == MessageKind.AUTO_REPLY;
                    case "bounce" -> r.kind() == MessageKind.BOUNCE;
                    default -> false;
                };
                if (!right) {
                    s.append("  ").append(r.row().file()).append(": labeled ").append(r.row().label()).append(", got ")
                            .append(r.kind()).append(" ").append(r.classification().reasons()).append('\n');
                }
            }
            return s.toString();
        }

        String returnDateMisses() {
            StringBuilder s = new StringBuilder();
            RESULTS.stream().filter(r -> r.row().label().equals("auto-reply"))
                    .filter(r -> !r.row().returnDate().equals(r.classification().returnDate() == null ? "" : r.classification().returnDate().toString()))
                    .forEach(r -> s.append("  ").append(r.row().file()).append(": want ").append(r.row().returnDate())
                            .append(", got ").append(r.classification().returnDate()).append('\n'));
            return s.toString();
        }

        String failedMisses() {
            StringBuilder s = new StringBuilder();
            failedBounces().stream().filter(r -> !failedMatches(r)).forEach(r -> s.append("  ").append(r.row().file())
                    .append(": want [").append(r.row().failed()).append("], got ")
                    .append(r.classification().report() == null ? "none" : r.classification().report().failedRecipients()).append('\n'));
            return s.toString();
        }

        String report() {
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("messages", Integer.toString(RESULTS.size()));
            rows.put("proposal precision", String.format("%.3f (%d of %d predicted)", proposalPrecision(),
                    count("proposal", MessageKind.PROPOSAL), count("proposal", MessageKind.PROPOSAL) + count("not-proposal", MessageKind.PROPOSAL)));
            rows.put("proposal recall", String.format("%.3f (%d of %d)", proposalRecall(), count("proposal", MessageKind.PROPOSAL), total("proposal")));
            rows.put("answer accuracy", String.format("%.3f (%d of %d)", accuracy("answer", MessageKind.INBOUND),
                    count("answer", MessageKind.INBOUND), total("answer")));
            rows.put("auto-reply accuracy", String.format("%.3f (%d of %d)", accuracy("auto-reply", MessageKind.AUTO_REPLY),
                    count("auto-reply", MessageKind.AUTO_REPLY), total("auto-reply")));
            rows.put("bounce accuracy", String.format("%.3f (%d of %d)", accuracy("bounce", MessageKind.BOUNCE),
                    count("bounce", MessageKind.BOUNCE), total("bounce")));
            rows.put("answers taken for auto-replies", Long.toString(count("answer", MessageKind.AUTO_REPLY)));
            rows.put("return dates read right", String.format("%.3f (of %d stating one)", returnDateAccuracy(), withReturnDate().size()));
            rows.put("bounce recipients read right", String.format("%.3f (of %d)", failedRecipientAccuracy(), failedBounces().size()));
            StringBuilder s = new StringBuilder("| measure | value |\n|---|---|\n");
            rows.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            return s.toString();
        }
    }

    private static Result classify(Path dir, Row row, MessageClassifier classifier) throws Exception {
        byte[] raw = Files.readAllBytes(dir.resolve(row.file()));
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1))) {
            @Override
            public Date getReceivedDate() {
                return new Date(1_773_000_000_000L); // a server always knows when mail arrived
            }
        };
        boolean outbound = row.label().endsWith("proposal");
        MailMessage headers = MessageMapper.headers(parsed, outbound ? "Sent" : "INBOX", outbound ? FolderRole.SENT : FolderRole.INBOX, 1);
        // Production reads bodies of the rep's external mail and of replies to proposals: every inbound corpus message is one.
        MailMessage message = headers;
        if (!outbound || classifier.wantsBody(headers)) {
            List<String> defects = new ArrayList<>(headers.defects());
            message = headers.withBody(BodyFetcher.textOf(parsed, defects));
        }
        return new Result(row, classifier.classify(message), message);
    }

    static List<Row> labels(Path dir) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("labels.*\\.csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                List<String> header = List.of(lines.get(0).strip().split(","));
                for (String line : lines.subList(1, lines.size())) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] cells = line.split(",", -1);
                    Map<String, String> m = new LinkedHashMap<>();
                    for (int i = 0; i < header.size() && i < cells.length; i++) {
                        m.put(header.get(i).strip(), cells[i].strip());
                    }
                    rows.add(new Row(m.get("file"), m.get("label"), m.getOrDefault("language", ""), m.getOrDefault("client", ""),
                            m.getOrDefault("return_date", ""), m.getOrDefault("failed_recipients", ""), m.getOrDefault("notes", "")));
                }
            }
        }
        return rows;
    }
}
