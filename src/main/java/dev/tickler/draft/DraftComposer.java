package dev.tickler.draft;

import dev.tickler.cadence.Decision;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.mail.Address;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.RepIdentity;
import dev.tickler.pursuit.Pursuit;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns a due decision into a draft: recipients, subject, threading headers and body. Pure. */
public final class DraftComposer {

    /** Reply prefixes of the common clients: Re, Aw (de), Sv (sv/da/no), Antw (nl), Odp (pl), Vs (fi). */
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^\\s*(re|aw|sv|antw|odp|vs|r)\\s*(\\[\\d+])?\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final java.util.Set<String> SECOND_LEVEL = java.util.Set.of("co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "or", "ne");
    /** "6 March" in English, "6. März" in German, "6 mars" in French... */
    static DateTimeFormatter dateFormat(String locale) {
        Locale l = Locale.forLanguageTag(locale.replace('_', '-'));
        return DateTimeFormatter.ofPattern(l.getLanguage().equals("de") ? "d. MMMM" : l.getLanguage().equals("en") ? "d MMMM" : "d MMMM", l);
    }

    private final RepIdentity identity;
    private final Address rep;
    private final ZoneId zone;
    private final TemplateLibrary templates;
    private final String signature;

    /**
     * @param signature the rep's signature block; null to sign with their name
     */
    public DraftComposer(RepIdentity identity, ZoneId zone, TemplateLibrary templates, String signature) {
        this.identity = identity;
        this.rep = identity.owner();
        this.zone = zone;
        this.templates = templates;
        this.signature = signature;
    }

    public DraftComposer(RepIdentity identity, ZoneId zone, TemplateSet templates) {
        this(identity, zone, TemplateLibrary.single(templates), null);
    }

    public Draft compose(Pursuit pursuit, Decision decision, Clock clock) {
        return compose(pursuit, decision, 0, clock);
    }

    /**
     * @param attempt how many drafts for this step the rep deleted or Tickler retracted before: a new
     *                draft for the same step needs a new Message-ID
     */
    public Draft compose(Pursuit pursuit, Decision decision, int attempt, Clock clock) {
        return compose(pursuit, decision, attempt, clock, locale -> List.of());
    }

    /**
     * @param slots the free slots to offer, as lines in the draft's locale (given its tag); none
     *              makes ${slotOffer} the no-slot-offer part, which asks for a day and a time
     */
    public Draft compose(Pursuit pursuit, Decision decision, int attempt, Clock clock,
                         java.util.function.Function<String, List<String>> slots) {
        List<Address> reachable = pursuit.reachableProspects();
        if (reachable.isEmpty()) {
            throw new IllegalArgumentException("pursuit " + pursuit.id() + " has no reachable prospect");
        }
        MailMessage proposal = pursuit.proposal().message();
        List<Address> to = new ArrayList<>();
        List<Address> cc = new ArrayList<>();
        for (Address address : reachable) {
            (proposal.cc().stream().anyMatch(c -> c.sameAddress(address)) ? cc : to).add(address);
        }
        if (to.isEmpty()) { // The proposal's To bounced; someone still has to be addressed.
            to.add(cc.remove(0));
        }
        MailMessage parent = pursuit.lastOutbound().message();
        TemplateSet set = templates.choose(reachable.get(0).domain(), pursuit.proposal().classification().language());
        TemplateKind kind = TemplateKind.forAction(decision.action(), decision.step());
        Map<String, String> variables = variables(pursuit, decision, clock, set.locale());
        List<String> lines = kind == TemplateKind.REMINDER || kind == TemplateKind.SECOND_REMINDER || kind == TemplateKind.AFTER_MEETING
                ? slots.apply(set.locale()) : List.of();
        variables.put("slots", lines.stream().map(l -> "- " + l).collect(java.util.stream.Collectors.joining("\n")));
        variables.put("slotOffer", set.render(lines.isEmpty() ? TemplateKind.NO_SLOT_OFFER : TemplateKind.SLOT_OFFER, variables).strip());
        String body = set.render(kind, variables);
        return new Draft(
                messageId(pursuit.id(), decision.step(), attempt, rep.domain()),
                pursuit.id(),
                decision.step(),
                decision.action(),
                sender(proposal),
                to,
                cc,
                replySubject(proposal.subject()),
                parent.messageId(),
                references(parent),
                body,
                set.renderHtml(kind, variables).orElse(null),
                set.locale());
    }

    /** The follow-up goes out from the address the proposal went out from (an alias, say), with the rep's name. */
    private Address sender(MailMessage proposal) {
        Address from = proposal.from();
        if (from == null || !identity.isRep(from) || from.sameAddress(rep)) {
            return rep;
        }
        return new Address(from.name() != null ? from.name() : rep.name(), from.email());
    }

    /** {@code <tickler-PURSUIT-STEP@domain>}: deterministic, so a re-run finds what it placed before. */
    public static String messageId(String pursuitId, int step, String domain) {
        return messageId(pursuitId, step, 0, domain);
    }

    /** {@code <tickler-PURSUIT-STEP[-aN]@domain>}: the N-th redraft of a step gets its own id. */
    public static String messageId(String pursuitId, int step, int attempt, String domain) {
        return "<tickler-" + pursuitId + "-" + step + (attempt > 0 ? "-a" + attempt : "") + "@"
                + (domain.isEmpty() ? "tickler.invalid" : domain) + ">";
    }

    /** "Re: " once, whatever prefixes (and how many) the original carried. */
    public static String replySubject(String original) {
        String base = original;
        String stripped;
        while (!(stripped = REPLY_PREFIX.matcher(base).replaceFirst("")).equals(base)) {
            base = stripped;
        }
        return "Re: " + base.strip();
    }

    /** The parent's references (or its In-Reply-To when it has none) plus the parent itself (RFC 5322 §3.6.4). */
    static List<String> references(MailMessage parent) {
        List<String> refs = new ArrayList<>(parent.references().isEmpty() ? parent.inReplyTo() : parent.references());
        if (parent.messageId() != null && !refs.contains(parent.messageId())) {
            refs.add(parent.messageId());
        }
        return refs;
    }

    private Map<String, String> variables(Pursuit pursuit, Decision decision, Clock clock, String locale) {
        ClassifiedMessage proposal = pursuit.proposal();
        Address prospect = pursuit.reachableProspects().get(0);
        Map<String, String> vars = new HashMap<>();
        vars.put("prospectFirstName", prospect.firstName());
        vars.put("prospectName", prospect.name() != null ? prospect.name() : prospect.email());
        vars.put("prospectCompany", company(prospect.domain()));
        vars.put("proposalSubject", replySubject(proposal.message().subject()).substring(4));
        vars.put("proposalDate", dateFormat(locale).format(proposal.sentAt().atZone(zone)));
        LocalDate sent = proposal.sentAt().atZone(zone).toLocalDate();
        vars.put("daysSinceProposal", Long.toString(ChronoUnit.DAYS.between(sent, clock.instant().atZone(zone).toLocalDate())));
        vars.put("touchNumber", Integer.toString(decision.step()));
        String repName = rep.name() != null ? rep.name() : rep.email();
        vars.put("repName", repName);
        vars.put("repFirstName", repName.split("\\s+")[0]);
        vars.put("signature", signature != null && !signature.isBlank() ? signature.strip() : repName);
        vars.put("meetingDay", decision.meeting() == null ? "" : meetingDay(decision.meeting().start(), clock, locale));
        vars.put("slots", "");
        vars.put("slotOffer", "");
        return vars;
    }

    /** "Tuesday" when it was within the last six days, else "24 November" ("Dienstag", "24. November"). */
    private String meetingDay(java.time.Instant start, Clock clock, String locale) {
        LocalDate day = start.atZone(zone).toLocalDate();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        long ago = ChronoUnit.DAYS.between(day, today);
        Locale l = Locale.forLanguageTag(locale.replace('_', '-'));
        return ago >= 0 && ago <= 6 ? DateTimeFormatter.ofPattern("EEEE", l).format(day) : dateFormat(locale).format(day);
    }

    /** "mail.globex.example" → "Globex": the label before the public suffix, capitalised. */
    static String company(String domain) {
        String[] labels = domain.split("\\.");
        String label = labels.length >= 2 ? labels[labels.length - 2] : domain;
        boolean countrySecondLevel = labels.length >= 3 && labels[labels.length - 1].length() == 2
                && SECOND_LEVEL.contains(label); // acme.co.uk, acme.com.au
        if (countrySecondLevel) {
            label = labels[labels.length - 3];
        }
        return label.isEmpty() ? domain : label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
    }
}
