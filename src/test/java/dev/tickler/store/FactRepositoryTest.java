package dev.tickler.store;

import static dev.tickler.TestMessages.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.mail.Address;
import dev.tickler.mail.FolderCursor;
import dev.tickler.mail.SkippedMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDBC store on HSQLDB mem: with the real Flyway migrations (core 13.x with the 12.x HSQLDB module). */
class FactRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-06T10:00:00Z");
    private static final Address GINA = new Address("Gina Glass", "gina@globex.example");
    private final Database db = Database.open("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", "");
    private final FactRepository facts = new FactRepository(db);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void factsRoundTripWithoutTheBody() {
        ClassifiedMessage fact = proposal("<p@acme.example>", GINA).body("secret pricing").classified();
        facts.saveBatch("riley", "Sent", new FolderCursor(7, 42), List.of(fact), List.of(), NOW);
        List<ClassifiedMessage> read = facts.facts("riley");
        assertEquals(1, read.size());
        assertEquals(fact.message().withoutBody(), read.get(0).message());
        assertNull(read.get(0).message().bodyText());
        assertEquals(fact.classification(), read.get(0).classification());
        assertEquals(new FolderCursor(7, 42), facts.cursor("riley", "Sent").orElseThrow());
        assertTrue(facts.facts("sam").isEmpty());
    }

    @Test
    void everyChangeOfAMailboxsFactsGivesItANewVersionAndOnlyItsOwn() {
        assertEquals(0, facts.version("riley"), "nothing stored yet");
        java.util.Set<Long> seen = new java.util.HashSet<>(List.of(0L));
        ClassifiedMessage fact = proposal("<p@acme.example>", GINA).classified();
        facts.saveBatch("riley", "Sent", new FolderCursor(7, 42), List.of(fact), List.of(), NOW);
        long stored = facts.version("riley");
        assertTrue(seen.add(stored), "stored");
        facts.saveBatch("riley", "Sent", new FolderCursor(7, 43), List.of(), List.of(), NOW);
        assertEquals(stored, facts.version("riley"), "a cursor moved over no new mail (a server without CONDSTORE, every pass)");
        facts.saveBatch("riley", "Sent", new FolderCursor(7, 44), List.of(fact), List.of(), NOW);
        long readAgain = facts.version("riley");
        assertTrue(seen.add(readAgain), "a message read again");
        facts.saveBatch("sam", "Sent", new FolderCursor(7, 42), List.of(fact), List.of(), NOW);
        assertEquals(readAgain, facts.version("riley"), "another mailbox's write");
        facts.delete("riley", "Sent", java.util.Set.of(fact.message().uid()));
        long deleted = facts.version("riley");
        assertTrue(seen.add(deleted), "a deletion");
        facts.saveBatch("riley", "Sent", new FolderCursor(8, 1), List.of(), List.of(), NOW);
        long reset = facts.version("riley");
        assertTrue(seen.add(reset), "a new UIDVALIDITY drops the folder's facts");
        facts.facts("riley");
        facts.cursor("riley", "Sent");
        facts.messageIds("riley", "PROPOSAL");
        assertEquals(reset, facts.version("riley"), "reads leave it");
    }

    @Test
    void whatIsReadBackEqualsWhatWasStored() {
        // A first sync keeps the facts it stored instead of reading them back: the two must be equal in every field.
        var report = new dev.tickler.mail.DeliveryReport(List.of("gone@globex.example"), "<p@acme.example>");
        ClassifiedMessage rich = new ClassifiedMessage(proposal("<p@acme.example>", GINA).cc(new Address(null, "x@initech.example"))
                .replyTo("<a@globex.example>", "<b@globex.example>").header("auto-submitted", "auto-replied")
                .attachment("Angebot_Ä.pdf", "application/pdf").at(Instant.parse("2026-03-06T10:00:00.123Z")).report(report)
                .build().withoutBody(),
                new dev.tickler.detect.Classification(dev.tickler.detect.MessageKind.AUTO_REPLY, 4,
                        List.of(new dev.tickler.detect.Reason("return-date", 0, "back on 2026-03-09 \"ü\"")),
                        java.time.LocalDate.parse("2026-03-09"), report, "de"));
        ClassifiedMessage plain = proposal("<q@acme.example>", GINA).classified();
        ClassifiedMessage stored = new ClassifiedMessage(plain.message().withoutBody(), plain.classification());
        facts.saveBatch("riley", "Sent", new FolderCursor(7, 42), List.of(rich, stored), List.of(), NOW);
        List<ClassifiedMessage> expected = new java.util.ArrayList<>(List.of(rich, stored));
        expected.sort(FactRepository.STORED_ORDER);
        assertEquals(expected, facts.facts("riley"));
        assertTrue(facts.hasFacts("riley"));
        assertTrue(!facts.hasFacts("sam"));
    }

    @Test
    void emptyFieldsAreLeftOutAndFactsStoredWithThemStillRead() throws Exception {
        ClassifiedMessage bare = new ClassifiedMessage(new dev.tickler.mail.MailMessage("INBOX", dev.tickler.mail.FolderRole.INBOX, 3,
                null, List.of(), List.of(), GINA, List.of(), List.of(), "", NOW, "", java.util.Map.of(), List.of(), null, null,
                List.of(), null, true), new dev.tickler.detect.Classification(dev.tickler.detect.MessageKind.INBOUND, 0, List.of()));
        // An empty header value is a value: "X-Autoreply:" with nothing after it still marks an auto-reply.
        ClassifiedMessage emptyHeader = new ClassifiedMessage(dev.tickler.TestMessages.received("<e@globex.example>", GINA)
                .header("x-autoreply", "").build(), bare.classification());
        facts.saveBatch("riley", "INBOX", new FolderCursor(7, 3), List.of(bare), List.of(), NOW);
        assertEquals(List.of(bare), facts.facts("riley"));
        assertEquals("", facts.facts("riley").get(0).message().contentType(), "an empty string reads back as written");
        facts.saveBatch("riley", "Other", new FolderCursor(7, emptyHeader.message().uid()), List.of(emptyHeader), List.of(), NOW);
        assertEquals(java.util.Optional.of(""), facts.facts("riley").stream().filter(f -> "<e@globex.example>".equals(f.message().messageId()))
                .findFirst().orElseThrow().message().header("x-autoreply"));
        String doc = db.inTransaction(c -> {
            try (var r = c.createStatement().executeQuery("SELECT doc FROM message_fact WHERE folder = 'INBOX' AND uid = 3")) {
                r.next();
                return r.getString(1);
            }
        });
        for (String left : List.of("null", "[]", "{}", "\"inReplyTo\"", "\"reasons\"")) {
            assertTrue(!doc.contains(left), left + " in " + doc);
        }
        // As the previous version stored it: every field, nulls and empty lists included.
        String old = doc.replace("\"uid\":3", "\"uid\":4,\"messageId\":null,\"inReplyTo\":[],\"references\":[],\"to\":[],\"cc\":[],"
                + "\"subject\":\"\",\"headers\":{},\"attachments\":[],\"bodyText\":null,\"report\":null,\"defects\":[],"
                + "\"calendarText\":null").replace("\"proposalScore\":0", "\"proposalScore\":0,\"reasons\":[],\"returnDate\":null");
        db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO message_fact (mailbox_id, folder, uid, message_id, kind, "
                + "sent_at, doc) VALUES ('riley', 'INBOX', 4, NULL, 'INBOUND', " + NOW.toEpochMilli() + ", '" + old + "')"));
        ClassifiedMessage fromOld = facts.facts("riley").stream().filter(f -> f.message().folder().equals("INBOX") && f.message().uid() == 4)
                .findFirst().orElseThrow();
        assertEquals(4, fromOld.message().uid());
        assertEquals(bare.classification(), fromOld.classification());
        assertEquals(List.of(), fromOld.message().to());
    }

    @Test
    void instantsAreStoredAsMillisecondsAndThoseStoredAsSecondsStillRead() {
        ClassifiedMessage fact = new ClassifiedMessage(dev.tickler.TestMessages.received("<m@globex.example>", GINA).build(),
                new dev.tickler.detect.Classification(dev.tickler.detect.MessageKind.INBOUND, 0, List.of()));
        facts.saveBatch("riley", "INBOX", new FolderCursor(7, fact.message().uid()), List.of(fact), List.of(), NOW);
        String doc = db.inTransaction(c -> {
            try (var r = c.createStatement().executeQuery("SELECT doc FROM message_fact")) {
                r.next();
                return r.getString(1);
            }
        });
        long millis = fact.message().sentAt().toEpochMilli();
        assertTrue(doc.contains("\"sentAt\":" + millis + ","), doc);
        assertEquals(List.of(fact), facts.facts("riley"));
        // As versions before it stored them: seconds, with nine decimals.
        String seconds = doc.replace("\"sentAt\":" + millis, "\"sentAt\":" + fact.message().sentAt().getEpochSecond() + "."
                + String.format("%09d", fact.message().sentAt().getNano()));
        db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE message_fact SET doc = '" + seconds.replace("'", "''") + "'"));
        assertTrue(!seconds.equals(doc));
        assertEquals(List.of(fact), facts.facts("riley"));
    }

    @Test
    void aMessageReadAgainReplacesItsFactAndNewMailIsAddedBesideIt() {
        ClassifiedMessage outline = dev.tickler.TestMessages.received("<o@globex.example>", GINA).classified();
        long uid = outline.message().uid();
        facts.saveBatch("riley", "INBOX", new FolderCursor(7, uid), List.of(outline), List.of(), NOW);
        ClassifiedMessage full = new ClassifiedMessage(outline.message(), new dev.tickler.detect.Classification(
                dev.tickler.detect.MessageKind.AUTO_REPLY, 0, List.of(dev.tickler.detect.Reason.of("auto-submitted", "read in full"))));
        facts.saveBatch("riley", "INBOX", new FolderCursor(7, uid), List.of(full), List.of(), NOW); // read again: same cursor
        ClassifiedMessage next = dev.tickler.TestMessages.received("<n@globex.example>", GINA).classified();
        assertTrue(next.message().uid() > uid);
        facts.saveBatch("riley", "INBOX", new FolderCursor(7, next.message().uid()), List.of(next), List.of(), NOW);
        assertEquals(List.of(dev.tickler.detect.MessageKind.AUTO_REPLY, dev.tickler.detect.MessageKind.INBOUND),
                facts.facts("riley").stream().map(ClassifiedMessage::kind).toList());
    }

    @Test
    void factsSinceADateLeaveOlderOnesUndecoded() {
        ClassifiedMessage old = dev.tickler.TestMessages.received("<old@globex.example>", GINA).at("2025-01-10T10:00:00Z").classified();
        ClassifiedMessage edge = dev.tickler.TestMessages.received("<edge@globex.example>", GINA).at("2025-06-01T00:00:00Z").classified();
        ClassifiedMessage recent = dev.tickler.TestMessages.received("<new@globex.example>", GINA).at("2025-09-01T10:00:00Z").classified();
        long last = Math.max(old.message().uid(), Math.max(edge.message().uid(), recent.message().uid()));
        facts.saveBatch("riley", "INBOX", new FolderCursor(7, last), List.of(recent, old, edge), List.of(), NOW);
        assertEquals(List.of("<edge@globex.example>", "<new@globex.example>"), facts.facts("riley", java.time.Instant.parse(
                "2025-06-01T00:00:00Z")).stream().map(ClassifiedMessage::messageId).toList(), "from that instant on, oldest first");
        assertEquals(3, facts.facts("riley").size());
    }

    @Test
    void aCursorLoweredByHandDoesNotStopTheFolder() {
        ClassifiedMessage first = dev.tickler.TestMessages.received("<o@globex.example>", GINA).classified();
        ClassifiedMessage second = dev.tickler.TestMessages.received("<n@globex.example>", GINA).classified();
        long last = Math.max(first.message().uid(), second.message().uid());
        facts.saveBatch("riley", "INBOX", new FolderCursor(7, last), List.of(first, second), List.of(), NOW);
        // An operator restores an older cursor: the facts above it are read and stored again.
        db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE folder_cursor SET last_uid = 0"));
        facts.saveBatch("riley", "INBOX", new FolderCursor(7, last), List.of(second), List.of(), NOW);
        assertEquals(List.of("<n@globex.example>"), facts.facts("riley").stream().map(ClassifiedMessage::messageId).toList(),
                "what was above the cursor is replaced by what was read again");
    }

    @Test
    void aNewUidValidityReplacesTheFoldersFacts() {
        facts.saveBatch("riley", "Sent", new FolderCursor(7, 1), List.of(proposal("<a@acme.example>", GINA).classified()),
                List.of(new SkippedMessage("Sent", 2, null, "broken")), NOW);
        facts.saveBatch("riley", "Sent", new FolderCursor(8, 1), List.of(proposal("<b@acme.example>", GINA).classified()), List.of(), NOW);
        assertEquals(List.of("<b@acme.example>"), facts.facts("riley").stream().map(ClassifiedMessage::messageId).toList());
        assertEquals(0, facts.skippedCount("riley"));
        assertEquals(new FolderCursor(8, 1), facts.cursor("riley", "Sent").orElseThrow());
    }

    @Test
    void aFailedBatchLeavesNeitherFactsNorCursor() {
        ClassifiedMessage ok = proposal("<a@acme.example>", GINA).classified();
        String impossibleFolder = "F".repeat(600); // over the column's 512: the insert fails after the first rows
        assertThrows(StoreException.class, () -> facts.saveBatch("riley", impossibleFolder, new FolderCursor(7, 3), List.of(ok), List.of(), NOW));
        assertTrue(facts.facts("riley").isEmpty());
        assertTrue(facts.cursor("riley", impossibleFolder).isEmpty());
    }

    @Test
    void migrationsAreIdempotent() {
        String url = "jdbc:hsqldb:mem:" + UUID.randomUUID();
        Database first = Database.open(url, "SA", "");
        Database again = Database.open(url, "SA", "");
        assertEquals(0, new FactRepository(again).skippedCount("x"));
        again.close();
        first.close();
    }

    @Test
    void aFileDatabaseKeepsItsTablesOnDiskAndAnOlderOneIsMovedThereWithItsFacts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // As earlier versions left it: the same migrations, every table in memory, one fact stored.
        String url = "jdbc:hsqldb:file:" + dir.resolve("old");
        org.flywaydb.core.Flyway.configure().dataSource(url, "SA", "").locations("classpath:db/migration").load().migrate();
        try (var c = java.sql.DriverManager.getConnection(url, "SA", ""); var s = c.createStatement()) {
            assertEquals(List.of("MEMORY"), tableTypes(s));
            s.executeUpdate("INSERT INTO message_fact (mailbox_id, folder, uid, message_id, kind, sent_at, doc) VALUES ('riley', 'Sent', 1,"
                    + " '<p@acme.example>', 'PROPOSAL', 0, '{\"message\":{\"folder\":\"Sent\",\"role\":\"SENT\",\"uid\":1,"
                    + "\"from\":{\"email\":\"riley@acme.example\"},\"sentAt\":0},\"classification\":{\"kind\":\"PROPOSAL\",\"proposalScore\":4}}')");
            s.execute("SHUTDOWN");
        }
        Database old = Database.open(url, "SA", "");
        assertEquals(List.of("<p@acme.example>"), new FactRepository(old).messageIds("riley", "PROPOSAL").stream().toList());
        old.close();
        Database fresh = Database.open("jdbc:hsqldb:file:" + dir.resolve("fresh"), "SA", "");
        fresh.close();
        for (String name : List.of("old", "fresh")) {
            try (var c = java.sql.DriverManager.getConnection("jdbc:hsqldb:file:" + dir.resolve(name), "SA", ""); var s = c.createStatement()) {
                assertEquals(List.of("CACHED"), tableTypes(s), name);
                s.execute("SHUTDOWN");
            }
        }
    }

    /** The distinct HSQLDB storage types of the schema's tables. */
    private static List<String> tableTypes(java.sql.Statement s) throws java.sql.SQLException {
        List<String> types = new java.util.ArrayList<>();
        try (var r = s.executeQuery("SELECT DISTINCT HSQLDB_TYPE FROM INFORMATION_SCHEMA.SYSTEM_TABLES WHERE TABLE_SCHEM = CURRENT_SCHEMA")) {
            while (r.next()) {
                types.add(r.getString(1));
            }
        }
        return types;
    }

    @Test
    void draftsRecordIntentThenOutcome() {
        DraftRepository drafts = new DraftRepository(db);
        drafts.recordIntent("<tickler-a-1@acme.example>", "a", "riley", 1, "REMINDER", "hash", NOW);
        drafts.recordIntent("<tickler-a-1@acme.example>", "a", "riley", 1, "REMINDER", "hash", NOW.plusSeconds(5));
        assertEquals(DraftRecord.INTENDED, drafts.find("<tickler-a-1@acme.example>").orElseThrow().status());
        drafts.markPlaced("<tickler-a-1@acme.example>", "Drafts", NOW);
        DraftRecord placed = drafts.forMailbox("riley").get(0);
        assertTrue(placed.isPlaced());
        assertEquals(NOW, placed.intendedAt());
        assertEquals("Drafts", placed.folder());
    }
}
