package dev.tickler.detect;

import dev.tickler.mail.DeliveryReport;
import java.time.LocalDate;
import java.util.List;

/**
 * What a message is, with every reason behind the verdict.
 *
 * @param proposalScore the summed weights of the proposal rules, for outgoing mail
 * @param returnDate    for an auto-reply that states one: the first day the person is back
 * @param report        for a bounce: the failed recipients and the original Message-ID, when known
 * @param language      for the rep's own mail: the language it was written in ("de"), when clear
 */
public record Classification(MessageKind kind, int proposalScore, List<Reason> reasons, LocalDate returnDate,
                             DeliveryReport report, String language) {

    public Classification {
        reasons = dev.tickler.mail.MailMessage.copy(reasons);
    }

    public Classification(MessageKind kind, int proposalScore, List<Reason> reasons) {
        this(kind, proposalScore, reasons, null, null, null);
    }

    public Classification(MessageKind kind, int proposalScore, List<Reason> reasons, LocalDate returnDate, DeliveryReport report) {
        this(kind, proposalScore, reasons, returnDate, report, null);
    }

    /** The same verdict with another kind and one more reason (manual overrides). */
    public Classification overruled(MessageKind newKind, Reason why) {
        List<Reason> all = new java.util.ArrayList<>(reasons);
        all.add(why);
        return new Classification(newKind, proposalScore, all, returnDate, report, language);
    }
}
