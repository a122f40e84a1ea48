package dev.tickler.draft;

import dev.tickler.cadence.Action;
import dev.tickler.mail.Address;
import java.util.List;

/**
 * A message Tickler composed for a pursuit, ready for the outbox. Everything a mail client needs to
 * show it in the right thread: the threading headers and a deterministic Message-ID.
 *
 * @param messageId  {@code <tickler-PURSUIT-STEP@domain>}: the same pursuit and step always give the same id
 * @param inReplyTo  the message this replies to
 * @param references the thread's ids, oldest first, ending with {@code inReplyTo}
 * @param htmlBody   the HTML alternative when the template has one, else null
 * @param locale     the template locale used ("en", "de")
 */
public record Draft(
        String messageId,
        String pursuitId,
        int step,
        Action action,
        Address from,
        List<Address> to,
        List<Address> cc,
        String subject,
        String inReplyTo,
        List<String> references,
        String body,
        String htmlBody,
        String locale) {

    public Draft {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
    }

    /** A fingerprint of the text as placed: a different one in Drafts means the rep edited it. */
    public String contentHash() {
        return contentHash(body);
    }

    /** SHA-256 of a draft text with line endings and trailing blanks normalised (servers and clients rewrite both). */
    public static String contentHash(String text) {
        String normal = text.replace("\r\n", "\n").lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n")).strip();
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(normal.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first line of the body after the greeting ("Hi Gina,"), for a one-line summary. */
    public String firstLine() {
        List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (String line : lines) {
            if (!(line.endsWith(",") && line.length() <= 40)) {
                return line;
            }
        }
        return lines.isEmpty() ? "" : lines.get(0);
    }
}
