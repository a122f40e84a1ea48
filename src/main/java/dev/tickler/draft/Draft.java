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
        String body) {

    public Draft {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
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
