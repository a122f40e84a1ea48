package dev.tickler.detect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a body the sender wrote: everything before the quoted message ("On ... wrote:",
 * "-----Original Message-----", "Am ... schrieb", "Le ... a écrit", Outlook's "From: ... Sent:"
 * block) and without "> " lines. A reply that quotes our proposal must not count as one.
 */
public final class OwnText {

    private static final Pattern QUOTE_STARTS = Pattern.compile(
            "(?im)^\\s*(-{2,}\\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale"
                    + "|oorspronkelijk bericht|forwarded message|weitergeleitete nachricht)"
                    + "|(on|am|le|el|il|op) .{5,120}(wrote|schrieb|a écrit|escribió|ha scritto|schreef)\\s*:"
                    + "|(from|von|de|da|van)\\s*:.*\\R\\s*(sent|gesendet|envoyé|enviado|inviato|verzonden|date|datum)\\s*:)");

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private OwnText() {
    }

    public static String of(String body) {
        if (body == null) {
            return "";
        }
        // Every quote start has "--" or a colon: without either, the costly multi-line pattern is not tried.
        Matcher m = body.contains("--") || body.indexOf(':') >= 0 ? QUOTE_STARTS.matcher(body) : null;
        String own = m != null && m.find() ? body.substring(0, m.start()) : body;
        StringBuilder out = new StringBuilder(own.length());
        for (String line : LINE_BREAK.split(own)) {
            if (!line.stripLeading().startsWith(">")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
