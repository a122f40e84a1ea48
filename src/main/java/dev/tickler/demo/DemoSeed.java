package dev.tickler.demo;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;

/** The demo world's mail: eight situations a rep's mailbox really has. */
final class DemoSeed {

    private static final String RILEY = "Riley Rep <riley@acme.example>";
    private static final String PDF = "application/pdf";

    private final Store store;
    private final Instant now;
    private final List<DemoScenario> scenarios;

    DemoSeed(Store store, Instant now, List<DemoScenario> scenarios) {
        this.store = store;
        this.now = now;
        this.scenarios = scenarios;
    }

    void seed() throws MessagingException {
        unanswered();
        answered();
        meetingBooked();
        outOfOfficeOnly();
        bounced();
        threeTouches();
        internalOnly();
        ordinary();
    }

    private void unanswered() throws MessagingException {
        String id = "<proposal-globex@acme.example>";
        sent(Mime.message().id(id).from(RILEY).to("Gina Glass <gina@globex.example>")
                .subject("Proposal: Globex CRM rollout").date(ago(8, 15))
                .text("Hi Gina,\n\nattached is our proposal for the CRM rollout we discussed.\n\nBest,\nRiley")
                .attach("Globex_Proposal_2026.pdf", PDF, 48_000).build());
        scenarios.add(new DemoScenario("Unanswered proposal (8 days)", id, "reminder"));
    }

    private void answered() throws MessagingException {
        String id = "<quote-initech@acme.example>";
        Instant proposal = ago(10, 11);
        sent(Mime.message().id(id).from(RILEY).to("Peter Gibbons <peter@initech.example>")
                .subject("Quote for 40 seats").date(proposal)
                .text("Hi Peter,\n\nplease find attached our quote for 40 seats.\n\nRiley")
                .attach("Initech-Quote-40-seats.pdf", PDF, 20_000).build());
        inbox(Mime.message().id("<re-quote-initech@initech.example>").from("Peter Gibbons <peter@initech.example>")
                .to(RILEY).subject("RE: Quote for 40 seats").date(proposal.plus(java.time.Duration.ofHours(26))).replyTo(id)
                .text("Thanks Riley, can we talk Thursday at 10?").build());
        scenarios.add(new DemoScenario("Proposal answered by the prospect", id, "nothing"));
    }

    /** Riley sent the invitation from the calendar: a defined next step, so no follow-up (seeds 003, 004). */
    private void meetingBooked() throws MessagingException {
        String id = "<proposal-wonka@acme.example>";
        Instant proposal = ago(9, 9);
        sent(Mime.message().id(id).from(RILEY).to("Willy Wonka <willy@wonka.example>")
                .subject("Proposal: Wonka factory tour app").date(proposal)
                .text("Hi Willy,\n\nattached is our proposal for the tour app.\n\nRiley")
                .attach("Wonka_Proposal.pdf", PDF, 36_000).build());
        Instant meeting = DemoWorld.daysAgo(now, -2, 11);
        java.time.format.DateTimeFormatter utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:-//Tickler demo//EN", "VERSION:2.0", "METHOD:REQUEST",
                "BEGIN:VEVENT", "UID:wonka-next-step@acme.example", "SEQUENCE:0", "DTSTAMP:" + utc.format(ago(6, 10)),
                "DTSTART:" + utc.format(meeting), "DTEND:" + utc.format(meeting.plusSeconds(1800)),
                "SUMMARY:Wonka tour app: next steps", "ORGANIZER;CN=Riley Rep:mailto:riley@acme.example",
                "ATTENDEE;CN=Willy Wonka;PARTSTAT=ACCEPTED:mailto:willy@wonka.example", "STATUS:CONFIRMED",
                "END:VEVENT", "END:VCALENDAR", "");
        sent(Mime.message().id("<invite-wonka@acme.example>").from(RILEY).to("Willy Wonka <willy@wonka.example>")
                .subject("Invitation: Wonka tour app: next steps").date(ago(6, 10))
                .text("Riley Rep has invited you to a meeting.").calendar(ics, "REQUEST").build());
        scenarios.add(new DemoScenario("Meeting booked (invitation sent)", id, "nothing"));
    }

    private void outOfOfficeOnly() throws MessagingException {
        String id = "<proposal-umbrella@acme.example>";
        Instant proposal = ago(9, 10);
        sent(Mime.message().id(id).from(RILEY).to("Jürgen Weiß <juergen@umbrella.example>")
                .subject("Angebot: Umbrella pilot").date(proposal)
                .text("Hallo Jürgen,\n\nanbei unser Angebot für das Pilotprojekt.\n\nRiley")
                .attach("Angebot_Umbrella_Pilot.pdf", PDF, 30_000).build());
        inbox(Mime.message().id("<ooo-umbrella@umbrella.example>").from("Jürgen Weiß <juergen@umbrella.example>")
                .to(RILEY).subject("Automatische Antwort: Angebot: Umbrella pilot").date(proposal.plusSeconds(40)).replyTo(id)
                .header("Auto-Submitted", "auto-replied").header("X-Auto-Response-Suppress", "All")
                .text("Ich bin bis " + java.time.format.DateTimeFormatter.ofPattern("d.M.")
                        .format(proposal.plus(java.time.Duration.ofDays(2)).atZone(DemoWorld.ZONE)) + " nicht im Büro.").build());
        scenarios.add(new DemoScenario("Only an out-of-office reply", id, "reminder"));
    }

    private void bounced() throws MessagingException {
        String id = "<proposal-hooli@acme.example>";
        Instant proposal = ago(12, 14);
        sent(Mime.message().id(id).from(RILEY).to("Gavin Belson <gavin@hooli.example>")
                .subject("Hooli pricing proposal").date(proposal)
                .text("Gavin,\n\nhere is our pricing proposal.\n\nRiley").attach("Hooli Pricing.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 12_000).build());
        inbox(Mime.message().id("<bounce-hooli@mx.hooli.example>").from("Mail Delivery System <MAILER-DAEMON@mx.hooli.example>")
                .to(RILEY).subject("Undelivered Mail Returned to Sender").date(proposal.plusSeconds(5))
                .header("Auto-Submitted", "auto-replied")
                .bounceOf("gavin@hooli.example", id, "Hooli pricing proposal").build());
        scenarios.add(new DemoScenario("Proposal bounced (contact left?)", id, "nothing"));
    }

    private void threeTouches() throws MessagingException {
        String id = "<proposal-stark@acme.example>";
        sent(Mime.message().id(id).from(RILEY).to("Pepper Potts <pepper@stark.example>")
                .subject("Statement of Work: Stark data migration").date(ago(40, 16))
                .text("Hi Pepper,\n\nattached is the statement of work.\n\nRiley")
                .attach("Stark_SOW_v3.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 40_000)
                .build());
        String[] thread = {id};
        int[] days = {33, 26, 19};
        for (int i = 0; i < days.length; i++) {
            String touch = "<touch-" + (i + 1) + "-stark@acme.example>";
            sent(Mime.message().id(touch).from(RILEY).to("Pepper Potts <pepper@stark.example>")
                    .subject("Re: Statement of Work: Stark data migration").date(ago(days[i], 9)).replyTo(thread)
                    .text("Hi Pepper, just checking in on the SOW. Riley").build());
            thread = append(thread, touch);
        }
        scenarios.add(new DemoScenario("Three unanswered follow-ups", id, "revival"));
    }

    private void internalOnly() throws MessagingException {
        String id = "<internal-review@acme.example>";
        sent(Mime.message().id(id).from(RILEY).to("Sam Sales <sam@acme.example>")
                .subject("Proposal draft for Wayne, please review").date(ago(9, 13))
                .text("Sam, attached is our proposal draft for Wayne. Thoughts?")
                .attach("Wayne_Proposal_DRAFT.pdf", PDF, 25_000).build());
        scenarios.add(new DemoScenario("Proposal PDF sent to a colleague", id, "nothing"));
    }

    private void ordinary() throws MessagingException {
        String id = "<lunch@acme.example>";
        sent(Mime.message().id(id).from(RILEY).to("Dana Friend <dana@example.org>")
                .subject("Lunch next week?").date(ago(9, 12)).text("Dana, lunch Tuesday?").build());
        scenarios.add(new DemoScenario("An ordinary email", id, "nothing"));
    }

    private Instant ago(int days, int hour) {
        return DemoWorld.daysAgo(now, days, hour);
    }

    private void sent(MimeMessage m) throws MessagingException {
        append("Sent", m);
    }

    private void inbox(MimeMessage m) throws MessagingException {
        append("INBOX", m);
    }

    private void append(String folderName, MimeMessage m) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        folder.appendMessages(new Message[] {m});
    }

    private static String[] append(String[] a, String s) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = s;
        return out;
    }
}
