package dev.tickler.runtime;

import dev.tickler.cadence.Action;
import dev.tickler.cadence.MeetingMatcher;
import dev.tickler.cadence.ProspectZone;
import dev.tickler.cadence.Slot;
import dev.tickler.cadence.SlotFinder;
import dev.tickler.cadence.SlotText;
import dev.tickler.calendar.Meeting;

import dev.tickler.cadence.CadencePlanner;
import dev.tickler.cadence.Decision;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.detect.ManualOverrides;
import dev.tickler.mail.RepIdentity;
import dev.tickler.draft.Draft;
import dev.tickler.draft.DraftComposer;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.pursuit.PursuitAssembler;
import dev.tickler.pursuit.PursuitState;
import dev.tickler.store.DraftRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;

/**
 * Builds every pursuit of a mailbox from its facts and decides each one, taking into account the
 * drafts Tickler already placed. Used by a pass (which then writes the due drafts) and by
 * {@code status} (which only shows them), so both always agree.
 */
final class PursuitBoard {

    private final RepIdentity identity;
    private final PursuitAssembler assembler;
    private final CadencePlanner planner;
    private final DraftComposer composer;
    /** How old a prospect's mail may be to tell their UTC offset. */
    static final int ZONE_EVIDENCE_DAYS = 90;
    private static final java.util.regex.Pattern UTC_STAMP = java.util.regex.Pattern.compile(
            "(?i)([+-]00:?00|\\bGMT|\\bUTC?|\\bZ)\\s*(\\([^)]*\\))?\\s*$");
    private final MeetingMatcher matcher;
    private final SlotFinder slotFinder;

    /** The cadence its pursuits are decided by. */
    dev.tickler.cadence.CadencePolicy policy() {
        return planner.policy();
    }

    PursuitBoard(RepIdentity identity, PursuitAssembler assembler, CadencePlanner planner, DraftComposer composer) {
        this(identity, assembler, planner, composer, dev.tickler.config.TicklerConfig.Slots.DEFAULT);
    }

    /** @param slots how many free slots reminders offer, and how long and how far ahead */
    PursuitBoard(RepIdentity identity, PursuitAssembler assembler, CadencePlanner planner, DraftComposer composer,
                 dev.tickler.config.TicklerConfig.Slots slots) {
        this.identity = identity;
        this.assembler = assembler;
        this.planner = planner;
        this.composer = composer;
        this.matcher = new MeetingMatcher(identity);
        this.slotFinder = slots.count() == 0 ? null
                : new SlotFinder(planner.calendar(), java.time.Duration.ofMinutes(slots.minutes()), slots.count(), slots.horizonBusinessDays());
    }

    /**
     * @param keywords the rep's override keywords by {@code folder#uid}
     * @param meetings every meeting known from the rep's calendar (invitations in mail, CalDAV)
     */
    List<PursuitView> decide(List<ClassifiedMessage> facts, Map<String, Set<String>> keywords, List<DraftRecord> drafts,
                             List<Meeting> meetings, Clock clock) {
        return decide(assemble(facts, keywords, clock), drafts, meetings, clock);
    }

    /**
     * What a decision takes from the facts, apart from time: the pursuits built from them with the rep's keywords
     * applied, and the Date headers of mail from outside since {@code datesSince} (for the prospects' time zones). The
     * same facts and keywords give the same assembly, so one can serve later decisions
     * ({@link #decide(Assembly, List, List, Clock)}) while neither changes; {@link #canServe} refuses a clock set back,
     * whose window of Date headers would start before the kept ones.
     *
     * @param datesSince the oldest Date header kept: {@value #ZONE_EVIDENCE_DAYS} days before the assembly
     */
    record Assembly(List<Pursuit> pursuits, Map<String, Set<String>> keywords, Map<String, Set<String>> tagsById,
                    Map<String, List<Stamped>> datesBySender, Instant datesSince) {

        Assembly {
            pursuits = List.copyOf(pursuits);
            keywords = Map.copyOf(keywords);
        }

        /** The Date headers of these senders' mail sent after {@code since}, in the order it was sent. */
        List<String> datesFrom(List<dev.tickler.mail.Address> senders, Instant since) {
            return senders.stream().flatMap(a -> datesBySender.getOrDefault(a.key(), List.of()).stream())
                    .filter(d -> d.sentAt().isAfter(since)).map(Stamped::date).toList();
        }

        /** Whether decisions at {@code clock} may use it: it keeps every Date header they look at. */
        boolean canServe(Map<String, Set<String>> currentKeywords, Clock clock) {
            return keywords.equals(currentKeywords) && !zoneEvidenceSince(clock).isBefore(datesSince);
        }
    }

    /** A Date header as written, and when its message was sent. */
    record Stamped(Instant sentAt, String date) {
    }

    Assembly assemble(List<ClassifiedMessage> facts, Map<String, Set<String>> keywords, Clock clock) {
        List<ClassifiedMessage> overruled = overrule(facts, keywords);
        Instant since = zoneEvidenceSince(clock);
        return new Assembly(assembler.assemble(overruled), keywords, byMessageId(facts, keywords), dateHeadersBySender(facts, since),
                since);
    }

    /** Decides every pursuit of {@code assembly} as of {@code clock}, its slots in the rep's calendar as it is now. */
    List<PursuitView> decide(Assembly assembly, List<DraftRecord> drafts, List<Meeting> meetings, Clock clock) {
        Map<String, Set<String>> keywords = assembly.keywords();
        Instant since = zoneEvidenceSince(clock);
        List<PursuitView> views = new ArrayList<>();
        for (Pursuit pursuit : assembly.pursuits()) {
            List<DraftRecord> own = drafts.stream().filter(d -> d.pursuitId().equals(pursuit.id())).toList();
            List<Meeting> theirs = matcher.matching(pursuit, meetings);
            CadencePlanner.Context context = new CadencePlanner.Context(closedBy(pursuit, keywords, assembly.tagsById()),
                    lastDismissal(pursuit, own), theirs);
            Decision decision = planner.decide(pursuit, clock, context);
            views.add(view(pursuit, decision, own, theirs, clock, () -> slots(pursuit, meetings, assembly.datesFrom(pursuit.prospects(), since),
                    clock)));
        }
        views.sort(Comparator.comparing((PursuitView v) -> v.pursuit().proposal().sentAt()));
        return views;
    }

    private static Instant zoneEvidenceSince(Clock clock) {
        return clock.instant().minus(java.time.Duration.ofDays(ZONE_EVIDENCE_DAYS));
    }

    /**
     * The free slots a reminder offers, as lines in a given locale: inside the rep's working hours,
     * clear of their meetings, shown in the prospect's time when their mail's Date offsets tell it.
     */
    private java.util.function.Function<String, List<String>> slots(Pursuit pursuit, List<Meeting> meetings, List<String> theirDates,
                                                                    Clock clock) {
        if (slotFinder == null) {
            return locale -> List.of();
        }
        java.time.ZoneId prospectZone = ProspectZone.fromDateHeaders(theirDates).map(z -> (java.time.ZoneId) z).orElse(null);
        List<Slot> free = slotFinder.find(clock.instant(), meetings, identity::isRep, prospectZone);
        return locale -> new SlotText(planner.calendar().zone(), java.util.Locale.forLanguageTag(locale.replace('_', '-')))
                .lines(free, prospectZone);
    }

    /**
     * Whether a placed draft's suggested times have begun to pass: its slots start the business day
     * after it appeared, so once that day's working hours are over, the offer is stale.
     */
    boolean offeredTimesPassed(DraftRecord draft, Clock clock) {
        if (slotFinder == null || draft.placedAt() == null
                || !(Action.REMINDER.name().equals(draft.action()) || Action.AFTER_MEETING.name().equals(draft.action()))) {
            return false;
        }
        dev.tickler.cadence.BusinessCalendar calendar = planner.calendar();
        java.time.LocalDate firstSlotDay = calendar.plusBusinessDays(draft.placedAt(), 1);
        return clock.instant().isAfter(firstSlotDay.atTime(calendar.dayEnds()).atZone(calendar.zone()).toInstant());
    }

    /**
     * Sender address → the Date headers of the mail they wrote themselves since {@code since}, {@value #ZONE_EVIDENCE_DAYS}
     * days before the decision (older offsets may be from the other side of a DST change). UTC stamps are left out: many
     * mail servers write them whatever the writer's zone.
     */
    private Map<String, List<Stamped>> dateHeadersBySender(List<ClassifiedMessage> facts, Instant since) {
        Map<String, List<Stamped>> out = new java.util.HashMap<>();
        for (ClassifiedMessage f : facts) {
            boolean human = f.kind() == dev.tickler.detect.MessageKind.INBOUND || f.kind() == dev.tickler.detect.MessageKind.CALENDAR_REPLY;
            if (!human || !f.sentAt().isAfter(since) || f.message().from() == null || identity.isRep(f.message().from())) {
                continue; // the cheap tests first: this runs over every fact at every decision
            }
            f.message().header("date").filter(d -> !UTC_STAMP.matcher(d).find())
                    .ifPresent(date -> out.computeIfAbsent(f.message().from().key(), k -> new ArrayList<>()).add(new Stamped(f.sentAt(), date)));
        }
        return out;
    }

    /** One step of a look-ahead: what Tickler would draft, when and why. */
    record PlannedStep(Instant when, dev.tickler.cadence.Action action, int step, String reason) {
    }

    /**
     * What Tickler will do for a pursuit from {@code view}'s moment until {@code until}, given no new
     * mail and assuming the rep sends each draft the moment it appears.
     */
    List<PlannedStep> plan(PursuitView view, Instant from, Instant until) {
        List<PlannedStep> steps = new ArrayList<>();
        Pursuit pursuit = view.pursuit();
        Decision decision = view.decision();
        CadencePlanner.Context context = new CadencePlanner.Context(null, null, view.meetings());
        for (int guard = 0; guard < 10 && decision.state() == PursuitState.SCHEDULED && decision.meeting() != null; guard++) {
            // Quiet until the meeting is over; what follows it is part of the plan too.
            decision = planner.decide(pursuit, Clock.fixed(decision.meeting().end(), java.time.ZoneOffset.UTC), context);
        }
        for (int n = 1; n <= 24 && decision.state().isActive() && decision.dueAt() != null; n++) {
            Instant when = decision.dueAt().isBefore(from) ? from : decision.dueAt();
            if (when.isAfter(until)) {
                break;
            }
            steps.add(new PlannedStep(when, decision.action(), decision.step(),
                    view.state() == PursuitState.DRAFTED && n == 1 ? "already in Drafts: " + decision.reason() : decision.reason()));
            pursuit = pursuit.assumingTouchAt(when, n);
            decision = planner.decide(pursuit, Clock.fixed(when, java.time.ZoneOffset.UTC), context);
        }
        return steps;
    }

    /**
     * The facts with the rep's override keywords applied. A message filed twice (Sent and INBOX) is
     * one message: a keyword on either copy counts for both.
     */
    List<ClassifiedMessage> overrule(List<ClassifiedMessage> facts, Map<String, Set<String>> keywords) {
        if (keywords.isEmpty()) {
            return facts;
        }
        Map<String, Set<String>> byMessageId = byMessageId(facts, keywords);
        return facts.stream().map(f -> ManualOverrides.apply(f, keywordsOf(f, keywords, byMessageId), identity)).toList();
    }

    /** Message-ID → the keywords on any of its copies. */
    private static Map<String, Set<String>> byMessageId(List<ClassifiedMessage> facts, Map<String, Set<String>> keywords) {
        if (keywords.isEmpty()) {
            return Map.of(); // most mailboxes: no folder#uid to build for every fact
        }
        Map<String, Set<String>> out = new java.util.HashMap<>();
        for (ClassifiedMessage f : facts) {
            Set<String> tags = keywords.get(f.message().logId());
            if (tags != null && f.messageId() != null) {
                out.computeIfAbsent(f.messageId(), id -> new java.util.HashSet<>()).addAll(tags);
            }
        }
        return out;
    }

    private static Set<String> keywordsOf(ClassifiedMessage fact, Map<String, Set<String>> keywords,
                                          Map<String, Set<String>> byMessageId) {
        if (fact.messageId() == null) {
            return keywords.getOrDefault(fact.message().logId(), Set.of());
        }
        return byMessageId.getOrDefault(fact.messageId(), Set.of());
    }

    /** Whether Tickler's draft reached Sent under its own Message-ID. */
    static boolean wasSent(DraftRecord draft, Pursuit pursuit) {
        return pursuit.touches().stream().anyMatch(t -> draft.messageId().equals(t.messageId()));
    }

    /** Whether the rep sent something of their own in the pursuit after the draft was placed. */
    static boolean repWroteSince(DraftRecord draft, Pursuit pursuit) {
        return draft.placedAt() != null && pursuit.touches().stream().anyMatch(t -> t.sentAt().isAfter(draft.placedAt()));
    }

    private static String closedBy(Pursuit pursuit, Map<String, Set<String>> keywords, Map<String, Set<String>> byMessageId) {
        if (keywords.isEmpty()) {
            return null;
        }
        for (ClassifiedMessage m : pursuit.timeline()) {
            Optional<String> closing = ManualOverrides.closing(keywordsOf(m, keywords, byMessageId));
            if (closing.isPresent()) {
                return closing.get();
            }
        }
        return null;
    }

    private static Instant lastDismissal(Pursuit pursuit, List<DraftRecord> drafts) {
        return drafts.stream().filter(d -> DraftRecord.DISMISSED.equals(d.status()) && d.resolvedAt() != null)
                .map(DraftRecord::resolvedAt).max(Comparator.naturalOrder()).orElse(null);
    }

    private PursuitView view(Pursuit pursuit, Decision decision, List<DraftRecord> drafts, List<Meeting> meetings, Clock clock,
                             java.util.function.Supplier<java.util.function.Function<String, List<String>>> slots) {
        List<DraftRecord> open = drafts.stream().filter(d -> d.isOpen() || DraftRecord.INTENDED.equals(d.status()))
                .filter(d -> !wasSent(d, pursuit)).toList();
        String note = open.stream().filter(d -> DraftRecord.EDITED.equals(d.status())).findFirst()
                .map(d -> "your edited draft for touch " + d.step() + " is still in " + d.folder() + "; Tickler leaves it alone")
                .orElse(null);
        if (!decision.isDue()) {
            return new PursuitView(pursuit, decision, decision.state(), null, note, meetings);
        }
        int attempt = (int) drafts.stream().filter(d -> d.step() == decision.step())
                .filter(d -> DraftRecord.RETRACTED.equals(d.status()) || DraftRecord.DISMISSED.equals(d.status())).count();
        Draft draft = composer.compose(pursuit, decision, attempt, clock, slots.get());
        Optional<DraftRecord> same = drafts.stream().filter(d -> d.messageId().equals(draft.messageId())).findFirst();
        if (same.isPresent() && same.get().isPlaced()) {
            return new PursuitView(pursuit, decision, PursuitState.DRAFTED, draft, note, meetings);
        }
        // At most one open draft per pursuit: one still unsent blocks the next.
        open = open.stream().filter(d -> !d.messageId().equals(draft.messageId())).toList();
        if (!open.isEmpty()) {
            DraftRecord earlier = open.get(0);
            return new PursuitView(pursuit, decision, PursuitState.DRAFTED, null,
                    note != null ? note : "Tickler's draft for touch " + earlier.step() + " is still unsent in " + earlier.folder(), meetings);
        }
        return new PursuitView(pursuit, decision, PursuitState.DUE, draft, note, meetings);
    }
}
