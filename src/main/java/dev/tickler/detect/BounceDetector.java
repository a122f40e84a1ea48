package dev.tickler.detect;

import dev.tickler.mail.MailMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Delivery failures: RFC 3464 reports, and the NDR shapes of servers that send plain text. */
public final class BounceDetector {

    private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon)@", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT = Pattern.compile(
            "^\\s*(undeliverable|undelivered mail|delivery status notification|mail delivery failed|mail delivery failure"
                    + "|returned mail|delivery failure|failure notice|delivery has failed|message not delivered|warning: message"
                    + "|delayed mail|unzustellbar|nicht zustellbar|non remis|non distribuable|échec de (la )?remise"
                    + "|no se puede entregar|no entregado|mensaje no entregado|non recapitabile|impossibile recapitare"
                    + "|onbestelbaar|niet bezorgd)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** MAILER-DAEMON, postmaster and the like: the senders of delivery reports. */
    static boolean looksLikeSystemSender(dev.tickler.mail.Address from) {
        return from != null && DAEMON.matcher(from.email()).find();
    }

    /** A delivery-failure subject ("Undeliverable:", "failure notice"...), whoever sent it. */
    static boolean hasFailureSubject(String subject) {
        return subject != null && SUBJECT.matcher(subject).find();
    }

    /** The reasons a message is a bounce; empty when it is not one. */
    public List<Reason> reasons(MailMessage message) {
        List<Reason> reasons = new ArrayList<>();
        String contentType = message.contentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/report") && contentType.contains("delivery-status")) {
            reasons.add(Reason.of("rfc3464-report", "multipart/report; report-type=delivery-status"));
        }
        boolean fromDaemon = message.from() != null && DAEMON.matcher(message.from().email()).find();
        boolean failureSubject = hasFailureSubject(message.subject());
        if (fromDaemon && failureSubject) {
            reasons.add(Reason.of("ndr-sender-subject", "sent by a mail system with a delivery-failure subject"));
        } else if (reasons.isEmpty() && failureSubject && message.report() != null) {
            reasons.add(Reason.of("ndr-subject", "delivery-failure subject with a status report"));
        } else if (reasons.isEmpty() && failureSubject && message.header("auto-submitted").isPresent()) {
            reasons.add(Reason.of("ndr-subject", "delivery-failure subject on an automatically submitted message"));
        }
        return reasons;
    }
}
