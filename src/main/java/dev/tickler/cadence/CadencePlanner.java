package dev.tickler.cadence;

import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.pursuit.PursuitState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Decides a pursuit's state and next action from its facts, the policy and the clock. Pure. */
public final class CadencePlanner {

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
        if (!pursuit.autoReplies().isEmpty()) {
            why += "; only an automatic reply so far";
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
