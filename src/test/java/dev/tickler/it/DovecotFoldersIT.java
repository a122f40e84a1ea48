package dev.tickler.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tickler.cadence.Action;
import dev.tickler.config.TicklerConfig;
import dev.tickler.demo.Mime;
import dev.tickler.pursuit.PursuitState;
import dev.tickler.runtime.PassReport;
import dev.tickler.runtime.PursuitView;
import dev.tickler.runtime.Tickler;
import dev.tickler.testing.DovecotServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder layouts found in the field that the other Dovecot tests don't have: two Sent folders, and every folder below INBOX. */
class DovecotFoldersIT {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-12T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /**
     * Dovecot's stock configuration marks both "Sent" (Thunderbird) and "Sent Messages" (Apple Mail) as \Sent: a rep who
     * uses both has sent mail in each, and a follow-up sent from one to a proposal filed in the other still counts.
     */
    @Test
    void everyFolderMarkedSentIsRead() throws Exception {
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put("Sent", "\\Sent");
        folders.put("Sent Messages", "\\Sent");
        folders.put("Drafts", "\\Drafts");
        try (DovecotServer dovecot = DovecotServer.start(Map.of("riley", "pw"), folders, null)) {
            try (Store store = connect(dovecot)) {
                append(store, "Sent", proposal("<p1@acme.example>", "Gina Glass <gina@globex.example>", "Globex", "2026-03-02T10:00:00Z"));
                append(store, "Sent Messages", proposal("<p2@acme.example>", "Hank Hill <hank@strickland.example>", "Strickland",
                        "2026-03-02T11:00:00Z"));
                append(store, "Sent Messages", Mime.message().id("<f1@acme.example>").from("Riley Rep <riley@acme.example>")
                        .to("Gina Glass <gina@globex.example>").subject("Re: Proposal: Globex").date(Instant.parse("2026-03-09T09:00:00Z"))
                        .replyTo("<p1@acme.example>").text("Hi Gina, did you have a chance to look at it? Would Thursday at 10 suit you?")
                        .build());
            }
            try (Tickler tickler = Tickler.start(config(dovecot, ""), NOW)) {
                PassReport report = tickler.scan(false, NOW).get(0);
                assertFalse(report.failed(), () -> report.failure().message());
                Map<String, PursuitView> byProposal = report.pursuits().stream()
                        .collect(Collectors.toMap(v -> v.pursuit().proposal().message().messageId(), v -> v));
                assertEquals(2, byProposal.size(), "a pursuit for the proposal in each Sent folder: " + byProposal.keySet());
                assertEquals(2, byProposal.get("<p1@acme.example>").decision().step(),
                        "the rep's follow-up from the other Sent folder is touch 1: next is reminder #2, not #1 again");
                assertEquals(Action.REMINDER, byProposal.get("<p2@acme.example>").decision().action());
                assertEquals(1, report.placed().size(), "only Strickland's reminder is due");
                assertEquals("<p2@acme.example>", byProposal.values().stream().filter(v -> v.draft() != null).findFirst().orElseThrow()
                        .pursuit().proposal().message().messageId());
            }
        }
    }

    /**
     * Courier, cPanel and older Cyrus servers keep every folder below INBOX ("INBOX.Sent Messages", separator "."), often
     * without SPECIAL-USE: the usual names and the configured scan folders are found there too.
     */
    @Test
    void usualNamesAndScanFoldersAreFoundBelowInbox() throws Exception {
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put("Sent Messages", "");
        folders.put("Drafts", "");
        folders.put("Archive", "");
        try (DovecotServer dovecot = DovecotServer.start(Map.of("riley", "pw"), folders, null, "INBOX.")) {
            try (Store store = connect(dovecot)) {
                append(store, "INBOX.Sent Messages", proposal("<p1@acme.example>", "Gina Glass <gina@globex.example>", "Globex",
                        "2026-03-02T10:00:00Z"));
                append(store, "INBOX.Sent Messages", proposal("<p2@acme.example>", "Hank Hill <hank@strickland.example>", "Strickland",
                        "2026-03-02T11:00:00Z"));
                append(store, "INBOX.Archive", Mime.message().id("<r1@globex.example>").from("Gina Glass <gina@globex.example>")
                        .to("riley@acme.example").subject("RE: Proposal: Globex").date(Instant.parse("2026-03-03T08:00:00Z"))
                        .replyTo("<p1@acme.example>").text("Thanks, let's talk on Monday.").build());
            }
            try (Tickler tickler = Tickler.start(config(dovecot, ", folders: { scan: [Archive] }"), NOW)) {
                PassReport report = tickler.scan(false, NOW).get(0);
                assertFalse(report.failed(), () -> report.failure().message());
                Map<String, PursuitState> states = report.pursuits().stream()
                        .collect(Collectors.toMap(v -> v.pursuit().proposal().message().messageId(), PursuitView::state));
                assertEquals(Map.of("<p1@acme.example>", PursuitState.ANSWERED, "<p2@acme.example>", PursuitState.DRAFTED), states,
                        "INBOX.Sent Messages read as Sent, the answer found in INBOX.Archive");
            }
            try (Store store = connect(dovecot)) {
                assertEquals(1, store.getFolder("INBOX.Drafts").getMessageCount(), "the reminder is in INBOX.Drafts");
            }
        }
    }

    private static Message proposal(String id, String to, String company, String at) throws Exception {
        return Mime.message().id(id).from("Riley Rep <riley@acme.example>").to(to).subject("Proposal: " + company)
                .date(Instant.parse(at)).text("Hi, attached is our proposal.").attach("Proposal.pdf", "application/pdf", 500).build();
    }

    private static void append(Store store, String folder, Message message) throws Exception {
        store.getFolder(folder).appendMessages(new Message[] {message});
    }

    private TicklerConfig config(DovecotServer dovecot, String imapExtra) throws Exception {
        Files.writeString(dir.resolve("pw"), "pw");
        return dovecot.config("riley", dir.resolve("pw"), imapExtra, "");
    }

    private static Store connect(DovecotServer dovecot) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.port(), "riley", "pw");
        return store;
    }
}
