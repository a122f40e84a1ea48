package dev.tickler.detect;

import dev.tickler.mail.MailMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Out-of-office and other automatic replies: RFC 3834 headers first, then well-known subjects. */
public final class AutoReplyDetector {

    private static final Pattern SUBJECT = Pattern.compile(
            "^\\s*(automatic reply|auto[- ]?reply|autoreply|auto[- ]response|out of (the )?office|ooo\\b"
                    + "|abwesenheitsnotiz|automatische antwort|r[ée]ponse automatique|absence du bureau"
                    + "|respuesta autom[áa]tica|fuera de la oficina|afwezig|automatisch antwoord"
                    + "|risposta automatica|fuori sede)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The reasons a message is an automatic reply; empty when it is not one. */
    public List<Reason> reasons(MailMessage message) {
        List<Reason> reasons = new ArrayList<>();
        message.header("auto-submitted")
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty() && !v.startsWith("no"))
                .ifPresent(v -> reasons.add(Reason.of("rfc3834-auto-submitted", "Auto-Submitted: " + v)));
        message.header("x-autoreply").ifPresent(v -> reasons.add(Reason.of("x-autoreply", "X-Autoreply header present")));
        message.header("x-autorespond").ifPresent(v -> reasons.add(Reason.of("x-autorespond", "X-Autorespond header present")));
        message.header("precedence")
                .filter(v -> v.trim().equalsIgnoreCase("auto_reply"))
                .ifPresent(v -> reasons.add(Reason.of("precedence", "Precedence: auto_reply")));
        message.header("x-auto-response-suppress")
                .filter(v -> v.toLowerCase(Locale.ROOT).matches(".*\\b(oof|autoreply|all)\\b.*"))
                .ifPresent(v -> reasons.add(Reason.of("x-auto-response-suppress", "X-Auto-Response-Suppress: " + v.trim())));
        var subject = SUBJECT.matcher(message.subject());
        if (subject.find()) {
            reasons.add(Reason.of("auto-reply-subject", "subject starts with \"" + subject.group(1) + "\""));
        }
        return reasons;
    }
}
