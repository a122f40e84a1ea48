package dev.tickler.cadence;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes offered slots as short lines for a draft, in the draft's language (English and German;
 * anything else falls back to English). When the prospect's zone is known the times are theirs,
 * with the rep's own times beside them so nobody has to convert:
 * {@code Tuesday 24 November, 10:00–10:30 your time (16:00–16:30 for me in Berlin)}. When it is
 * unknown, or the same as the rep's, the rep's times with the zone named:
 * {@code Tuesday 24 November, 16:00–16:30 (Berlin time)}.
 */
public final class SlotText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final char EN_DASH = '\u2013';
    private static final char MINUS = '\u2212';

    /** The phrases of one language; {@code place} is a city name or a {@code UTC−05:00} label. */
    private enum Language {
        EN("EEEE d MMMM", "EEEE ") {
            @Override
            String inProspectZone(String date, String theirs, String theirZone, String mine, String place, boolean isCity) {
                return date + ", " + theirs + " " + (theirZone == null ? "your time" : theirZone) + " (" + mine
                        + (isCity ? " for me in " : " for me at ") + place + ")";
            }

            @Override
            String inRepZone(String date, String mine, String place, boolean isCity) {
                return date + ", " + mine + " (" + place + (isCity ? " time)" : ")");
            }
        },
        DE("EEEE, d. MMMM", "EEEE, ") {
            @Override
            String inProspectZone(String date, String theirs, String theirZone, String mine, String place, boolean isCity) {
                return date + ", " + theirs + " Uhr " + (theirZone == null ? "Ihrer Zeit" : theirZone) + " (" + mine + " Uhr bei mir"
                        + (isCity ? " in " : ", ") + place + ")";
            }

            @Override
            String inRepZone(String date, String mine, String place, boolean isCity) {
                return date + ", " + mine + " Uhr (" + (isCity ? "Ortszeit " : "") + place + ")";
            }
        };

        private final String datePattern;
        /** Put before the rep's times when their day is not the prospect's. */
        private final String otherDayPattern;

        Language(String datePattern, String otherDayPattern) {
            this.datePattern = datePattern;
            this.otherDayPattern = otherDayPattern;
        }

        /** @param theirZone null for "your time" (a region zone), else the offset label it was told by */
        abstract String inProspectZone(String date, String theirs, String theirZone, String mine, String place, boolean isCity);

        abstract String inRepZone(String date, String mine, String place, boolean isCity);

        static Language of(Locale locale) {
            return locale != null && locale.getLanguage().equals("de") ? DE : EN;
        }
    }

    /** Cities a German reader knows by another name; the rest keep the name of the zone id. */
    private static final Map<String, String> GERMAN_NAMES = Map.ofEntries(
            Map.entry("Vienna", "Wien"), Map.entry("Zurich", "Zürich"), Map.entry("Rome", "Rom"), Map.entry("Prague", "Prag"),
            Map.entry("Warsaw", "Warschau"), Map.entry("Copenhagen", "Kopenhagen"), Map.entry("Brussels", "Brüssel"),
            Map.entry("Lisbon", "Lissabon"), Map.entry("Moscow", "Moskau"), Map.entry("Athens", "Athen"),
            Map.entry("Tokyo", "Tokio"), Map.entry("Bucharest", "Bukarest"), Map.entry("Belgrade", "Belgrad"),
            Map.entry("Kyiv", "Kiew"), Map.entry("Kiev", "Kiew"), Map.entry("Luxembourg", "Luxemburg"),
            Map.entry("Mexico_City", "Mexiko-Stadt"), Map.entry("Sao_Paulo", "São Paulo"));

    private final ZoneId repZone;
    private final Locale locale;
    private final Language language;

    /**
     * @param repZone the rep's zone (their {@link BusinessCalendar#zone()})
     * @param locale  the draft's language; month and day names follow it within English or German
     */
    public SlotText(ZoneId repZone, Locale locale) {
        this.repZone = repZone;
        this.language = Language.of(locale);
        this.locale = language == Language.DE ? locale : Locale.ENGLISH;
    }

    /** One line per slot, in the order given. */
    public List<String> lines(List<Slot> slots, ZoneId prospectZone) {
        return slots.stream().map(slot -> line(slot, prospectZone)).toList();
    }

    /** @param prospectZone the prospect's zone or offset, or null when unknown */
    public String line(Slot slot, ZoneId prospectZone) {
        ZonedDateTime repStart = slot.start().atZone(repZone);
        ZonedDateTime repEnd = slot.end().atZone(repZone);
        boolean isCity = !(repZone.normalized() instanceof ZoneOffset);
        String place = placeName(repZone);
        if (prospectZone == null || prospectZone.getRules().getOffset(slot.start()).equals(repStart.getOffset())) {
            return language.inRepZone(date(repStart), times(repStart, repEnd), place, isCity);
        }
        ZonedDateTime theirStart = slot.start().atZone(prospectZone);
        ZonedDateTime theirEnd = slot.end().atZone(prospectZone);
        String mine = times(repStart, repEnd);
        if (!repStart.toLocalDate().equals(theirStart.toLocalDate())) {
            mine = DateTimeFormatter.ofPattern(language.otherDayPattern, locale).format(repStart) + mine;
        }
        // Known only by an offset (from a Date header, perhaps from before a DST change): say which, rather than "your time".
        String theirZone = prospectZone.normalized() instanceof ZoneOffset ? placeName(prospectZone) : null;
        return language.inProspectZone(date(theirStart), times(theirStart, theirEnd), theirZone, mine, place, isCity);
    }

    /** The city of a region id ({@code America/New_York}: New York), or {@code UTC−05:00} for a fixed offset. */
    String placeName(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId().replace('-', MINUS);
        }
        String id = zone.getId();
        String city = id.substring(id.lastIndexOf('/') + 1);
        if (language == Language.DE) {
            city = GERMAN_NAMES.getOrDefault(city, city);
        }
        return city.replace('_', ' ');
    }

    private String date(ZonedDateTime t) {
        return DateTimeFormatter.ofPattern(language.datePattern, locale).format(t);
    }

    private static String times(ZonedDateTime start, ZonedDateTime end) {
        return TIME.format(start) + EN_DASH + TIME.format(end);
    }
}
