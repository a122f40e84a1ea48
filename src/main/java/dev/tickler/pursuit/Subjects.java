package dev.tickler.pursuit;

import java.util.Locale;
import java.util.regex.Pattern;

/** Subject normalisation for matching messages outside a thread. */
public final class Subjects {

    /**
     * Re:, RES:, AW:, Antwort:, SV:, Antw:, Fwd:, FW:, WG:, TR:, RV:, R:, I:, 回复: and tags like [EXT],
     * [External] or [External Sender], repeated.
     */
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*((re|res|aw|antwort|sv|antw|odp|vs|r|rv|tr|wg|fw|fwd|i|enc|ynt|回复|答复|转发)\\s*(\\[\\d+])?\\s*[:：]"
                    + "|\\[(ext|external|extern|externe?|external sender|external email|external mail)]|\\(ext\\))\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A reply or forward marker: the prefixes above, not the tags. */
    private static final Pattern REPLY_OR_FORWARD = Pattern.compile(
            "^\\s*((\\[[^]]*]|\\(ext\\))\\s*)*(re|res|aw|antwort|sv|antw|odp|vs|r|rv|tr|wg|fw|fwd|i|enc|ynt|回复|答复|转发)"
                    + "\\s*(\\[\\d+])?\\s*[:：]", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Subjects() {
    }

    /** Whether the subject starts (after any tags) with a reply or forward marker. */
    public static boolean isReplyOrForward(String subject) {
        return subject != null && REPLY_OR_FORWARD.matcher(subject).find();
    }

    /** "RE: [EXT] AW: Angebot  Müller" → "angebot müller". */
    public static String normalize(String subject) {
        String s = subject == null ? "" : subject;
        String stripped;
        while (!(stripped = PREFIX.matcher(s).replaceFirst("")).equals(s)) {
            s = stripped;
        }
        return WHITESPACE.matcher(s).replaceAll(" ").strip().toLowerCase(Locale.ROOT); // compiled once: a sync asks for every message
    }
}
