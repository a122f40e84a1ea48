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
 * Scores a message the rep sent for "this carries an offer". Each rule adds a weight (see
 * {@link ProposalRules}); the message is a proposal when it reaches the threshold and goes to at least
 * one external address.
 */
public final class ProposalDetector {

    private final ProposalRules rules;
    private final Pattern extraOffer;
    private final Pattern extraNotOffer;

    public ProposalDetector(ProposalRules rules) {
        this.rules = rules;
        this.extraOffer = words(rules.offerWords());
        this.extraNotOffer = words(rules.notOfferWords());
    }

    public ProposalDetector() {
        this(ProposalRules.DEFAULT);
    }

    public int threshold() {
        return rules.threshold();
    }

    private static Pattern words(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        return Pattern.compile("(?<![\\p{L}])(" + String.join("|", words.stream().map(Pattern::quote).toList()) + ")(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The first word the built-in list, or else the team's own list, finds in {@code text}. */
    private static java.util.Optional<String> firstWord(Pattern builtIn, Pattern extra, String text) {
        for (Pattern p : extra == null ? List.of(builtIn) : List.of(builtIn, extra)) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return java.util.Optional.of(m.group(1));
            }
        }
        return java.util.Optional.empty();
    }

    /** Offer nouns in six languages, with German compounds ("Preisangebot", "Richtpreisangebot"). */
    private static final String NOUN = "(proposals?|quotes?|quotation|offers?|estimates?|cost estimate|sow|statement[ _-]of[ _-]work"
            + "|pricing|price[ _-]list|rate[ _-]card|\\p{L}*angebot(?:e|s)?|kostenvoranschlag|preisliste|konditionen|devis|proposition"
            + "|offre|grille[ _-]tarifaire|propuesta|presupuesto|cotizaci[oó]n|oferta|offerta|preventivo|proposta|listino[ _-]prezzi"
            + "|offerte|voorstel|prijsopgave|kostenraming|prijslijst)";
    private static final Pattern OFFER_WORD = Pattern.compile("(?<![\\p{L}])" + NOUN + "(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The sender presenting an offer: "attached is our proposal", "anbei unser Angebot", "ecco il nostro preventivo". */
    private static final Pattern BODY_PHRASE = Pattern.compile(
            "(?<![\\p{L}])(here is|here are|here's|attached is|attached are|attached you('ll| will) find|please find|find attached"
                    + "|enclosed (is|are|please find|you will find)|i('ve| have) attached|we('ve| have) attached|i am (pleased|happy) to send"
                    + "|sending you|as promised|below (is|are)|anbei|hier (ist |sind )?(unser|unsere|das|die|mein|meine)|im anhang"
                    + "|beigefügt|ci-joint|vous trouverez|veuillez trouver|je vous (prie de trouver|adresse|envoie|transmets)|voici"
                    + "|adjunto|le (adjunto|env[íi]o|remito)|aqu[íi] (tiene|est[áa])|te (env[íi]o|adjunto|paso)|in allegato|allego"
                    + "|ecco|le (invio|trasmetto)|vi (invio|trasmetto)|ti (invio|mando)|bijgaand|hierbij|in de bijlage|als bijlage"
                    + "|zoals beloofd|como (prometido|acordado)|come promesso|comme promis|wie versprochen|wie besprochen)"
                    + "[^.!?\\n]{0,70}?(?<![\\p{L}])" + NOUN + "(?![\\p{L}])"
                    + "|(?<![\\p{L}])(your|our|the|unser|notre|nuestra|il nostro|la nostra|onze)\\s+(\\p{L}+\\s+){0,2}" + NOUN
                    + "\\s+(is ready|is attached|ist beigefügt|est jointe?|va en adjunto|è in allegato|zit in de bijlage)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Money in the sender's own text: "USD 6,800", "29 €", "GBP 19 per user", "€1.200". */
    private static final Pattern PRICE = Pattern.compile(
            "((usd|eur|gbp|chf|\\$|€|£)\\s?\\d[\\d.,']*\\s?(k|m)?|\\d[\\d.,']*\\s?(k\\s?)?(usd|eur|gbp|chf|€|£|euro|euros|dollars))",
            Pattern.CASE_INSENSITIVE);

    /**
     * Offer words used in another sense: the rep asking someone else for a quote, a job offer, a quotation from a talk.
     * Matched against the text as {@link KeywordScreen#fold} folds it (the way UNICODE_CASE compares), so it needs no
     * case-insensitive flag, with which every alternative was compared letter by letter through the case tables at
     * every word (a quarter of the classifier's time on a first sync); its literals are folded (KeywordScreenTest).
     * Every match contains a keyword of {@link #OTHER_SENSE_SCREEN} and is at most about 110 characters long (its words
     * are bounded: an adjective of at most 40 letters), so it is looked for only within {@link #OTHER_SENSE_REACH} of one.
     */
    static final Pattern OTHER_SENSE = Pattern.compile(
            "(?<![\\p{L}])(job offer|offer letter|offer of employment|offer to help|your (kind )?offer to|great quote|quote from|you were quoted"
                    + "|propose a (time|date|slot)|call for (papers|proposals)|talk proposal|speaker proposal|abstract"
                    + "|(can|could|would) you (please )?(send|give|provide|prepare) (me|us)( with)? (a|an|your)( \\p{L}{1,40})? (quote|quotation|offer|estimate|proposal)"
                    + "|please (send|provide) (me|us) (a|an|your)( \\p{L}{1,40})? (quote|quotation|offer|estimate)|request for (a )?(quote|quotation)|\\brfq\\b"
                    + "|(like|love|want) to (receive|get|have) (a|an|your)( \\p{L}{1,40})? (quote|quotation|offer|estimate|proposal)"
                    + "|send (us|me) (a|an|your|the)( \\p{L}{1,40})? (quote|quotation|offer|estimate)"
                    + "|(recibir|enviarnos|mandarnos|enviarme) (vuestra|su|la|una|un) (oferta|presupuesto|cotizaci[oó]n)"
                    + "|(recevoir|nous envoyer|m'envoyer) (votre|un) (devis|offre|proposition)"
                    + "|(ricevere|inviarci|mandarci) (il vostro|la vostra|un|una) (preventivo|offerta)"
                    + "|(ontvangen|sturen) (jullie|uw|een) offerte|ihr angebot (zukommen|zusenden|schicken)"
                    + "|(senden|schicken) sie (mir|uns) (bitte )?(ein|ihr) angebot|bitten (sie )?um ein angebot|angebot anfordern"
                    + "|pourriez-vous (nous|m')(envoyer|faire|établir) (un|votre) devis|demande de devis"
                    + "|(podr[íi]an|podr[íi]a|puede|pueden) (enviarnos|enviarme|mandarnos) (un|una|su) (presupuesto|cotizaci[oó]n|oferta)"
                    + "|richiesta (di )?(preventivo|offerta)|potete (inviarci|mandarci) (un|il vostro) preventivo"
                    + "|verzoek om (een )?offerte|(kunt|kunnen) (u|jullie) (ons|mij) een offerte)");

    /** Literals every match of {@link #NOUN} contains (keep in step with it; KeywordScreenTest checks samples). */
    static final KeywordScreen OFFER_SCREEN = new KeywordScreen("propos", "propuesta", "quot", "offer", "estimate", "sow",
            "statement", "pricing", "price", "rate", "angebot", "kostenvoranschlag", "preisliste", "konditionen", "devis", "offre",
            "grille", "presupuesto", "cotizaci", "oferta", "preventivo", "listino", "voorstel", "prijsopgave", "kostenraming",
            "prijslijst");
    /** How far from a keyword of {@link #OTHER_SENSE_SCREEN} a match of {@link #OTHER_SENSE} can reach: more than its longest match. */
    static final int OTHER_SENSE_REACH = 160;
    /** Literals every match of {@link #OTHER_SENSE} contains (keep in step with it). */
    static final KeywordScreen OTHER_SENSE_SCREEN = new KeywordScreen("offer", "quot", "propos", "call for", "abstract", "rfq",
            "estimate", "ofert", "presupuesto", "cotizaci", "devis", "offre", "preventivo", "angebot");

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
            java.util.Optional<String> word = firstWord(OFFER_WORD, extraOffer, attachment.fileName().replace('_', ' '));
            if (isDocument(attachment) && word.isPresent()) {
                reasons.add(new Reason("attachment-name", rules.weight("attachmentName"),
                        "attachment '" + attachment.fileName() + "' is named like an offer (\"" + word.get() + "\")"));
                namedAttachment = true;
                break;
            }
        }
        if (!namedAttachment) {
            message.attachments().stream().filter(ProposalDetector::isDocument).findFirst().ifPresent(a ->
                    reasons.add(new Reason("document-attached", rules.weight("documentAttached"), "a document is attached ('" + a.fileName() + "')")));
        }
        firstWord(OFFER_WORD, extraOffer, message.subject()).ifPresent(w ->
                reasons.add(new Reason("subject-word", rules.weight("subjectWord"), "subject mentions \"" + w + "\"")));
        String own = OwnText.of(message.bodyText());
        // Every body phrase ends in an offer noun: without one, the costly phrase pattern is not tried.
        String ownFolded = KeywordScreen.fold(own);
        Matcher word = OFFER_SCREEN.mayMatch(ownFolded) ? OFFER_WORD.matcher(own) : null;
        boolean hasWord = word != null && word.find();
        Matcher phrase = hasWord ? BODY_PHRASE.matcher(own) : null;
        if (phrase != null && phrase.find()) {
            reasons.add(new Reason("body-phrase", rules.weight("bodyPhrase"), "body says \"" + phrase.group(0).toLowerCase(Locale.ROOT).strip() + "\""));
        } else {
            (hasWord ? java.util.Optional.of(word.group(1)) : extraOffer == null ? java.util.Optional.<String>empty()
                    : firstWord(extraOffer, null, own)).ifPresent(w ->
                    reasons.add(new Reason("body-word", rules.weight("bodyWord"), "body mentions \"" + w + "\"")));
        }
        Matcher price = KeywordScreen.hasDigit(own) ? PRICE.matcher(own) : null;
        if (price != null && price.find()) {
            reasons.add(new Reason("prices", rules.weight("prices"), "body states a price (" + price.group(1).strip() + ")"));
        }
        String folded = KeywordScreen.fold(message.subject()) + "\n" + ownFolded; // folding goes code point by code point
        OTHER_SENSE_SCREEN.firstMatch(OTHER_SENSE, folded, OTHER_SENSE_REACH).ifPresent(m -> reasons.add(new Reason("other-sense",
                rules.weight("otherSense"), "offer word in another sense: \"" + m.group(1).toLowerCase(Locale.ROOT) + "\"")));
        firstWord(NOT_AN_OFFER, extraNotOffer, message.subject() + " "
                + String.join(" ", message.attachments().stream().map(Attachment::fileName).toList()))
                .ifPresent(w -> reasons.add(new Reason("not-an-offer", rules.weight("notAnOffer"), "mentions \"" + w + "\"")));
        boolean calendar = message.attachments().stream().anyMatch(a -> a.mimeType().equals("text/calendar")
                || a.mimeType().equals("application/ics") || a.fileName().toLowerCase(Locale.ROOT).endsWith(".ics"));
        if (calendar || INVITATION.matcher(message.subject()).find()) {
            reasons.add(new Reason("calendar-invitation", rules.weight("calendarInvitation"), "a calendar invitation, not an offer"));
        }
        bulk(message).map(r -> new Reason(r.rule(), rules.weight("bulk"), r.detail())).ifPresent(reasons::add);
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
    public boolean isProposal(int score, MailMessage message, RepIdentity identity) {
        return score >= rules.threshold() && message.recipients().stream().anyMatch(identity::isExternal);
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
