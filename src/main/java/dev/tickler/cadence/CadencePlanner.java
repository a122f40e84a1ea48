package dev.tickler.cadence;

import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.pursuit.PursuitState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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

    /**
     * What the pursuit's messages can't say: the rep closed it with a keyword, or deleted Tickler's
     * last draft unsent (the next one then waits a full interval from that moment).
     */
    public record Context(String closedBy, Instant draftDismissedAt) {
        public static final Context NONE = new Context(null, null);
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

    public Decision decide(Pursuit pursuit, Clock clock) {
        return decide(pursuit, clock, Context.NONE);
    }

    public Decision decide(Pursuit pursuit, Clock clock, Context context) {
        if (context.closedBy() != null) {
            return Decision.none(PursuitState.CLOSED, "closed by the rep (" + context.closedBy() + ")");
        }
        if (!pursuit.answers().isEmpty()) {
            ClassifiedMessage answer = pursuit.answers().get(0);
            return Decision.none(PursuitState.ANSWERED, "answered on " + day(answer.sentAt()) + " (" + pursuit.linkOf(answer) + ")");
        }
        if (pursuit.reachableProspects().isEmpty()) {
            return Decision.none(PursuitState.BOUNCED,
                    "every prospect address bounced; the contact may have left, find who took over");
        }
        return schedule(pursuit, clock.instant(), context);
    }

    private Decision schedule(Pursuit pursuit, Instant now, Context context) {
        int touches = pursuit.touches().size();
        Instant last = pursuit.lastOutbound().sentAt();
        boolean dismissed = context.draftDismissedAt() != null && context.draftDismissedAt().isAfter(last);
        Instant lastActivity = dismissed ? context.draftDismissedAt() : last;
        Action action;
        LocalDate dueDay;
        String why;
        PursuitState waiting = PursuitState.WAITING;
        if (touches <= policy.maxTouches()) {
            action = touches == policy.maxTouches() ? Action.REVIVAL : Action.REMINDER;
            if (touches == 0 && !dismissed) {
                dueDay = calendar.plusBusinessDays(last, policy.graceBusinessDays());
                why = "no answer " + policy.graceBusinessDays() + " business days after the proposal of " + day(last);
            } else {
                dueDay = calendar.dayOf(lastActivity).plusDays(policy.intervalDays());
                why = touches + (touches == 1 ? " touch" : " touches") + " unanswered, last on " + day(last)
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
        return new Decision(state, action, touches + 1, due, why);
    }

    private String day(Instant instant) {
        return DAY.format(instant.atZone(calendar.zone()));
    }
}
