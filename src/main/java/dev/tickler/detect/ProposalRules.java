package dev.tickler.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tunable part of proposal detection: the weight of each rule, the threshold, and words a team
 * adds for its own trade ("Leistungsangebot", "tender") or its own non-offers ("PO-", "statement").
 *
 * @param weights       rule name → weight; rules not named keep their default
 * @param offerWords    extra words that mean "offer", in any language
 * @param notOfferWords extra words that mean "not an offer" (in subject or attachment names)
 */
public record ProposalRules(int threshold, Map<String, Integer> weights, List<String> offerWords, List<String> notOfferWords) {

    /** Every rule with its default weight; the names are the config keys under detection.weights. */
    public static final Map<String, Integer> DEFAULT_WEIGHTS = defaults();
    public static final int DEFAULT_THRESHOLD = 3;
    public static final ProposalRules DEFAULT = new ProposalRules(DEFAULT_THRESHOLD, Map.of(), List.of(), List.of());

    public ProposalRules {
        Set<String> unknown = new java.util.TreeSet<>(weights.keySet());
        unknown.removeAll(DEFAULT_WEIGHTS.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown rule(s) " + unknown + "; known: " + DEFAULT_WEIGHTS.keySet());
        }
        Map<String, Integer> merged = new LinkedHashMap<>(DEFAULT_WEIGHTS);
        merged.putAll(weights);
        weights = Map.copyOf(merged);
        offerWords = List.copyOf(offerWords);
        notOfferWords = List.copyOf(notOfferWords);
    }

    public int weight(String rule) {
        return weights.get(rule);
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> w = new LinkedHashMap<>();
        w.put("attachmentName", 3);
        w.put("documentAttached", 1);
        w.put("subjectWord", 2);
        w.put("bodyPhrase", 3);
        w.put("bodyWord", 1);
        w.put("prices", 1);
        w.put("otherSense", -6);
        w.put("notAnOffer", -6);
        w.put("calendarInvitation", -6);
        w.put("bulk", -10);
        return java.util.Collections.unmodifiableMap(w);
    }
}
