package dev.tickler.it;

import static dev.tickler.testing.TestMailServer.mailbox;
import static dev.tickler.testing.TestMailServer.tickler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.demo.Mime;
import dev.tickler.testing.TestMailServer;
import dev.tickler.testing.TestMailServer.Result;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cadence as a story, told through a real IMAP mailbox (GreenMail) and the real CLI, with the
 * clock moved forward by {@code --now}. Riley works Monday to Friday, 09:00-17:00 in Berlin
 * (08:00Z in winter, 07:00Z from 29 March). Read the test names top to bottom.
 */
class CadenceSimulationIT {

    private static final String PROPOSAL_ID = "<p1@acme.example>";
    private static final Instant FRIDAY = Instant.parse("2026-03-06T14:00:00Z"); // Friday 15:00 in Berlin

    @TempDir
    Path dir;
    private TestMailServer server;
    private Path password;
    private final List<String> thread = new ArrayList<>(List.of(PROPOSAL_ID));

    @BeforeEach
    void start() throws Exception {
        server = new TestMailServer(dir);
        password = server.user("riley", "pw");
        server.append("riley", "pw", "Sent", Mime.message().id(PROPOSAL_ID).from("Riley Rep <riley@acme.example>")
                .to("Gina Glass <gina@globex.example>").subject("Proposal: Globex rollout").date(FRIDAY)
                .text("Hi Gina,\n\nattached is our proposal.").attach("Globex_Proposal.pdf", "application/pdf", 800).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aProposalSentOnFridayGetsItsFirstReminderOnWednesdayMorningNotBefore() throws Exception {
        scan("2026-03-10T16:00:00Z");
        assertTrue(drafts().isEmpty(), "Tuesday: still within the 3 business days");
        scan("2026-03-11T07:30:00Z");
        assertTrue(drafts().isEmpty(), "Wednesday 08:30 in Berlin: before the working day starts");
        scan("2026-03-11T08:00:00Z");
        assertEquals(1, drafts().size(), "Wednesday 09:00: the first reminder");
        String body = drafts().values().iterator().next();
        assertTrue(body.contains("Would one of these times suit you?") && body.contains("- Thursday 12 March, "), body);
        assertTrue(body.contains("tell me a day and a time"), body);
    }

    @Test
    void theRepSendsEachDraftAndTheNextFollowsAWeekLaterUntilTheRevivalAndThenMonthlyCheckIns() throws Exception {
        String[] sendDays = {"2026-03-11T09:00:00Z", "2026-03-18T09:00:00Z", "2026-03-25T09:00:00Z"};
        String[] nextDue = {"2026-03-18T08:00:00Z", "2026-03-25T08:00:00Z", "2026-04-01T07:00:00Z"};
        scan("2026-03-11T08:00:00Z");
        for (int i = 0; i < sendDays.length; i++) {
            String draft = onlyDraft();
            sendDraft(draft, sendDays[i]);
            scan(sendDays[i].replace("09:00", "10:00"));
            assertTrue(drafts().isEmpty(), "touch " + (i + 1) + " sent: nothing to draft until a week later");
            scan(nextDue[i]);
            assertEquals(1, drafts().size(), "a week after touch " + (i + 1));
        }
        assertTrue(drafts().values().iterator().next().contains("not be in a position to go ahead"), "the fourth is the revival: " + drafts() + tickler("status", "--config", config().toString(), "--now", "2026-04-01T07:00:00Z").out());
        sendDraft(onlyDraft(), "2026-04-01T09:00:00Z");
        scan("2026-04-20T09:00:00Z");
        assertTrue(drafts().isEmpty(), "after the revival: quiet");
        Result status = tickler("status", "--config", config().toString(), "--now", "2026-04-20T09:00:00Z");
        assertTrue(status.out().contains("nurture"), status.out());
        scan("2026-05-01T07:00:00Z");
        assertEquals(1, drafts().size(), "30 days after the revival, a check-in");
        assertTrue(drafts().values().iterator().next().contains("check in"), drafts().toString());
    }

    @Test
    void planShowsTheWholeCadenceAheadOnWorkingDayMornings() throws Exception {
        scan("2026-03-11T08:00:00Z");
        Result plan = tickler("plan", "--days", "90", "--config", config().toString(), "--now", "2026-03-11T08:30:00Z");
        assertEquals(0, plan.code(), plan.err());
        String out = plan.out();
        assertTrue(out.contains("reminder #1") && out.contains("already in Drafts"), out);
        assertTrue(out.contains("Wed 2026-03-18 09:00") && out.contains("reminder #2"), out);
        assertTrue(out.contains("Wed 2026-03-25 09:00") && out.contains("reminder #3"), out);
        assertTrue(out.contains("Wed 2026-04-01 09:00") && out.contains("revival #4"), out);
        assertTrue(out.contains("Fri 2026-05-01 09:00") && out.contains("nurture #5"), out);
    }

    @Test
    void aReplyMidWayRetractsTheOpenDraft() throws Exception {
        scan("2026-03-11T08:00:00Z");
        assertEquals(1, drafts().size());
        reply("2026-03-11T12:00:00Z");
        Result r = scan("2026-03-11T12:05:00Z");
        assertTrue(drafts().isEmpty(), "the unsent reminder is gone from Drafts");
        assertTrue(r.err().contains("retracted the unsent draft"), r.err());
        Result status = tickler("status", "--config", config().toString(), "--now", "2026-03-11T12:05:00Z");
        assertTrue(status.out().contains("answered"), status.out());
    }

    @Test
    void aDraftTheRepEditedIsLeftAloneWhenTheProspectAnswersAndStatusSaysSo() throws Exception {
        scan("2026-03-11T08:00:00Z");
        String draft = onlyDraft();
        editDraft(draft);
        reply("2026-03-11T12:00:00Z");
        scan("2026-03-11T12:05:00Z");
        assertEquals(1, drafts().size(), "the rep's edited draft stays");
        assertTrue(drafts().get(draft).contains("my own words"));
        Result status = tickler("status", "--config", config().toString(), "--now", "2026-03-11T12:05:00Z");
        assertTrue(status.out().contains("your edited draft for touch 1 is still in Drafts; Tickler leaves it alone"), status.out());
    }

    @Test
    void aDraftTheRepDeletesUnsentIsDismissedAndTheNextWaitsAFullInterval() throws Exception {
        scan("2026-03-11T08:00:00Z");
        deleteDraft(onlyDraft());
        scan("2026-03-11T10:00:00Z");
        assertTrue(drafts().isEmpty(), "no new draft right away");
        scan("2026-03-17T10:00:00Z");
        assertTrue(drafts().isEmpty(), "nor six days later");
        scan("2026-03-18T08:00:00Z");
        assertEquals(1, drafts().size(), "a full interval after the deletion");
        assertFalse(drafts().containsKey(DraftIds.first()), "a new Message-ID, not the dismissed one");
    }

    @Test
    void aDraftIsRetractedWhenTheRepWritesTheirOwnFollowUpInstead() throws Exception {
        scan("2026-03-11T08:00:00Z");
        String draft = onlyDraft();
        server.append("riley", "pw", "Sent", Mime.message().id("<own@acme.example>").from("Riley Rep <riley@acme.example>")
                .to("Gina Glass <gina@globex.example>").subject("Re: Proposal: Globex rollout").date(Instant.parse("2026-03-11T10:00:00Z"))
                .replyTo(PROPOSAL_ID).text("Gina, one more thing about the rollout...").build());
        Result r = scan("2026-03-11T10:30:00Z");
        assertFalse(drafts().containsKey(draft), "Tickler's reminder is superseded by the rep's own message");
        assertTrue(r.err().contains("retracted the unsent draft"), r.err());
        scan("2026-03-18T08:00:00Z");
        assertEquals(1, drafts().size(), "a week after the rep's own touch, the next reminder");
    }

    @Test
    void aProposalTheRepDeletesIsNoLongerFollowedUpAndItsDraftGoes() throws Exception {
        scan("2026-03-11T08:00:00Z");
        assertEquals(1, drafts().size());
        try (Store store = server.connect("riley", "pw")) {
            Folder sent = store.getFolder("Sent");
            sent.open(Folder.READ_WRITE);
            sent.setFlags(sent.getMessages(), new Flags(Flags.Flag.DELETED), true);
            sent.close(true);
        }
        Result r = scan("2026-03-11T09:00:00Z");
        assertTrue(drafts().isEmpty(), r.err());
        assertTrue(r.err().contains("1 proposal(s) deleted from Sent"), r.err());
    }

    @Test
    void aTagOnEitherCopyOfAMessageFiledTwiceCounts() throws Exception {
        // Riley Bcc'd herself: the proposal is in Sent and in INBOX. She tags the Sent copy.
        server.append("riley", "pw", "INBOX", Mime.message().id(PROPOSAL_ID).from("Riley Rep <riley@acme.example>")
                .to("Gina Glass <gina@globex.example>").subject("Proposal: Globex rollout").date(FRIDAY)
                .text("Hi Gina,\n\nattached is our proposal.").attach("Globex_Proposal.pdf", "application/pdf", 800).build());
        try (Store store = server.connect("riley", "pw")) {
            Folder sent = store.getFolder("Sent");
            sent.open(Folder.READ_WRITE);
            sent.setFlags(sent.getMessages(), new Flags("$TicklerIgnore"), true);
            sent.close(false);
        }
        scan("2026-03-11T08:00:00Z");
        assertTrue(drafts().isEmpty());
    }

    @Test
    void draftsInAScannedFolderAreNotMailAnyoneSent() throws Exception {
        try (Store store = server.connect("riley", "pw")) {
            store.getFolder("Archive").create(Folder.HOLDS_MESSAGES);
        }
        server.append("riley", "pw", "Archive", Mime.message().id("<unsent@acme.example>").from("Riley Rep <riley@acme.example>")
                .to("Gina Glass <gina@globex.example>").subject("Re: Proposal: Globex rollout").date(Instant.parse("2026-03-10T10:00:00Z"))
                .replyTo(PROPOSAL_ID).text("half-written").build(), "\\Draft");
        scan("2026-03-11T08:00:00Z", "imap: { host: 127.0.0.1, port: " + server.port() + ", security: none, username: riley, "
                + "password: \"${file:" + password + "}\", folders: { scan: [Archive] } }");
        assertEquals(1, drafts().size(), "the rep's unsent draft is not a touch: the first reminder is still due");
        Result refused = tickler("scan", "--config", config("imap: { host: 127.0.0.1, port: " + server.port()
                + ", security: none, username: riley, password: \"${file:" + password + "}\", folders: { scan: [Drafts] } }").toString(),
                "--now", "2026-03-11T09:00:00Z");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("imap.folders.scan lists the Drafts folder"), refused.err());
    }

    @Test
    void aHolidayShiftsTheFirstReminder() throws Exception {
        scan("2026-03-11T08:00:00Z", "policy: { holidays: [2026-03-10] }");
        assertTrue(drafts().isEmpty(), "Tuesday was a holiday: three business days end Thursday");
        scan("2026-03-12T08:00:00Z", "policy: { holidays: [2026-03-10] }");
        assertEquals(1, drafts().size());
    }

    @Test
    void theirOutOfOfficeWithAReturnDatePausesTheReminderUntilTheBusinessDayAfter() throws Exception {
        server.append("riley", "pw", "INBOX", Mime.message().id("<ooo@globex.example>").from("Gina Glass <gina@globex.example>")
                .to("Riley Rep <riley@acme.example>").subject("Automatic reply: Proposal: Globex rollout")
                .header("Auto-Submitted", "auto-replied").date(FRIDAY.plusSeconds(30)).replyTo(PROPOSAL_ID)
                .text("I am on vacation until Friday 13 March and will reply when I am back.").build());
        scan("2026-03-11T08:00:00Z");
        assertTrue(drafts().isEmpty(), "Wednesday: Gina is away");
        Result status = tickler("status", "--config", config().toString(), "--now", "2026-03-11T08:00:00Z");
        assertTrue(status.out().contains("paused") && status.out().contains("out of office, back on Sat 14 Mar 2026"), status.out());
        scan("2026-03-13T15:00:00Z");
        assertTrue(drafts().isEmpty(), "Friday: still away");
        scan("2026-03-16T08:00:00Z");
        assertEquals(1, drafts().size(), "the first business day after her return date, 09:00");
    }

    @Test
    void theRepsOwnVacationPausesTheirPursuits() throws Exception {
        String away = "absences: [{ from: 2026-03-09, to: 2026-03-13 }]";
        scan("2026-03-11T08:00:00Z", away);
        assertTrue(drafts().isEmpty());
        Result status = tickler("status", "--config", config(away).toString(), "--now", "2026-03-11T08:00:00Z");
        assertTrue(status.out().contains("paused") && status.out().contains("you are away until Fri 13 Mar 2026"), status.out());
        scan("2026-03-16T08:00:00Z", away);
        assertEquals(1, drafts().size(), "Monday after the vacation");
    }

    @Test
    void closingThePursuitWithAKeywordStopsIt() throws Exception {
        try (Store store = server.connect("riley", "pw")) {
            Folder sent = store.getFolder("Sent");
            sent.open(Folder.READ_WRITE);
            sent.setFlags(sent.getMessages(), new Flags("$TicklerWon"), true);
            sent.close(false);
        }
        scan("2026-03-11T08:00:00Z");
        assertTrue(drafts().isEmpty());
        Result status = tickler("status", "--config", config().toString(), "--now", "2026-03-11T08:00:00Z");
        assertTrue(status.out().contains("closed") && status.out().contains("won"), status.out());
    }

    // --- the rep and the prospect ------------------------------------------------------------

    private Result scan(String now, String... mailboxExtras) throws Exception {
        Result r = tickler("scan", "--config", config(mailboxExtras).toString(), "--now", now);
        assertEquals(0, r.code(), r.err() + r.out());
        assertFalse(r.err().contains("illegal"), r.err());
        return r;
    }

    private Path config(String... mailboxExtras) throws Exception {
        String entry = mailbox("riley", server.port(), password, "");
        for (String extra : mailboxExtras) {
            if (extra.startsWith("imap:")) {
                entry = entry.replaceFirst("    imap: \\{.*}\n", java.util.regex.Matcher.quoteReplacement("    " + extra + "\n"));
            } else {
                entry += "    " + extra + "\n";
            }
        }
        return server.config(entry);
    }

    /** Message-ID → text of Tickler's drafts now in Drafts. */
    private Map<String, String> drafts() throws Exception {
        return server.drafts("riley", "pw");
    }

    private String onlyDraft() throws Exception {
        Map<String, String> d = drafts();
        assertEquals(1, d.size(), d.toString());
        return d.keySet().iterator().next();
    }

    /** The rep sends the draft: it leaves Drafts and lands in Sent with the same Message-ID. */
    private void sendDraft(String messageId, String at) throws Exception {
        deleteDraft(messageId);
        server.append("riley", "pw", "Sent", Mime.message().id(messageId).from("Riley Rep <riley@acme.example>")
                .to("Gina Glass <gina@globex.example>").subject("Re: Proposal: Globex rollout").date(Instant.parse(at))
                .replyTo(thread.toArray(new String[0])).text("sent as drafted").build());
        thread.add(messageId);
    }

    private void deleteDraft(String messageId) throws Exception {
        try (Store store = server.connect("riley", "pw")) {
            Folder drafts = store.getFolder("Drafts");
            drafts.open(Folder.READ_WRITE);
            for (Message m : drafts.getMessages()) {
                if (messageId.equals(((MimeMessage) m).getMessageID())) {
                    m.setFlag(Flags.Flag.DELETED, true);
                }
            }
            drafts.close(true);
        }
    }

    /** The rep rewrites the draft in their client: same Message-ID, other text. */
    private void editDraft(String messageId) throws Exception {
        deleteDraft(messageId);
        MimeMessage edited = Mime.message().id(messageId).from("Riley Rep <riley@acme.example>").to("Gina Glass <gina@globex.example>")
                .subject("Re: Proposal: Globex rollout").date(FRIDAY).replyTo(PROPOSAL_ID).text("Gina, in my own words: call me?").build();
        server.append("riley", "pw", "Drafts", edited, "\\Draft");
    }

    private void reply(String at) throws Exception {
        server.append("riley", "pw", "INBOX", Mime.message().id("<r1@globex.example>").from("Gina Glass <gina@globex.example>")
                .to("Riley Rep <riley@acme.example>").subject("RE: Proposal: Globex rollout").date(Instant.parse(at))
                .replyTo(thread.toArray(new String[0])).text("Thanks Riley, Thursday 10:00 works.").build());
    }

    /** The first draft's Message-ID, whatever the pursuit id. */
    private static final class DraftIds {
        static String first() {
            return "<tickler-" + dev.tickler.pursuit.PursuitAssembler.pursuitId("riley", PROPOSAL_ID) + "-1@acme.example>";
        }
    }
}
