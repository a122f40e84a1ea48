package dev.tickler.draft;

import java.util.LinkedHashMap;
import java.util.Map;

/** The variables every template may use, with a sample value each (used to validate at start). */
public final class TemplateVariables {

    /** Name → meaning, as documented in the README. */
    public static final Map<String, String> DOCUMENTED;

    static {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("prospectFirstName", "first name of the first prospect (from the display name, else the address)");
        vars.put("prospectName", "full display name of the first prospect, else the address");
        vars.put("prospectCompany", "the prospect's company, from their mail domain (\"globex.example\" → \"Globex\")");
        vars.put("proposalSubject", "the proposal's subject, without Re:/Fwd: prefixes");
        vars.put("proposalDate", "the proposal's date in the rep's timezone, e.g. \"6 March\"");
        vars.put("daysSinceProposal", "whole days since the proposal");
        vars.put("touchNumber", "which follow-up this is (1 for the first)");
        vars.put("repName", "the rep's name (owner.name)");
        vars.put("repFirstName", "the first word of the rep's name");
        vars.put("signature", "the rep's signature block (owner.signature), else their name");
        vars.put("meetingDay", "after a meeting: its day, e.g. \"Tuesday\" within the last week, else \"24 November\"");
        vars.put("slots", "free slots for a call, one per line (\"- Tuesday 24 November, 10:00-10:30 ...\"); empty when none");
        vars.put("slotOffer", "the slot-offer.txt part when slots were found, else no-slot-offer.txt");
        DOCUMENTED = Map.copyOf(vars);
    }

    private TemplateVariables() {
    }

    /** Sample values for validation: every documented variable, nothing else. */
    public static Map<String, String> samples() {
        Map<String, String> samples = new LinkedHashMap<>();
        DOCUMENTED.keySet().forEach(k -> samples.put(k, "sample"));
        return samples;
    }
}
