package dev.tickler.detect;

import java.util.Locale;

/**
 * A cheap necessary condition for an expensive case-insensitive pattern: the pattern can only match
 * text that contains one of these lower-case ASCII keywords. The text is folded the way
 * {@link java.util.regex.Pattern} compares literals under {@code CASE_INSENSITIVE | UNICODE_CASE}
 * (each code point as {@code toLowerCase(toUpperCase(c))}), so "ſ" still counts as "s". When the screen
 * says no, the pattern would have found nothing; when it says maybe, the pattern decides.
 *
 * <p>Why: the offer patterns try dozens of alternatives at every word of every sent message's body,
 * which was most of a first sync's CPU time; most business mail contains none of the keywords.
 */
final class KeywordScreen {

    private final String[] keywords;

    KeywordScreen(String... keywords) {
        for (String k : keywords) {
            if (!k.equals(fold(k))) {
                throw new IllegalArgumentException("keyword not folded: " + k);
            }
        }
        this.keywords = keywords.clone();
    }

    /** Whether the pattern may match the text whose {@link #fold} is {@code folded}. */
    boolean mayMatch(String folded) {
        for (String k : keywords) {
            if (folded.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** Each code point as Pattern's UNICODE_CASE literal comparison sees it. */
    static String fold(String text) {
        if (isAscii(text)) {
            return text.toLowerCase(Locale.ROOT); // the same for ASCII, and much faster
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int folded = c < 128 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : Character.toLowerCase(Character.toUpperCase(c));
            if (folded != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(folded);
            }
            i += Character.charCount(c);
        }
        return out == null ? text : out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text has an ASCII digit: what {@code \d} needs without UNICODE_CHARACTER_CLASS. */
    static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
