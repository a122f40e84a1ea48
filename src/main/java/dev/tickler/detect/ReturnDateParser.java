package dev.tickler.detect;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first day someone is back from an out-of-office text, in English, German, French,
 * Spanish, Italian and Dutch. "Back on 12 March" gives 12 March; "out until 20 March" (or "bis 3.4.",
 * "jusqu'au 2 mai", "hasta el 10 de junio", "fino al 5 giugno", "tot en met 20 mei") gives the day
 * after. A date without a cue word is ignored: an auto-reply quoting the original message is full of
 * dates that say nothing about a return. Pure: the year comes from the auto-reply's own date.
 */
public final class ReturnDateParser {

    /** What a cue says about the date that follows it. */
    private enum Cue { BACK_ON, AWAY_UNTIL, FROM }

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = "(?<mn>" + String.join("|", MONTHS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).toList()) + ")\\.?";
    private static final String WEEKDAY = "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|"
            + "freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|"
            + "viernes|s[áa]bado|domingo|luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi]|sabato|domenica|maandag|"
            + "dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)";

    /** Each date shape, tried at a cue's end. Groups are named d (day), m (month number), mn (month name), y (year). */
    private static final List<Pattern> DATES = List.of(
            Pattern.compile("^(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})"),
            Pattern.compile("^(?<d>\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\.?\\s*(?:de\\s+)?" + MONTH + "(?:\\s+(?:de\\s+)?(?<y>\\d{4}))?",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS),
            Pattern.compile("^" + MONTH + "\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<y>\\d{4}))?",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS),
            Pattern.compile("^(?<a>\\d{1,2})[./](?<b>\\d{1,2})(?:[./](?<y>\\d{2,4}))?\\.?(?!\\d)"));

    private static final Pattern CUE = Pattern.compile(
            // Explicit returns first: "won't be back until X" means back on X.
            "(?<back>\\b(?:(?:be\\s+)?back\\s+(?:in\\s+(?:the\\s+)?office\\s+)?(?:on|from|until|by)"
                    + "|return(?:ing)?\\s+(?:to\\s+(?:the\\s+)?office\\s+)?(?:on)?|reopen(?:s|ing)?\\s+(?:on)?"
                    + "|available\\s+(?:again\\s+)?(?:on|from)|(?:be\\s+)?back|returning"
                    + "|wieder\\s+(?:da|erreichbar|im\\s+b[üu]ro)\\s+(?:am|ab)|zur[üu]ck\\s+am|r[üu]ckkehr\\s+am"
                    + "|de\\s+retour\\s+(?:le|au\\s+bureau\\s+le)?|retour\\s+(?:prévu\\s+)?le|reprendrai(?:\\s+le\\s+travail|\\s+mes\\s+fonctions)?"
                    + "|de\\s+vuelta\\s+el|regreso\\s+el|regresar[ée]\\s+el|volver[áée]\\s+(?:a\\s+la\\s+oficina\\s+)?(?:hasta\\s+)?el"
                    + "|rientrer[òo]\\s+(?:in\\s+ufficio\\s+)?(?:il)?|di\\s+ritorno\\s+il|rientro\\s+(?:previsto\\s+)?(?:il)?"
                    + "|terug\\s+op|weer\\s+aanwezig\\s+op)\\b)"
                    // The end of an absence: the day after is the first day back.
                    + "|(?<until>\\b(?:until|till|through|thru|up to and including|bis\\s+(?:einschlie(?:ß|ss)lich|inklusive|zum|am)?"
                    + "|bis|jusqu'(?:au|à)|jusqu’(?:au|à)|hasta\\s+el|hasta|fino\\s+al|fino\\s+a|tot\\s+en\\s+met|t/m|tot"
                    + "|(?:from|vom|du|del|dal|van)\\s+(?:\\p{L}+\\s+)?\\d{1,2}(?:st|nd|rd|th|er)?\\.?(?:\\s*\\p{L}+\\.?)?(?:\\s+\\d{4})?"
                    + "\\s*(?:to|bis|au|al|tot|[-–]))\\b|(?<=[-–])\\s*)"
                    // "ab", "vanaf", "op", "à partir du" start an absence as often as they end one: only with "wieder" & co right after.
                    + "|(?<from>\\b(?:ab\\s+(?:dem|den)?|vanaf|op|à\\s+partir\\s+du|a\\s+partir\\s+del?|from)\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern BACK_AFTER_DATE = Pattern.compile(
            "^[^–\\-]{0,25}?\\b(wieder|weer|back|de retour|erreichbar|aanwezig|im büro|zurück|again)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RANGE_WORD = Pattern.compile("(?iu)\\b(to|bis|au|al|tot|till|until)\\b");

    private ReturnDateParser() {
    }

    /**
     * @param text   the subject and body of the auto-reply
     * @param sentOn the auto-reply's own date (for the year and to reject dates in the past)
     * @param usFirst true to read 03/04 as March 4 (an English text), false for 3 April
     */
    public static Optional<LocalDate> firstDayBack(String text, LocalDate sentOn, boolean usFirst) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String flat = text.replace('\u00a0', ' ').replaceAll("\\s+", " ");
        List<LocalDate> back = new ArrayList<>();
        List<LocalDate> until = new ArrayList<>();
        Matcher cue = CUE.matcher(flat);
        while (cue.find()) {
            Cue kind = cue.group("until") != null ? Cue.AWAY_UNTIL : cue.group("back") != null ? Cue.BACK_ON : Cue.FROM;
            String rest = skipFiller(flat.substring(cue.end()));
            Optional<LocalDate> date = dateAt(rest, sentOn, usFirst);
            if (date.isEmpty()) {
                continue;
            }
            if (kind == Cue.FROM) {
                Matcher confirm = BACK_AFTER_DATE.matcher(rest);
                if (!confirm.find() || RANGE_WORD.matcher(rest.substring(0, confirm.start(1))).find()) {
                    continue;
                }
            }
            LocalDate d = kind == Cue.AWAY_UNTIL ? date.get().plusDays(1) : date.get();
            if (!d.isBefore(sentOn) && d.isBefore(sentOn.plusYears(1))) {
                (kind == Cue.AWAY_UNTIL ? until : back).add(d);
            }
        }
        // An explicit "back on" outranks an "until": "away until Friday, back in the office on Monday".
        List<LocalDate> found = back.isEmpty() ? until : back;
        return found.stream().findFirst();
    }

    /** Skips "the", "le", "el", "il", "dem", a weekday and a comma between a cue and its date. */
    private static String skipFiller(String s) {
        String rest = s.stripLeading();
        for (int i = 0; i < 4; i++) {
            String before = rest;
            rest = rest.replaceFirst("(?iuU)^(?:on|the|le|el|il|dem|den|am|op|,|" + WEEKDAY + ")\\b[,.]?\\s*", "");
            if (rest.equals(before)) {
                break;
            }
        }
        return rest;
    }

    private static Optional<LocalDate> dateAt(String s, LocalDate sentOn, boolean usFirst) {
        for (Pattern p : DATES) {
            Matcher m = p.matcher(s);
            if (!m.find()) {
                continue;
            }
            try {
                int day;
                int month;
                if (p.pattern().contains("(?<a>")) {
                    int a = Integer.parseInt(m.group("a"));
                    int b = Integer.parseInt(m.group("b"));
                    boolean slash = s.charAt(m.end("a")) == '/';
                    boolean monthFirst = (slash && usFirst && a <= 12) || b > 12;
                    day = monthFirst ? b : a;
                    month = monthFirst ? a : b;
                } else {
                    day = Integer.parseInt(m.group("d"));
                    month = p.pattern().contains("(?<m>") ? Integer.parseInt(m.group("m"))
                            : MONTHS.get(m.group("mn").toLowerCase(Locale.ROOT).replace(".", ""));
                }
                String y = m.group("y");
                if (y != null) {
                    int year = Integer.parseInt(y);
                    return Optional.of(LocalDate.of(year < 100 ? 2000 + year : year, month, day));
                }
                LocalDate candidate = LocalDate.of(sentOn.getYear(), month, day);
                // "back on 5 January", written on 20 December, means next year.
                return Optional.of(candidate.isBefore(sentOn.minusDays(7)) ? candidate.plusYears(1) : candidate);
            } catch (DateTimeException | NumberFormatException | NullPointerException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
            {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari"},
            {"february", "feb", "februar", "février", "fevrier", "févr", "febrero", "febbraio", "februari"},
            {"march", "mar", "märz", "maerz", "mars", "marzo", "maart", "mrt"},
            {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
            {"may", "mai", "mayo", "maggio", "mei", "mag"},
            {"june", "jun", "juni", "juin", "junio", "giugno", "giu"},
            {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug"},
            {"august", "aug", "août", "aout", "agosto", "ago", "augustus"},
            {"september", "sep", "sept", "septembre", "septiembre", "settembre", "set"},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott"},
            {"november", "nov", "novembre", "noviembre"},
            {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre"}};
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
