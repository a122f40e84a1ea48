package dev.tickler.detect;

import dev.tickler.mail.Attachment;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.RepIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a message the rep sent for "this carries an offer". Each rule adds a weight; the message
 * is a proposal when it reaches {@link #THRESHOLD} and goes to at least one external address.
 */
public final class ProposalDetector {

    public static final int THRESHOLD = 3;

    /** Offer words in several languages; letters only around them so "Proposal_v2.pdf" matches. */
    private static final Pattern OFFER_WORD = Pattern.compile(
            "(?<![\\p{L}])(proposal|quote|quotation|offer|estimate|sow|statement[ _-]of[ _-]work|pricing|price[ _-]list"
                    + "|angebot|kostenvoranschlag|devis|propuesta|presupuesto|cotizaci[oó]n|offerta|preventivo"
                    + "|offerte|voorstel)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern BODY_PHRASE = Pattern.compile(
            "(attached (is|are|you will find|please find) (our|the|my|your) (updated |revised |final )?"
                    + "(proposal|quote|quotation|offer|estimate|pricing|statement of work)"
                    + "|please find (attached )?(our|the|my|your) (updated |revised |final )?"
                    + "(proposal|quote|quotation|offer|estimate|pricing)( attached)?"
                    + "|(here is|here's|i have attached|i've attached|we have attached|enclosed is) (our|the|my|your)"
                    + " (updated |revised |final )?(proposal|quote|quotation|offer|estimate|pricing)"
                    + "|anbei (erhalten sie |finden sie )?(unser|unsere|das|mein) (angebot|kostenvoranschlag))",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NOT_AN_OFFER = Pattern.compile(
            "(?<![\\p{L}])(invoice|receipt|credit note|payment reminder|payment confirmation|order confirmation|remittance"
                    + "|rechnung|gutschrift|mahnung|zahlungserinnerung|auftragsbestätigung|quittung|facture|avoir|relance"
                    + "|factura|recibo|fattura|ricevuta|factuur|herinnering|newsletter)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern INVITATION = Pattern.compile(
            "^\\s*(invitation|updated invitation|einladung|aktualisierte einladung|invitation mise à jour|invitación|invito"
                    + "|uitnodiging)\\s*:", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Set<String> DOCUMENT_TYPES = Set.of(
            "application/pdf",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet");

    private static final Set<String> DOCUMENT_EXTENSIONS = Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods");

    /** Scores the message; the caller decides direction and recipients. */
    public List<Reason> score(MailMessage message) {
        List<Reason> reasons = new ArrayList<>();
        boolean namedAttachment = false;
        for (Attachment attachment : message.attachments()) {
            Matcher word = OFFER_WORD.matcher(attachment.fileName());
            if (word.find()) {
                reasons.add(new Reason("attachment-name", 3,
                        "attachment '" + attachment.fileName() + "' is named like an offer (\"" + word.group(1) + "\")"));
                namedAttachment = true;
                break;
            }
        }
        if (!namedAttachment) {
            message.attachments().stream().filter(ProposalDetector::isDocument).findFirst().ifPresent(a ->
                    reasons.add(new Reason("document-attached", 1, "a document is attached ('" + a.fileName() + "')")));
        }
        Matcher subjectWord = OFFER_WORD.matcher(message.subject());
        if (subjectWord.find()) {
            reasons.add(new Reason("subject-word", 2, "subject mentions \"" + subjectWord.group(1) + "\""));
        }
        if (message.bodyText() != null) {
            Matcher phrase = BODY_PHRASE.matcher(message.bodyText());
            if (phrase.find()) {
                reasons.add(new Reason("body-phrase", 3, "body says \"" + phrase.group(0).toLowerCase(Locale.ROOT) + "\""));
            }
        }
        Matcher negative = NOT_AN_OFFER.matcher(message.subject() + " "
                + String.join(" ", message.attachments().stream().map(Attachment::fileName).toList()));
        if (negative.find()) {
            reasons.add(new Reason("not-an-offer", -6, "mentions \"" + negative.group(1) + "\""));
        }
        boolean calendar = message.attachments().stream().anyMatch(a -> a.mimeType().equals("text/calendar")
                || a.mimeType().equals("application/ics") || a.fileName().toLowerCase(Locale.ROOT).endsWith(".ics"));
        if (calendar || INVITATION.matcher(message.subject()).find()) {
            reasons.add(new Reason("calendar-invitation", -6, "a calendar invitation, not an offer"));
        }
        bulk(message).ifPresent(reasons::add);
        return reasons;
    }

    /** Mailing-list and bulk mail: List-Id, List-Unsubscribe, Precedence bulk/list/junk (RFC 2369, 2919, 3834). */
    static java.util.Optional<Reason> bulk(MailMessage message) {
        if (message.header("list-id").isPresent()) {
            return java.util.Optional.of(new Reason("mailing-list", -10, "has a List-Id header"));
        }
        if (message.header("list-unsubscribe").isPresent()) {
            return java.util.Optional.of(new Reason("mailing-list", -10, "has a List-Unsubscribe header"));
        }
        return message.header("precedence").map(v -> v.trim().toLowerCase(Locale.ROOT))
                .filter(v -> v.equals("bulk") || v.equals("list") || v.equals("junk"))
                .map(v -> new Reason("bulk", -10, "Precedence: " + v));
    }

    /** True when the rep sent it, it reaches someone outside the company, and it scores enough. */
    public static boolean isProposal(int score, MailMessage message, RepIdentity identity) {
        return score >= THRESHOLD && message.recipients().stream().anyMatch(identity::isExternal);
    }

    private static boolean isDocument(Attachment attachment) {
        if (DOCUMENT_TYPES.contains(attachment.mimeType())) {
            return true;
        }
        String name = attachment.fileName().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && DOCUMENT_EXTENSIONS.contains(name.substring(dot + 1));
    }
}
