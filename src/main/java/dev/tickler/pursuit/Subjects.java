package dev.tickler.pursuit;

import java.util.Locale;
import java.util.regex.Pattern;

/** Subject normalisation for matching messages outside a thread. */
public final class Subjects {

    /** Re:, AW:, SV:, Antw:, Fwd:, FW:, WG:, TR:, RV:, R:, I: and tags like [EXT] or [External], repeated. */
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*((re|aw|sv|antw|odp|vs|r|rv|tr|wg|fw|fwd|i|enc)\\s*(\\[\\d+])?\\s*:|\\[(ext|external|extern|externe?)]|\\(ext\\))\\s*",
            Pattern.CASE_INSENSITIVE);

    private Subjects() {
    }

    /** "RE: [EXT] AW: Angebot  Müller" → "angebot müller". */
    public static String normalize(String subject) {
        String s = subject == null ? "" : subject;
        String stripped;
        while (!(stripped = PREFIX.matcher(s).replaceFirst("")).equals(s)) {
            s = stripped;
        }
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
