package dev.tickler.cadence;

import dev.tickler.calendar.Meeting;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.pursuit.PursuitState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides a pursuit's state and next action from its facts, the policy, the rep's calendar and the
 * clock. Pure: same facts, same time, same decision.
 */
public final class CadencePlanner {

    /** How long an out-of-office without a return date holds the next touch. */
    static final Duration NO_RETURN_DATE_HOLD = Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    /**
     * What the pursuit's messages can't say: the rep closed it with a keyword, deleted Tickler's last
     * draft unsent (the next one then waits a full interval from that moment), or has meetings with
     * the prospect's side on the calendar.
     *
     * @param meetings the pursuit's meetings (see {@link MeetingMatcher}), earliest first
     */
    public record Context(String closedBy, Instant draftDismissedAt, List<Meeting> meetings) {
        public static final Context NONE = new Context(null, null, List.of());

        public Context {
            meetings = List.copyOf(meetings);
        }

        public Context(String closedBy, Instant draftDismissedAt) {
            this(closedBy, draftDismissedAt, List.of());
        }
    }

    private final CadencePolicy policy;
    private final BusinessCalendar calendar;

    public CadencePlanner(CadencePolicy policy, BusinessCalendar calendar) {
        this.policy = policy;
        this.calendar = calendar;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    public CadencePolicy policy() {
        return policy;
    }

    public Decision decide(Pursuit pursuit, Clock clock) {
        return decide(pursuit, clock, Context.NONE);
    }

    public Decision decide(Pursuit pursuit, Clock clock, Context context) {
        if (context.closedBy() != null) {
            return Decision.none(PursuitState.CLOSED, "closed by the rep (" + context.closedBy() + ")");
        }
        Instant now = clock.instant();
        Optional<Meeting> upcoming = context.meetings().stream().filter(m -> m.end().isAfter(now)).findFirst();
        if (upcoming.isPresent()) {
            Meeting m = upcoming.get();
            return new Decision(PursuitState.SCHEDULED, Action.NONE, 0, null, "a meeting with them is on the calendar for "
                    + when(m) + " (" + m.source() + "): a defined next step, so no follow-up", m);
        }
        Optional<Meeting> passed = context.meetings().stream().filter(m -> !m.end().isAfter(now))
                .reduce((first, second) -> second);
        if (passed.isPresent()) {
            return afterMeeting(pursuit, now, context, passed.get());
        }
        if (!pursuit.answers().isEmpty()) {
            ClassifiedMessage answer = pursuit.answers().get(0);
            return Decision.none(PursuitState.ANSWERED, "answered on " + day(answer.sentAt()) + " (" + pursuit.linkOf(answer) + ")");
        }
        if (pursuit.reachableProspects().isEmpty()) {
            return Decision.none(PursuitState.BOUNCED,
                    "every prospect address bounced; the contact may have left, find who took over");
        }
        return schedule(pursuit, now, context, null);
    }

    /**
     * The meeting has passed. An answer since means the conversation goes on; otherwise the cadence
     * starts again from the meeting: a post-meeting follow-up after the grace period, then the usual
     * reminders and revival for anything the rep sent after it.
     */
    private Decision afterMeeting(Pursuit pursuit, Instant now, Context context, Meeting meeting) {
        Optional<ClassifiedMessage> answer = pursuit.answers().stream().filter(a -> a.sentAt().isAfter(meeting.end())).findFirst();
        if (answer.isPresent()) {
            return new Decision(PursuitState.ANSWERED, Action.NONE, 0, null, "answered on " + day(answer.get().sentAt())
                    + " after your meeting of " + day(meeting.start()) + " (" + pursuit.linkOf(answer.get()) + ")", meeting);
        }
        if (pursuit.reachableProspects().isEmpty()) {
            return Decision.none(PursuitState.BOUNCED, "every prospect address bounced; the contact may have left, find who took over");
        }
        Decision d = schedule(pursuit, now, context, meeting);
        return new Decision(d.state(), d.action(), d.step(), d.dueAt(), d.reason(), meeting);
    }

    /**
     * @param after the meeting the cadence restarts from, or null: then it runs from the proposal
     */
    private Decision schedule(Pursuit pursuit, Instant now, Context context, Meeting after) {
        if (pursuit.proposal().sentAt().isBefore(policy.oldestFollowedUp(now))) {
            // Even after a meeting: a first sync of years of mail must not draft for deals long gone, and a pursuit
            // followed since its proposal ends the same way. An answer or a meeting still shows for what it is.
            return Decision.none(PursuitState.DORMANT, "the proposal of " + day(pursuit.proposal().sentAt()) + " is more than "
                    + policy.maxAgeDays() + " days old (policy.maxAgeDays): no longer followed up");
        }
        List<ClassifiedMessage> since = after == null ? pursuit.touches()
                : pursuit.touches().stream().filter(t -> t.sentAt().isAfter(after.end())).toList();
        int touches = since.size();
        int step = pursuit.touches().size() + 1; // numbering runs on across meetings: each draft keeps its own id
        Instant last = since.isEmpty() ? (after == null ? pursuit.proposal().sentAt() : after.end())
                : since.get(since.size() - 1).sentAt();
        boolean dismissed = context.draftDismissedAt() != null && context.draftDismissedAt().isAfter(last);
        Instant lastActivity = dismissed ? context.draftDismissedAt() : last;
        Action action;
        LocalDate dueDay;
        String why;
        PursuitState waiting = PursuitState.WAITING;
        if (touches <= policy.maxTouches()) {
            action = touches == policy.maxTouches() ? Action.REVIVAL : Action.REMINDER;
            if (touches == 0 && after != null) {
                action = Action.AFTER_MEETING;
            }
            if (touches == 0 && !dismissed) {
                dueDay = calendar.plusBusinessDays(last, policy.graceBusinessDays());
                why = after != null
                        ? "your meeting with them on " + when(after) + " has passed with nothing since for "
                            + policy.graceBusinessDays() + " business days: time to ask for the next step"
                        : "no answer " + policy.graceBusinessDays() + " business days after the proposal of " + day(last);
            } else {
                dueDay = calendar.dayOf(lastActivity).plusDays(policy.intervalDays());
                why = touches + (touches == 1 ? " touch" : " touches") + (after != null ? " since your meeting" : "")
                        + " unanswered, last on " + day(last)
                        + (action == Action.REVIVAL ? "; " + policy.maxTouches() + " touches reached, time for the revival" : "");
            }
        } else {
            int checkIns = touches - policy.maxTouches() - 1;
            CadencePolicy.Nurture nurture = policy.nurture();
            if (!nurture.enabled() || checkIns >= nurture.maxCheckIns()) {
                return Decision.none(PursuitState.DORMANT, "revival" + (checkIns > 0 ? " and " + checkIns + " check-in(s)" : "")
                        + " unanswered, last on " + day(last) + "; waiting for them to come back");
            }
            action = Action.NURTURE;
            waiting = PursuitState.NURTURE;
            dueDay = calendar.dayOf(lastActivity).plusDays(nurture.intervalDays());
            why = "revival unanswered; check-in " + (checkIns + 1) + " of " + nurture.maxCheckIns() + " every "
                    + nurture.intervalDays() + " days, last touch on " + day(last);
        }
        if (dismissed) {
            why += "; you deleted Tickler's draft unsent on " + day(context.draftDismissedAt()) + ", so this waits a full interval";
        }
        Instant due = calendar.startOfBusinessDay(dueDay);
        if (!calendar.isBusinessDay(dueDay) && calendar.isHoliday(dueDay)) {
            why += "; moved past the holiday on " + DAY.format(dueDay);
        }
        boolean paused = false;
        Optional<ClassifiedMessage> away = pursuit.autoReplies().stream()
                .filter(a -> !a.sentAt().isBefore(last))
                .reduce((first, second) -> second);
        if (away.isPresent()) {
            LocalDate back = away.get().classification().returnDate();
            Instant resume = back != null ? calendar.startOfBusinessDayAfter(back)
                    : calendar.startOfBusinessDay(calendar.dayOf(away.get().sentAt().plus(NO_RETURN_DATE_HOLD)));
            if (resume.isAfter(due)) {
                due = resume;
                paused = true;
                why = back != null
                        ? "out of office, back on " + DAY.format(back) + " (their automatic reply); resuming the business day after"
                        : "out of office with no return date given (their automatic reply); holding " + NO_RETURN_DATE_HOLD.toDays() + " days";
            } else {
                why += "; their automatic reply" + (back != null ? " said back on " + DAY.format(back) : "") + " does not delay this";
            }
        }
        for (int guard = 0; guard < 50; guard++) {
            Optional<BusinessCalendar.Absence> repAway = calendar.absenceOn(calendar.dayOf(due));
            if (repAway.isEmpty()) {
                break;
            }
            due = calendar.startOfBusinessDayAfter(repAway.get().to());
            paused = true;
            why = "you are away until " + DAY.format(repAway.get().to()) + "; " + why;
        }
        if (!now.isBefore(due) && !calendar.isWorkingTime(now)) {
            // Overdue, but drafts appear in working hours only: not at 3 a.m., not on Sunday.
            due = calendar.nextWorkingStart(now);
            why += "; appears at the start of your next working day";
        }
        PursuitState state = !now.isBefore(due) ? PursuitState.DUE : paused ? PursuitState.PAUSED : waiting;
        return new Decision(state, action, step, due, why);
    }

    private String when(Meeting m) {
        return DAY_TIME.format(m.start().atZone(calendar.zone()));
    }

    private String day(Instant instant) {
        return DAY.format(instant.atZone(calendar.zone()));
    }
}
