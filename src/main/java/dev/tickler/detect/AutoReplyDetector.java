package dev.tickler.detect;

import dev.tickler.mail.MailMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Out-of-office and other automatic replies: RFC 3834 and vendor headers first, then the subjects
 * mail systems use in six languages, then a body that says outright that it is automatic. A person
 * writing "sorry, I was out of office last week" matches none of these: the subject rules are
 * anchored at the start (after any Re:), and the body rule needs the word "automatic".
 */
public final class AutoReplyDetector {

    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*((re|aw|sv|antw|odp|vs|r|rv|tr|wg|fw|fwd)\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);
    /** Subjects only mail systems write. */
    private static final Pattern SUBJECT = Pattern.compile(
            "^(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|autoresponder|auto:|vacation reply|ticket received"
                    + "|request received|\\[ticket|\\[case|we received your (request|message)"
                    + "|automatische antwort|automatische nachricht|abwesenheitsnotiz|r[ée]ponse automatique|message d'absence"
                    + "|respuesta autom[áa]tica|risposta automatica|automatisch antwoord|afwezigheidsbericht)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Phrases a person may also start a subject with ("Out of office furniture"): only as the whole subject or before ":", "(", "until"... */
    private static final Pattern SUBJECT_PHRASE = Pattern.compile(
            "^(out of (the )?office|ooo|away from (the )?office|on (annual )?leave|abwesenheit|abwesend|nicht im büro"
                    + "|absence du bureau|absent du bureau|absence|fuera de la oficina|ausencia|ausente|fuori (sede|ufficio)|assente"
                    + "|afwezig|niet aanwezig)(\\s*$|\\s*[:(\\-–]|\\s+(until|till|from|reply|notice|auto|returning|back|bis|vom|jusqu|du|hasta|del|fino|dal|tot|van)\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A body that says of itself that it is automatic (not one that merely mentions an auto-responder product). */
    private static final Pattern BODY = Pattern.compile(
            "(\\A\\s*(mensaje autom[áa]tico|respuesta autom[áa]tica|automatic reply|auto-?reply|automatische antwort"
                    + "|r[ée]ponse automatique|message automatique|risposta automatica|messaggio automatico|automatisch antwoord"
                    + "|out of office)\\s*:"
                    + "|this is an? auto(matic|mated|matically generated)[- ]?(reply|response|message|e-?mail|notification|acknowledg(e)?ment)"
                    + "|this (message|e-?mail) (is|was) (sent |generated )?automatic(ally)?( generated| sent)?"
                    + "|(automatic|automated) (reply|response)\\b.{0,40}\\b(out of|away|absent|leave|vacation|holiday)"
                    + "|(we have|we've) received your (request|message|e-?mail|inquiry|enquiry)[^.]{0,80}(ticket|case|reference)"
                    + "|a (support )?ticket has been (created|opened)"
                    + "|dies ist eine automatische (antwort|nachricht|e-?mail|benachrichtigung|eingangsbest[äa]tigung)"
                    + "|diese (nachricht|e-?mail) wurde automatisch (erstellt|generiert|versandt|verschickt)"
                    + "|ceci est (une r[ée]ponse|un message|un accus[ée] de r[ée]ception) automatique"
                    + "|(ce message|cet e-?mail|ce courriel) (a [ée]t[ée]|est) (envoy[ée]|g[ée]n[ée]r[ée]) automatiquement"
                    + "|([ée]sta|esta) es una respuesta autom[áa]tica|([ée]ste|este) es un (mensaje|correo) autom[áa]tico"
                    + "|(mensaje|correo) generado autom[áa]ticamente"
                    + "|questa [èe] una risposta automatica|questo [èe] un messaggio automatico|messaggio generato automaticamente"
                    + "|dit is een automatisch (antwoord|bericht|gegenereerd)|dit bericht is automatisch (verzonden|gegenereerd))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    /** Literals every match of {@link #BODY} contains (keep in step with it). */
    private static final KeywordScreen BODY_SCREEN = new KeywordScreen("auto", "out of office", "received your", "ticket has been");
    /** Only the start of a body counts: a person may quote an auto-reply further down. */
    private static final int BODY_WINDOW = 600;

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
        // After "Re:" the rest is the original subject, written by the rep: no evidence either way.
        String subject = message.subject().strip();
        if (!REPLY_PREFIX.matcher(subject).find()) {
            Matcher s = SUBJECT.matcher(subject);
            if (s.find()) {
                reasons.add(Reason.of("auto-reply-subject", "subject starts with \"" + s.group(1) + "\""));
            } else {
                Matcher phrase = SUBJECT_PHRASE.matcher(subject); // asked of every message a sync reads: only when needed
                if (phrase.find()) {
                    reasons.add(Reason.of("auto-reply-subject", "subject is \"" + phrase.group(1) + "\" notice"));
                }
            }
        }
        if (message.bodyText() != null) {
            String start = message.bodyText().substring(0, Math.min(BODY_WINDOW, message.bodyText().length()));
            Matcher b = BODY_SCREEN.mayMatch(KeywordScreen.fold(start)) ? BODY.matcher(start) : null;
            if (b != null && b.find()) {
                reasons.add(Reason.of("auto-reply-body", "body says \"" + b.group(1).toLowerCase(Locale.ROOT) + "\""));
            }
        }
        return reasons;
    }
}
