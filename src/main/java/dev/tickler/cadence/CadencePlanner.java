package dev.tickler.cadence;

import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.pursuit.PursuitState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Decides a pursuit's state and next action from its facts, the policy and the clock. Pure. */
public final class CadencePlanner {

    /** How long an out-of-office without a return date holds the next touch. */
    static final java.time.Duration NO_RETURN_DATE_HOLD = java.time.Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final CadencePolicy policy;
    private final BusinessCalendar calendar;

    public CadencePlanner(CadencePolicy policy, BusinessCalendar calendar) {
        this.policy = policy;
        this.calendar = calendar;
    }

    public Decision decide(Pursuit pursuit, Clock clock) {
        Instant now = clock.instant();
        if (!pursuit.answers().isEmpty()) {
            ClassifiedMessage answer = pursuit.answers().get(0);
            return Decision.none(PursuitState.ANSWERED, "answered on " + day(answer.sentAt()) + " (reply in the thread)");
        }
        if (pursuit.reachableProspects().isEmpty()) {
            return Decision.none(PursuitState.BOUNCED,
                    "every prospect address bounced; the contact may have left, find who took over");
        }
        int touches = pursuit.touches().size();
        if (touches > policy.maxTouches()) {
            return Decision.none(PursuitState.DORMANT,
                    "revival sent on " + day(pursuit.lastOutbound().sentAt()) + "; waiting for them to come back");
        }
        Instant last = pursuit.lastOutbound().sentAt();
        Action action = touches == policy.maxTouches() ? Action.REVIVAL : Action.REMINDER;
        Instant due;
        String why;
        if (touches == 0) {
            due = calendar.plusBusinessDays(last, policy.graceBusinessDays());
            why = "no answer " + policy.graceBusinessDays() + " business days after the proposal of " + day(last);
        } else {
            due = calendar.onBusinessDay(last.plusSeconds(86_400L * policy.intervalDays()));
            why = touches + (touches == 1 ? " touch" : " touches") + " unanswered, last on " + day(last)
                    + (action == Action.REVIVAL ? "; " + policy.maxTouches() + " touches reached, time for the revival" : "");
        }
        Optional<ClassifiedMessage> away = pursuit.autoReplies().stream()
                .filter(a -> !a.sentAt().isBefore(last))
                .reduce((first, second) -> second);
        if (away.isPresent()) {
            ClassifiedMessage autoReply = away.get();
            LocalDate back = autoReply.classification().returnDate();
            Instant resume = back != null ? calendar.startOfBusinessDayAfter(back)
                    : calendar.onBusinessDay(autoReply.sentAt().plus(NO_RETURN_DATE_HOLD));
            if (resume.isAfter(due)) {
                due = resume;
                why = back != null
                        ? "out of office until " + DAY.format(back) + " (their automatic reply); resuming the next business day"
                        : "out of office with no return date given (their automatic reply); holding " + NO_RETURN_DATE_HOLD.toDays() + " days";
                return new Decision(now.isBefore(due) ? PursuitState.PAUSED : PursuitState.DUE, action, touches + 1, due, why);
            }
            why += "; their automatic reply" + (back != null ? " said back on " + DAY.format(back) : "") + " does not delay this";
        }
        PursuitState state = now.isBefore(due) ? PursuitState.WAITING : PursuitState.DUE;
        return new Decision(state, action, touches + 1, due, why);
    }

    private String day(Instant instant) {
        return DAY.format(instant.atZone(calendar.zone()));
    }

    /** Whole days between the proposal and now, in the rep's timezone. */
    public long daysSince(Instant then, Clock clock) {
        LocalDate from = then.atZone(calendar.zone()).toLocalDate();
        LocalDate to = clock.instant().atZone(calendar.zone()).toLocalDate();
        return java.time.temporal.ChronoUnit.DAYS.between(from, to);
    }
}
