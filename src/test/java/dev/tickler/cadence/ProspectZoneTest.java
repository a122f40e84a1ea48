package dev.tickler.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProspectZoneTest {

    private static Optional<ZoneOffset> zoneOf(String... headers) {
        return ProspectZone.fromDateHeaders(Arrays.asList(headers));
    }

    private static Optional<ZoneOffset> offset(String hours) {
        return Optional.of(ZoneOffset.of(hours));
    }

    @Test
    void numericOffsets() {
        assertEquals(offset("-05:00"), zoneOf("Tue, 24 Nov 2026 09:12:00 -0500"));
        assertEquals(offset("+01:00"), zoneOf("24 Nov 2026 09:12:00 +0100"), "without the day name");
        assertEquals(offset("+05:30"), zoneOf("Tue, 24 Nov 2026 09:12 +0530"), "without seconds");
        assertEquals(offset("-03:30"), zoneOf("tue, 24 nov 2026 09:12:00 -0330"), "case does not matter");
        assertEquals(offset("Z"), zoneOf("Tue, 24 Nov 2026 09:12:00 +0000"));
        assertEquals(offset("-05:00"), zoneOf("Tue,\r\n 24 Nov 2026\t09:12:00   -0500"), "folded");
    }

    @Test
    void obsoleteZoneNames() {
        assertEquals(offset("-05:00"), zoneOf("Tue, 24 Nov 2026 09:12:00 EST"));
        assertEquals(offset("-04:00"), zoneOf("Tue, 24 Nov 2026 09:12:00 EDT"));
        assertEquals(offset("-07:00"), zoneOf("Tue, 24 Nov 2026 09:12:00 pdt"));
        assertEquals(offset("Z"), zoneOf("Tue, 24 Nov 2026 09:12:00 GMT"));
        assertEquals(offset("Z"), zoneOf("Tue, 24 Nov 2026 09:12:00 UT"));
        assertEquals(Optional.empty(), zoneOf("Tue, 24 Nov 2026 09:12:00 Z"), "military letters mean unknown (RFC 5322 4.3)");
        assertEquals(Optional.empty(), zoneOf("Tue, 24 Nov 2026 09:12:00 CET"), "other names mean unknown");
    }

    @Test
    void commentsAreIgnored() {
        assertEquals(offset("-05:00"), zoneOf("Tue, 24 Nov 2026 09:12:00 -0500 (EST)"));
        assertEquals(offset("+01:00"), zoneOf("Tue, 24 Nov 2026 09:12:00 +0100 (CET (Mitteleurop\\)\u00e4ische Zeit))"));
        assertEquals(offset("-08:00"), zoneOf("(sent) Tue, 24 (day) Nov 2026 09:12:00 -0800"));
    }

    @Test
    void twoAndThreeDigitYears() {
        assertEquals(Instant.parse("2026-11-24T14:12:00Z"), ProspectZone.parse("Tue, 24 Nov 26 09:12:00 -0500").orElseThrow().instant());
        assertEquals(Instant.parse("1999-11-24T14:12:00Z"), ProspectZone.parse("Wed, 24 Nov 99 09:12:00 -0500").orElseThrow().instant());
        assertEquals(Instant.parse("2003-01-02T03:04:05Z"), ProspectZone.parse("2 Jan 103 03:04:05 +0000").orElseThrow().instant());
        assertEquals(offset("-05:00"), zoneOf("Tue, 24 Nov 26 09:12:00 -0500"));
    }

    @Test
    void invalidHeadersAreIgnored() {
        assertEquals(Optional.empty(), zoneOf("yesterday", "", "Tue, 31 Nov 2026 09:12:00 -0500", "Tue, 24 Nov 2026 25:12:00 -0500",
                "Tue, 24 Nov 2026 09:12:00 +0575", "Tue, 24 Nov 2026 09:12:00 +1900", "Tue, 24 Nov 2026 09:12:00",
                "Tue, 24 Foo 2026 09:12:00 -0500", "2026-11-24T09:12:00-05:00"));
        assertEquals(Optional.empty(), ProspectZone.fromDateHeaders(Arrays.asList((String) null)));
        assertEquals(offset("+09:00"), zoneOf("garbage", "Tue, 24 Nov 2026 09:12:00 +0900", "Tue, 32 Nov 2026 09:12:00 -0500"));
    }

    @Test
    void theMostRecentMessageDecidesWhateverTheOrder() {
        String older = "Mon, 2 Nov 2026 09:00:00 +0100";
        String newer = "Tue, 24 Nov 2026 09:12:00 -0800";
        assertEquals(offset("-08:00"), zoneOf(older, newer));
        assertEquals(offset("-08:00"), zoneOf(newer, older));
        assertEquals(offset("+09:00"), zoneOf("Tue, 24 Nov 2026 17:00:00 +0900", "Tue, 24 Nov 2026 08:00:00 +0100"),
                "08:00 UTC is later than 07:00 UTC, whatever the wall clocks say");
        assertEquals(offset("+01:00"), zoneOf("Tue, 24 Nov 2026 17:00:00 +0900", "Tue, 24 Nov 2026 09:00:00 +0100"),
                "the same moment: the later header in the list wins");
    }

    @Test
    void minusZeroMeansUnknown() {
        assertEquals(Optional.empty(), zoneOf("Tue, 24 Nov 2026 09:12:00 -0000"));
        assertEquals(Optional.empty(), ProspectZone.fromDateHeaders(List.of()));
        assertEquals(offset("-05:00"), zoneOf("Mon, 23 Nov 2026 09:12:00 -0500", "Tue, 24 Nov 2026 09:12:00 -0000"),
                "an unknown zone on the latest message does not hide what the earlier ones said");
        assertEquals(Instant.parse("2026-11-24T09:12:00Z"), ProspectZone.parse("Tue, 24 Nov 2026 09:12:00 -0000").orElseThrow().instant());
    }
}
