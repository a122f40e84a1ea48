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

    /** The keywords by their first character (all ASCII). */
    private final String[][] startingWith = new String[128][];
    /**
     * Whether some keyword starts with these two characters, at {@code 128 * first + second}: most letters start a
     * keyword, few pairs do, so most positions of a text are passed over without comparing any keyword.
     */
    private final boolean[] startPairs = new boolean[128 * 128];
    /** The one-character keywords. */
    private final boolean[] single = new boolean[128];

    KeywordScreen(String... keywords) {
        for (String k : keywords) {
            if (k.isEmpty() || !k.equals(fold(k)) || !isAscii(k)) {
                throw new IllegalArgumentException("keyword not folded ASCII: " + k);
            }
            if (k.length() == 1) {
                single[k.charAt(0)] = true;
            } else {
                startPairs[128 * k.charAt(0) + k.charAt(1)] = true;
            }
            String[] same = startingWith[k.charAt(0)];
            same = same == null ? new String[1] : java.util.Arrays.copyOf(same, same.length + 1);
            same[same.length - 1] = k;
            startingWith[k.charAt(0)] = same;
        }
    }

    /** Whether the pattern may match the text whose {@link #fold} is {@code folded}. */
    boolean mayMatch(String folded) {
        return next(folded, 0) >= 0;
    }

    /**
     * Where the next keyword starts at or after {@code from}, in one pass over the text (a pass per keyword with
     * {@code indexOf} cost most of the classifier's time under the service's C1-compiled JVM), or -1.
     */
    private int next(String folded, int from) {
        int n = folded.length();
        if (from >= n) {
            return -1;
        }
        char c = folded.charAt(from);
        for (int i = from; i < n; i++) {
            char d = i + 1 < n ? folded.charAt(i + 1) : 0; // each character is read once
            if (c < 128 && (single[c] || d < 128 && startPairs[128 * c + d] && keywordAt(folded, i) != null)) {
                return i;
            }
            c = d;
        }
        return -1;
    }

    /** The longest keyword that starts at {@code i}, or null. */
    private String keywordAt(String folded, int i) {
        String longest = null;
        for (String k : startingWith[folded.charAt(i)]) {
            if (folded.startsWith(k, i) && (longest == null || k.length() > longest.length())) {
                longest = k;
            }
        }
        return longest;
    }

    /**
     * The first match of {@code pattern} in {@code folded}, as {@code pattern.matcher(folded).find()} finds it, but
     * looking only near these keywords: the pattern is run on the stretches within {@code reach} characters of a
     * keyword, merged where they overlap, in order. That is the same first match when every match of the pattern
     * contains a keyword and lies within {@code reach} characters of it (lookarounds see past a stretch's ends).
     *
     * <p>Why: a pattern of many alternatives costs its alternatives at every word of the text even when nothing
     * matches, which is the usual case; the keywords are few, and usually far apart.
     */
    java.util.Optional<java.util.regex.MatchResult> firstMatch(java.util.regex.Pattern pattern, String folded, int reach) {
        java.util.regex.Matcher m = null;
        int from = -1;
        int to = -1;
        for (int at = next(folded, 0); at >= 0; at = next(folded, at + 1)) {
            int start = Math.max(0, at - reach);
            int end = (int) Math.min(folded.length(), (long) at + keywordAt(folded, at).length() + reach);
            if (from >= 0 && start > to) { // a stretch apart from the one before: look there first
                m = m == null ? pattern.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false) : m;
                if (m.region(from, to).find()) {
                    return java.util.Optional.of(m.toMatchResult());
                }
                from = -1;
            }
            if (from < 0) {
                from = start;
            }
            to = Math.max(to, end);
        }
        if (from < 0) {
            return java.util.Optional.empty();
        }
        m = m == null ? pattern.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false) : m;
        return m.region(from, to).find() ? java.util.Optional.of(m.toMatchResult()) : java.util.Optional.empty();
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
