package dev.tickler.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language of a short business text, from its most common small words: enough to answer a
 * German proposal in German. Returns null when no language clearly leads.
 */
public final class LanguageGuess {

    private static final Map<String, Set<String>> STOPWORDS = Map.of(
            "en", Set.of("the", "and", "to", "of", "is", "you", "for", "our", "we", "your", "with", "please", "this", "attached", "best"),
            "de", Set.of("der", "die", "das", "und", "ist", "sie", "für", "wir", "ihr", "ihnen", "mit", "anbei", "unser", "viele", "grüße", "ich"),
            "fr", Set.of("le", "la", "les", "et", "est", "vous", "pour", "nous", "votre", "avec", "notre", "ci-joint", "je", "cordialement", "des"),
            "es", Set.of("el", "los", "las", "y", "es", "usted", "para", "nosotros", "su", "con", "nuestra", "adjunto", "saludos", "que", "del"),
            "it", Set.of("il", "lo", "gli", "e", "è", "lei", "per", "noi", "suo", "con", "nostra", "allegato", "saluti", "che", "della"),
            "nl", Set.of("de", "het", "en", "is", "u", "voor", "wij", "uw", "met", "onze", "bijgaand", "groet", "ik", "van", "een"));

    /** Each stop word's languages, in the order STOPWORDS iterates them (ties between languages stay as they were). */
    private static final Map<String, List<String>> LANGUAGES_OF = languagesOf();

    private LanguageGuess() {
    }

    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<String, Integer> counts = new java.util.HashMap<>();
        String lower = text.toLowerCase(Locale.ROOT);
        // The words are the runs of letters and hyphens (what splitting at [^\p{L}-]+ yields), found without a regex.
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int c = i < lower.length() ? lower.codePointAt(i) : ' ';
            boolean inWord = c == '-' || Character.isLetter(c);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                for (String lang : LANGUAGES_OF.getOrDefault(lower.substring(start, i), List.of())) {
                    counts.merge(lang, 1, Integer::sum);
                }
                start = -1;
            }
            i += i < lower.length() ? Character.charCount(c) : 1;
        }
        String best = null;
        int bestCount = 0;
        int second = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                second = bestCount;
                best = e.getKey();
                bestCount = e.getValue();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return bestCount >= 3 && bestCount >= second * 3 / 2 + 1 ? best : null;
    }

    private static Map<String, List<String>> languagesOf() {
        Map<String, List<String>> index = new HashMap<>();
        STOPWORDS.forEach((lang, words) -> words.forEach(w -> index.computeIfAbsent(w, k -> new ArrayList<>()).add(lang)));
        return index;
    }
}
