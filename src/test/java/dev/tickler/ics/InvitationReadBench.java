package dev.tickler.ics;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long reading stored invitations costs each pass (they are expanded at decide time). Run:
 * {@code mvn -B -q test -Dtest=InvitationReadBench -Dbench.invitations=2000} (as stored: text and
 * well-known VTIMEZONEs left out), and with {@code -Dbench.raw=true} for the baseline (as mailed).
 * {@code -Dbench.variant=utc|iana|windows-no-vtimezone|outlook} picks the shape; results on stdout.
 */
@EnabledIfSystemProperty(named = "bench.invitations", matches = "\\d+")
class InvitationReadBench {

    @Test
    void readStoredInvitations() throws Exception {
        int n = Integer.getInteger("bench.invitations");
        IcsReader reader = new IcsReader();
        Instant now = Instant.parse("2026-03-12T09:00:00Z");
        String variant = System.getProperty("bench.variant", "outlook");
        boolean raw = Boolean.getBoolean("bench.raw"); // the baseline: read as mailed, VTIMEZONE and all
        java.util.function.UnaryOperator<String> shape = ics -> switch (variant) {
            case "utc" -> ics.replaceAll("(?s)BEGIN:VTIMEZONE.*END:VTIMEZONE\r\n", "")
                    .replace(";TZID=W. Europe Standard Time:20260317T140000", ":20260317T130000Z")
                    .replace(";TZID=W. Europe Standard Time:20260317T143000", ":20260317T133000Z")
                    .replace(";TZID=W. Europe Standard Time:20260106T140000", ":20260106T130000Z");
            case "iana" -> ics.replaceAll("(?s)BEGIN:VTIMEZONE.*END:VTIMEZONE\r\n", "").replace("W. Europe Standard Time", "Europe/Berlin");
            case "windows-no-vtimezone" -> ics.replaceAll("(?s)BEGIN:VTIMEZONE.*END:VTIMEZONE\r\n", "");
            default -> ics;
        };
        String[] samples = {shape.apply(single(0)), shape.apply(weekly())};
        long first = System.nanoTime();
        reader.invitation(samples[0], now, "s", now.minusSeconds(86_400L * 180), now.plusSeconds(86_400L * 400), ZoneId.of("Europe/Berlin"));
        long firstMs = (System.nanoTime() - first) / 1_000_000;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            int meetings = 0;
            for (int i = 0; i < n; i++) {
                String ics = i % 10 == 0 ? samples[1] : shape.apply(single(i));
                meetings += reader.invitation(raw ? ics : IcsReader.withoutText(ics), now, "s", now.minusSeconds(86_400L * 180),
                        now.plusSeconds(86_400L * 400), ZoneId.of("Europe/Berlin")).meetings().size();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(variant + (raw ? " as mailed" : " as stored") + " invitations=%d (every 10th a weekly series) round %d: %d ms, %.2f ms each, %d occurrences; first parse in the JVM %d ms%n",
                    n, round + 1, ms, (double) ms / n, meetings, firstMs);
        }
    }

    private static String single(int i) {
        return String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "VERSION:2.0",
                "METHOD:REQUEST", "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time", "BEGIN:STANDARD", "DTSTART:16011028T030000",
                "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD", "BEGIN:DAYLIGHT",
                "DTSTART:16010325T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
                "END:DAYLIGHT", "END:VTIMEZONE", "BEGIN:VEVENT", "UID:bench-" + i + "@acme.example", "SEQUENCE:0",
                "DTSTAMP:20260301T100000Z", "DTSTART;TZID=W. Europe Standard Time:20260317T140000",
                "DTEND;TZID=W. Europe Standard Time:20260317T143000", "SUMMARY:Call " + i,
                "ORGANIZER;CN=Riley Rep:mailto:riley@acme.example",
                "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Gina:mailto:gina" + i + "@globex.example",
                "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR", "");
    }

    private static String weekly() {
        return single(1).replace("DTSTART;TZID=W. Europe Standard Time:20260317T140000",
                "DTSTART;TZID=W. Europe Standard Time:20260106T140000\r\nRRULE:FREQ=WEEKLY;BYDAY=TU");
    }
}
