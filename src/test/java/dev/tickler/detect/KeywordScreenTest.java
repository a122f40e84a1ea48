package dev.tickler.detect;

import static dev.tickler.TestMessages.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.mail.Address;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The screens in front of the offer patterns must never hide a match: one sample per alternative of
 * the offer nouns and of the "other sense" phrases, each still found through the screen.
 */
class KeywordScreenTest {

    private static final Address GINA = new Address("Gina Glass", "gina@globex.example");
    private final ProposalDetector detector = new ProposalDetector();

    @ParameterizedTest
    @ValueSource(strings = {"proposal", "proposals", "quote", "quotes", "quotation", "offer", "offers", "estimate", "estimates",
            "cost estimate", "SOW", "statement of work", "statement_of-work", "pricing", "price list", "price-list", "rate card",
            "Angebot", "Angebote", "Richtpreisangebots", "Kostenvoranschlag", "Preisliste", "Konditionen", "devis", "proposition",
            "offre", "grille tarifaire", "propuesta", "presupuesto", "cotización", "cotizacion", "oferta", "offerta", "preventivo",
            "proposta", "listino prezzi", "offerte", "voorstel", "prijsopgave", "kostenraming", "prijslijst", "PROPOſAL", "QUOTATION"})
    void everyOfferNounIsStillFoundInTheBody(String noun) {
        List<Reason> reasons = detector.score(sent("<p@acme.example>").to(GINA).subject("x").body("We talked about the " + noun + " today.").build());
        assertTrue(reasons.stream().anyMatch(r -> r.rule().equals("body-word") || r.rule().equals("body-phrase")), noun + ": " + reasons);
    }

    @Test
    void aBodyPhraseStillNeedsItsNoun() {
        List<Reason> reasons = detector.score(sent("<p@acme.example>").to(GINA).subject("x").body("Attached is our proposal.").build());
        assertTrue(reasons.stream().anyMatch(r -> r.rule().equals("body-phrase")), reasons.toString());
        assertTrue(reasons.stream().noneMatch(r -> r.rule().equals("body-word")), reasons.toString());
    }

    /** One sample per alternative of the "other sense" phrases. */
    private static final String[] OTHER_SENSES = {"job offer", "offer letter", "offer of employment", "offer to help", "your kind offer to", "great quote",
            "quote from", "you were quoted", "propose a time", "call for papers", "call for proposals", "talk proposal",
            "speaker proposal", "abstract", "could you please send us a quotation", "would you give me your best estimate",
            "can you prepare us with a proposal", "please send me a quote", "please provide us an estimate", "request for a quote",
            "RFQ", "we would like to receive a formal offer", "want to get your proposal", "send us the quote",
            "recibir vuestra oferta", "enviarnos un presupuesto", "mandarnos la cotización", "recevoir votre devis",
            "nous envoyer un offre", "m'envoyer votre proposition", "ricevere il vostro preventivo", "inviarci una offerta",
            "ontvangen jullie offerte", "ihr angebot zusenden", "senden sie uns bitte ein angebot", "bitten sie um ein angebot",
            "angebot anfordern", "pourriez-vous nous envoyer un devis", "demande de devis", "podrían enviarnos una cotización",
            "puede mandarnos su oferta", "richiesta di preventivo", "richiesta offerta", "potete inviarci un preventivo",
            "verzoek om een offerte", "kunt u ons een offerte",
            "could you please provide us with your " + "wordy".repeat(8) + " proposal"};

    static String[] otherSenses() {
        return OTHER_SENSES;
    }

    @ParameterizedTest
    @MethodSource("otherSenses")
    void everyOtherSenseIsStillFound(String phrase) {
        List<Reason> reasons = detector.score(sent("<p@acme.example>").to(GINA).subject("x").body("Hello, " + phrase + ". Thanks").build());
        assertTrue(reasons.stream().anyMatch(r -> r.rule().equals("other-sense")), phrase + ": " + reasons);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mensaje automático: fuera", "automatic reply: away", "Auto-Reply: x", "Out of Office: back Monday",
            "This is an automated response to your mail.", "This email was automatically generated.",
            "Automatic reply - I am out of the office", "We have received your request and opened ticket 42.",
            "A support ticket has been created.", "Dies ist eine automatische Antwort.", "Diese Nachricht wurde automatisch erstellt.",
            "Ceci est une réponse automatique.", "Ce message a été envoyé automatiquement.", "Ésta es una respuesta automática.",
            "Este es un correo automático.", "Mensaje generado automáticamente.", "Questa è una risposta automatica.",
            "Messaggio generato automaticamente.", "Dit is een automatisch antwoord.", "Dit bericht is automatisch verzonden."})
    void everyAutomaticBodyIsStillFound(String body) {
        List<Reason> reasons = new AutoReplyDetector().reasons(dev.tickler.TestMessages.received("<a@globex.example>", GINA)
                .subject("Your mail").body(body).build());
        assertTrue(reasons.stream().anyMatch(r -> r.rule().equals("auto-reply-body")), body + ": " + reasons);
    }

    @Test
    void languagesAreStillGuessedFromTheirSmallWords() {
        assertEquals("de", LanguageGuess.of("Anbei unser Angebot, viele Grüße und die Konditionen für Sie"));
        assertEquals("en", LanguageGuess.of("Please find attached our offer for you and the team-lead"));
        assertEquals(null, LanguageGuess.of("---"));
    }

    @Test
    void pricesAreStillFound() {
        List<Reason> reasons = detector.score(sent("<p@acme.example>").to(GINA).subject("x").body("It comes to EUR 1.200 a year.").build());
        assertTrue(reasons.stream().anyMatch(r -> r.rule().equals("prices")), reasons.toString());
    }

    @Test
    void foldingComparesLikeUnicodeCaseInsensitivePatterns() {
        assertEquals("proposal", KeywordScreen.fold("PROPOſAL"));
        assertEquals("kelvin", KeywordScreen.fold("\u212Aelvin"));
        assertTrue(new KeywordScreen("quot").mayMatch(KeywordScreen.fold("QUOTATION")));
        assertFalse(new KeywordScreen("quot").mayMatch(KeywordScreen.fold("thanks for the call")));
        assertTrue(KeywordScreen.hasDigit("EUR 5"));
        assertFalse(KeywordScreen.hasDigit("EUR five"));
    }

    @Test
    void theOtherSensePatternIsWrittenFoldedBecauseItIsMatchedAgainstFoldedText() {
        String literals = ProposalDetector.OTHER_SENSE.pattern().replace("\\p{L}", "");
        assertEquals(KeywordScreen.fold(literals), literals);
        assertEquals(0, ProposalDetector.OTHER_SENSE.flags(), "no case-insensitive flag: the text is folded");
    }

    @Test
    void lookingNearTheKeywordsFindsWhatTheWholeTextFinds() {
        // Texts of the other-sense phrases and of the words they are made of, with filler between and around them,
        // so that keywords fall near each other, far apart, at the edges and inside longer words.
        String[] words = {"could", "you", "please", "send", "us", "me", "a", "an", "your", "the", "formal", "detailed", "quote",
                "quotation", "quotes", "offer", "offers", "estimate", "proposal", "proposals", "job", "letter", "call", "for",
                "papers", "request", "rfq", "rfqs", "abstract", "great", "from", "were", "quoted", "like", "to", "receive",
                "recibir", "vuestra", "oferta", "demande", "de", "devis", "ihr", "angebot", "zusenden", "kunt", "u", "ons",
                "een", "offerte", "talk", "speaker", "propose", "time", "thanks", "for", "the", "call", "today", "notes",
                "next", "steps", "and", "we", "discussed", "x".repeat(45), "counteroffer", "misquote"};
        java.util.Random random = new java.util.Random(7);
        int matches = 0;
        for (int t = 0; t < 4000; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int w = 0; w < length; w++) {
                int pick = random.nextInt(20);
                text.append(pick == 0 ? "filler text of no interest, " : pick == 1 ? OTHER_SENSES[random.nextInt(OTHER_SENSES.length)]
                        : words[random.nextInt(words.length)])
                        .append(random.nextInt(10) == 0 ? ". " : " ");
            }
            String folded = KeywordScreen.fold(text.toString());
            java.util.regex.Matcher whole = ProposalDetector.OTHER_SENSE.matcher(folded);
            java.util.Optional<java.util.regex.MatchResult> near = ProposalDetector.OTHER_SENSE_SCREEN.firstMatch(
                    ProposalDetector.OTHER_SENSE, folded, ProposalDetector.OTHER_SENSE_REACH);
            if (whole.find()) {
                matches++;
                assertTrue(near.isPresent(), folded);
                assertEquals(whole.start() + ":" + whole.end() + ":" + whole.group(1),
                        near.get().start() + ":" + near.get().end() + ":" + near.get().group(1), folded);
            } else {
                assertFalse(near.isPresent(), folded);
            }
        }
        assertTrue(matches > 1000 && matches < 3900, "the texts should both match and not: " + matches);
    }

    @Test
    void theScreenSaysMaybeExactlyWhenTheTextContainsAKeyword() {
        String[] keywords = {"quot", "quotation", "offer", "ofert", "call for", "rfq", "o"};
        KeywordScreen screen = new KeywordScreen(keywords);
        String letters = "quotaion fercl rfqé ";
        java.util.Random random = new java.util.Random(11);
        for (int t = 0; t < 20000; t++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(letters.charAt(random.nextInt(letters.length())));
            }
            String folded = text.toString();
            boolean contains = java.util.Arrays.stream(keywords).anyMatch(folded::contains);
            boolean withoutO = java.util.Arrays.stream(keywords).filter(k -> !k.equals("o")).anyMatch(folded::contains);
            assertEquals(contains, screen.mayMatch(folded), folded);
            assertEquals(withoutO, new KeywordScreen(java.util.Arrays.copyOf(keywords, keywords.length - 1)).mayMatch(folded), folded);
        }
        assertThrows(IllegalArgumentException.class, () -> new KeywordScreen("Quote"));
        assertThrows(IllegalArgumentException.class, () -> new KeywordScreen("cotización"));
    }

    @Test
    void nothingNearNoKeywordMeansNoMatch() {
        assertFalse(new KeywordScreen("quot").firstMatch(java.util.regex.Pattern.compile("quote"), "thanks for the call", 10).isPresent());
        assertEquals(20, new KeywordScreen("quot").firstMatch(java.util.regex.Pattern.compile("(?<![a-z])quote"),
                "misquote " + "y".repeat(10) + " quote", 3).orElseThrow().start());
    }
}
