package dev.tickler.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SlotTextTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Tuesday 24 November 2026, 16:00–16:30 in Berlin, 10:00–10:30 in New York. */
    private static final Slot TUESDAY = new Slot(Instant.parse("2026-11-24T15:00:00Z"), Instant.parse("2026-11-24T15:30:00Z"));

    private final SlotText english = new SlotText(BERLIN, Locale.ENGLISH);
    private final SlotText german = new SlotText(BERLIN, Locale.GERMAN);

    @Test
    void englishInTheProspectsZoneWithTheRepsBeside() {
        assertEquals("Tuesday 24 November, 10:00–10:30 your time (16:00–16:30 for me in Berlin)", english.line(TUESDAY, NEW_YORK));
        assertEquals("Tuesday 24 November, 10:00–10:30 UTC−05:00 (16:00–16:30 for me in Berlin)",
                english.line(TUESDAY, ZoneOffset.ofHours(-5)), "an offset read off a Date header is named, not called their time");
    }

    @Test
    void englishInTheRepsZoneWhenTheProspectsIsUnknown() {
        assertEquals("Tuesday 24 November, 16:00–16:30 (Berlin time)", english.line(TUESDAY, null));
        assertEquals("Tuesday 24 November, 10:00–10:30 (New York time)", new SlotText(NEW_YORK, Locale.US).line(TUESDAY, null));
    }

    @Test
    void germanBothWays() {
        assertEquals("Dienstag, 24. November, 10:00–10:30 Uhr Ihrer Zeit (16:00–16:30 Uhr bei mir in Berlin)", german.line(TUESDAY, NEW_YORK));
        assertEquals("Dienstag, 24. November, 16:00–16:30 Uhr (Ortszeit Berlin)", german.line(TUESDAY, null));
        assertEquals("Dienstag, 24. November, 16:00–16:30 Uhr (Ortszeit Wien)",
                new SlotText(ZoneId.of("Europe/Vienna"), Locale.forLanguageTag("de-AT")).line(TUESDAY, null), "German city names");
    }

    @Test
    void otherLanguagesFallBackToEnglish() {
        assertEquals("Tuesday 24 November, 16:00–16:30 (Berlin time)", new SlotText(BERLIN, Locale.FRENCH).line(TUESDAY, null));
        assertEquals("Tuesday 24 November, 16:00–16:30 (Berlin time)", new SlotText(BERLIN, null).line(TUESDAY, null));
    }

    @Test
    void aProspectInTheRepsZoneGetsOneTime() {
        assertEquals("Tuesday 24 November, 16:00–16:30 (Berlin time)", english.line(TUESDAY, ZoneId.of("Europe/Paris")));
        assertEquals("Tuesday 24 November, 16:00–16:30 (Berlin time)", english.line(TUESDAY, ZoneOffset.ofHours(1)));
    }

    @Test
    void fixedOffsetsAreNamedAsUtcOffsets() {
        SlotText minusFive = new SlotText(ZoneOffset.ofHours(-5), Locale.ENGLISH);
        assertEquals("Tuesday 24 November, 10:00–10:30 (UTC−05:00)", minusFive.line(TUESDAY, null));
        assertEquals("Tuesday 24 November, 16:00–16:30 your time (10:00–10:30 for me at UTC−05:00)", minusFive.line(TUESDAY, BERLIN));
        assertEquals("Dienstag, 24. November, 16:00–16:30 Uhr Ihrer Zeit (10:00–10:30 Uhr bei mir, UTC−05:00)",
                new SlotText(ZoneOffset.ofHours(-5), Locale.GERMAN).line(TUESDAY, BERLIN));
        assertEquals("Tuesday 24 November, 20:30–21:00 (UTC+05:30)", new SlotText(ZoneOffset.of("+05:30"), Locale.ENGLISH).line(TUESDAY, null));
        assertEquals("Tuesday 24 November, 15:00–15:30 (UTC)", new SlotText(ZoneOffset.UTC, Locale.ENGLISH).line(TUESDAY, null));
        assertEquals("Tuesday 24 November, 10:00–10:30 (UTC−05:00)", new SlotText(ZoneId.of("Etc/GMT+5"), Locale.ENGLISH).line(TUESDAY, null),
                "Etc/GMT+5 is five hours behind");
    }

    @Test
    void theRepsDayIsNamedWhenItIsNotTheProspectsDay() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertEquals("Wednesday 25 November, 00:00–00:30 your time (Tuesday 16:00–16:30 for me in Berlin)", english.line(TUESDAY, tokyo));
        assertEquals("Mittwoch, 25. November, 00:00–00:30 Uhr Ihrer Zeit (Dienstag, 16:00–16:30 Uhr bei mir in Berlin)",
                german.line(TUESDAY, tokyo));
    }

    @Test
    void linesKeepTheOrderGiven() {
        Slot wednesday = new Slot(Instant.parse("2026-11-25T08:00:00Z"), Instant.parse("2026-11-25T08:30:00Z"));
        assertEquals(List.of("Tuesday 24 November, 16:00–16:30 (Berlin time)", "Wednesday 25 November, 09:00–09:30 (Berlin time)"),
                english.lines(List.of(TUESDAY, wednesday), null));
    }
}
