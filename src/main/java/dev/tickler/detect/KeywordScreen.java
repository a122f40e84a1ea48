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
        int[] starts = new int[8];
        int[] ends = new int[8];
        int n = 0;
        for (String k : keywords) {
            for (int at = folded.indexOf(k); at >= 0; at = folded.indexOf(k, at + 1)) {
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                    ends = java.util.Arrays.copyOf(ends, n * 2);
                }
                starts[n] = Math.max(0, at - reach);
                ends[n++] = (int) Math.min(folded.length(), (long) at + k.length() + reach);
            }
        }
        if (n == 0) {
            return java.util.Optional.empty();
        }
        long[] stretches = new long[n]; // start in the high half, end in the low: sorted by start
        for (int i = 0; i < n; i++) {
            stretches[i] = ((long) starts[i] << 32) | ends[i];
        }
        java.util.Arrays.sort(stretches);
        java.util.regex.Matcher m = pattern.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
        int from = (int) (stretches[0] >>> 32);
        int to = (int) stretches[0];
        for (int i = 1; i <= n; i++) {
            if (i < n && (int) (stretches[i] >>> 32) <= to) {
                to = Math.max(to, (int) stretches[i]);
                continue;
            }
            if (m.region(from, to).find()) {
                return java.util.Optional.of(m.toMatchResult());
            }
            if (i < n) {
                from = (int) (stretches[i] >>> 32);
                to = (int) stretches[i];
            }
        }
        return java.util.Optional.empty();
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
