package dev.tickler.cadence;

import static dev.tickler.TestMessages.proposal;
import static dev.tickler.TestMessages.pursuit;
import static dev.tickler.TestMessages.received;
import static dev.tickler.TestMessages.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.calendar.Meeting;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.mail.Address;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.pursuit.PursuitState;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cadence with a fixed clock. Berlin: 09:00 is 08:00Z until 29 March 2026, 07:00Z after. */
class CadencePlannerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Address GINA = new Address("Gina Glass", "gina@globex.example");
    private static final String FRIDAY_PROPOSAL = "2026-03-06T14:00:00Z"; // Fri 15:00 Berlin
    private final CadencePlanner planner = new CadencePlanner(CadencePolicy.DEFAULT, BusinessCalendar.mondayToFriday(BERLIN));

    @Test
    void aPolicyIsDescribedByEverySettingInAFixedForm() {
        assertEquals("grace=3 interval=7 touches=3 nurture=on/30/3 maxAge=180", CadencePolicy.DEFAULT.describe());
        java.util.Set<String> described = new java.util.HashSet<>();
        for (CadencePolicy p : List.of(CadencePolicy.DEFAULT, new CadencePolicy(4, 7, 3, CadencePolicy.Nurture.DEFAULT, 180),
                new CadencePolicy(3, 8, 3, CadencePolicy.Nurture.DEFAULT, 180), new CadencePolicy(3, 7, 4, CadencePolicy.Nurture.DEFAULT, 180),
                new CadencePolicy(3, 7, 3, CadencePolicy.Nurture.OFF, 180), new CadencePolicy(3, 7, 3, new CadencePolicy.Nurture(true, 31, 3), 180),
                new CadencePolicy(3, 7, 3, new CadencePolicy.Nurture(true, 30, 4), 180), new CadencePolicy(3, 7, 3, CadencePolicy.Nurture.DEFAULT, 400))) {
            assertTrue(described.add(p.describe()), "each setting shows: " + p.describe());
        }
    }

    @Test
    void aFridayProposalWaitsOverTheWeekendAndTheReminderAppearsWednesdayAtNine() {
        Pursuit p = pursuit(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified());
        Decision tuesday = planner.decide(p, at("2026-03-10T16:00:00Z"));
        assertEquals(PursuitState.WAITING, tuesday.state());
        assertEquals(Instant.parse("2026-03-11T08:00:00Z"), tuesday.dueAt());
        assertEquals(PursuitState.WAITING, planner.decide(p, at("2026-03-11T07:59:00Z")).state(), "not at 3 a.m.");
        Decision wednesday = planner.decide(p, at("2026-03-11T08:00:00Z"));
        assertEquals(PursuitState.DUE, wednesday.state());
        assertEquals(Action.REMINDER, wednesday.action());
        assertEquals(1, wednesday.step());
        assertTrue(wednesday.reason().contains("3 business days"), wednesday.reason());
    }

    @Test
    void theNextReminderComesIntervalDaysAfterTheLastTouch() {
        List<ClassifiedMessage> facts = new ArrayList<>();
        facts.add(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified());
        facts.add(touch(1, "2026-03-11T08:30:00Z"));
        Decision d = planner.decide(pursuit(facts), at("2026-03-17T08:00:00Z"));
        assertEquals(PursuitState.WAITING, d.state());
        assertEquals(Instant.parse("2026-03-18T08:00:00Z"), d.dueAt());
        assertEquals(2, d.step());
        assertEquals(PursuitState.DUE, planner.decide(pursuit(facts), at("2026-03-18T08:00:00Z")).state());
    }

    @Test
    void anIntervalEndingOnASaturdayMovesToMonday() {
        List<ClassifiedMessage> facts = new ArrayList<>();
        facts.add(proposal("<p@acme.example>", GINA).at("2026-03-02T10:00:00Z").classified());
        facts.add(touch(1, "2026-03-07T10:00:00Z")); // the rep wrote on a Saturday
        assertEquals(Instant.parse("2026-03-16T08:00:00Z"), planner.decide(pursuit(facts), at("2026-03-14T10:00:00Z")).dueAt());
    }

    @Test
    void aHolidayShiftsTheStepAndSaysSo() {
        CadencePlanner easter = new CadencePlanner(CadencePolicy.DEFAULT, new BusinessCalendar(BERLIN,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6)),
                LocalTime.of(9, 0), LocalTime.of(17, 0), List.of()));
        List<ClassifiedMessage> facts = new ArrayList<>();
        facts.add(proposal("<p@acme.example>", GINA).at("2026-03-20T10:00:00Z").classified());
        facts.add(touch(1, "2026-03-27T10:00:00Z")); // + 7 days = Good Friday
        Decision d = easter.decide(pursuit(facts), at("2026-04-02T10:00:00Z"));
        assertEquals(Instant.parse("2026-04-07T07:00:00Z"), d.dueAt(), "Tuesday after Easter Monday, 09:00 CEST");
        assertTrue(d.reason().contains("moved past the holiday on Fri 3 Apr 2026"), d.reason());
    }

    @Test
    void theRepsOwnAbsencePausesEveryPursuitUntilTheyAreBack() {
        CadencePlanner away = new CadencePlanner(CadencePolicy.DEFAULT, new BusinessCalendar(BERLIN,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0),
                List.of(new BusinessCalendar.Absence(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 13)))));
        Pursuit p = pursuit(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified());
        Decision d = away.decide(p, at("2026-03-11T09:00:00Z"));
        assertEquals(PursuitState.PAUSED, d.state());
        assertEquals(Instant.parse("2026-03-16T08:00:00Z"), d.dueAt());
        assertTrue(d.reason().startsWith("you are away until Fri 13 Mar 2026"), d.reason());
    }

    @Test
    void afterMaxTouchesTheRevivalThenMonthlyCheckInsThenNothing() {
        List<ClassifiedMessage> facts = new ArrayList<>();
        facts.add(proposal("<p@acme.example>", GINA).at("2026-02-02T10:00:00Z").classified());
        facts.add(touch(1, "2026-02-09T10:00:00Z"));
        facts.add(touch(2, "2026-02-16T10:00:00Z"));
        facts.add(touch(3, "2026-02-23T10:00:00Z"));
        Decision revival = planner.decide(pursuit(facts), at("2026-03-02T10:00:00Z"));
        assertEquals(Action.REVIVAL, revival.action());
        assertEquals(PursuitState.DUE, revival.state());
        assertEquals(4, revival.step());
        facts.add(touch(4, "2026-03-02T11:00:00Z"));
        Decision nurture = planner.decide(pursuit(facts), at("2026-03-20T10:00:00Z"));
        assertEquals(PursuitState.NURTURE, nurture.state());
        assertEquals(Action.NURTURE, nurture.action());
        assertEquals(Instant.parse("2026-04-01T07:00:00Z"), nurture.dueAt(), "30 days after the revival");
        facts.add(touch(5, "2026-04-01T08:00:00Z"));
        facts.add(touch(6, "2026-05-01T08:00:00Z"));
        facts.add(touch(7, "2026-06-01T08:00:00Z"));
        Decision after = planner.decide(pursuit(facts), at("2026-07-15T10:00:00Z"));
        assertEquals(PursuitState.DORMANT, after.state(), "three check-ins, then nothing");
        assertEquals(Action.NONE, after.action());
        assertTrue(after.reason().startsWith("revival and 3 check-in(s) unanswered"), after.reason());
    }

    @Test
    void aProposalOlderThanMaxAgeDaysIsNoLongerFollowedUpWhateverHappenedSince() {
        // 3 business days' grace, then a reminder: due since February, as a first sync of an old mailbox finds it.
        List<ClassifiedMessage> facts = List.of(proposal("<p@acme.example>", GINA).at("2026-02-04T10:00:00Z").classified());
        Decision lastDay = planner.decide(pursuit(facts), at("2026-08-03T09:59:00Z"));
        assertEquals(PursuitState.DUE, lastDay.state(), "180 days less a minute: still followed up");
        assertEquals(Action.REMINDER, lastDay.action());
        Decision old = planner.decide(pursuit(facts), at("2026-08-03T10:01:00Z"));
        assertEquals(PursuitState.DORMANT, old.state());
        assertEquals(Action.NONE, old.action());
        assertEquals("the proposal of Wed 4 Feb 2026 is more than 180 days old (policy.maxAgeDays): no longer followed up", old.reason());

        CadencePlanner shorter = new CadencePlanner(new CadencePolicy(3, 7, 3, CadencePolicy.Nurture.OFF, 60),
                BusinessCalendar.mondayToFriday(BERLIN));
        assertEquals(PursuitState.DORMANT, shorter.decide(pursuit(facts), at("2026-04-05T10:01:00Z")).state(), "60 days");
        Meeting upcoming = new Meeting("uid-1", null, Instant.parse("2026-04-10T09:00:00Z"), Instant.parse("2026-04-10T09:30:00Z"),
                null, List.of(new Meeting.Attendee(GINA, Meeting.Participation.ACCEPTED)), Meeting.Status.CONFIRMED, true, "caldav");
        assertEquals(PursuitState.SCHEDULED, shorter.decide(pursuit(facts), at("2026-04-05T10:01:00Z"),
                new CadencePlanner.Context(null, null, List.of(upcoming))).state(), "a meeting ahead still shows");
        Decision afterMeeting = shorter.decide(pursuit(facts), at("2026-04-13T10:01:00Z"),
                new CadencePlanner.Context(null, null, List.of(upcoming)));
        assertEquals(PursuitState.DORMANT, afterMeeting.state(), "but the cadence does not start again after it");
        assertEquals(Action.NONE, afterMeeting.action());
        List<ClassifiedMessage> answered = List.of(facts.get(0),
                received("<r@globex.example>", GINA).replyTo("<p@acme.example>").at("2026-02-05T08:00:00Z").classified());
        assertEquals(PursuitState.ANSWERED, planner.decide(pursuit(answered), at("2026-09-01T10:00:00Z")).state(),
                "an answer still shows for what it is");
    }

    @Test
    void theDefaultAgeLimitCoversTheWholeCadence() {
        assertEquals(116, CadencePolicy.spanDays(3, 7, 3, CadencePolicy.Nurture.DEFAULT), "5 + 3 x 7 + 3 x 30");
        assertEquals(180, CadencePolicy.DEFAULT.maxAgeDays());
        assertEquals(7 + 10 * 14 + 6 * 60 + 60, new CadencePolicy(5, 14, 10, new CadencePolicy.Nurture(true, 60, 6)).maxAgeDays(),
                "a cadence longer than 180 days keeps 60 days to spare");
        assertEquals(Instant.parse("2026-01-19T10:00:00Z"), CadencePolicy.DEFAULT.oldestWorthReading(Instant.parse("2026-08-01T10:00:00Z")),
                "194 days: 14 more than the age limit");
    }

    @Test
    void withNurtureOffTheRevivalIsTheLastWord() {
        CadencePlanner noNurture = new CadencePlanner(new CadencePolicy(3, 7, 0, CadencePolicy.Nurture.OFF),
                BusinessCalendar.mondayToFriday(BERLIN));
        List<ClassifiedMessage> facts = new ArrayList<>(List.of(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified()));
        assertEquals(Action.REVIVAL, noNurture.decide(pursuit(facts), at("2026-03-11T09:00:00Z")).action(), "maxTouches 0: straight to the revival");
        facts.add(touch(1, "2026-03-11T09:00:00Z"));
        assertEquals(PursuitState.DORMANT, noNurture.decide(pursuit(facts), at("2026-06-11T09:00:00Z")).state());
    }

    @Test
    void anAnswerStopsEverything() {
        Pursuit p = pursuit(List.of(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified(),
                received("<r@globex.example>", GINA).replyTo("<p@acme.example>").at("2026-03-09T08:00:00Z").classified()));
        Decision d = planner.decide(p, at("2026-04-01T10:00:00Z"));
        assertEquals(PursuitState.ANSWERED, d.state());
        assertEquals(Action.NONE, d.action());
    }

    @Test
    void aDeletedDraftMakesTheNextOneWaitAFullInterval() {
        Pursuit p = pursuit(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified());
        Decision d = planner.decide(p, at("2026-03-13T10:00:00Z"),
                new CadencePlanner.Context(null, Instant.parse("2026-03-12T15:00:00Z")));
        assertEquals(PursuitState.WAITING, d.state());
        assertEquals(Instant.parse("2026-03-19T08:00:00Z"), d.dueAt());
        assertTrue(d.reason().contains("you deleted Tickler's draft unsent"), d.reason());
    }

    @Test
    void aPursuitTheRepClosedStaysClosed() {
        Pursuit p = pursuit(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified());
        Decision d = planner.decide(p, at("2026-03-13T10:00:00Z"), new CadencePlanner.Context("won ($TicklerWon)", null));
        assertEquals(PursuitState.CLOSED, d.state());
        assertEquals(Action.NONE, d.action());
    }

    @Test
    void anOutOfOfficeWithoutAReturnDateHoldsTheReminderSevenDaysThenDraftsIt() {
        Pursuit p = pursuit(List.of(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified(),
                received("<o@globex.example>", GINA).replyTo("<p@acme.example>").subject("Automatic reply: Proposal")
                        .at("2026-03-06T14:01:00Z").classified()));
        Decision wednesday = planner.decide(p, at("2026-03-11T15:00:00Z"));
        assertEquals(PursuitState.PAUSED, wednesday.state());
        assertEquals(Instant.parse("2026-03-13T08:00:00Z"), wednesday.dueAt());
        Decision friday = planner.decide(p, at("2026-03-13T08:00:00Z"));
        assertEquals(PursuitState.DUE, friday.state());
        assertEquals(Action.REMINDER, friday.action());
    }

    @Test
    void anOutOfOfficeWithAReturnDateResumesTheBusinessDayAfterIt() {
        Pursuit p = pursuit(List.of(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified(),
                received("<o@globex.example>", GINA).replyTo("<p@acme.example>").subject("Automatic reply: Proposal")
                        .body("I am out of the office and will be back on Friday, 20 March.")
                        .at("2026-03-06T14:01:00Z").classified()));
        Decision d = planner.decide(p, at("2026-03-19T10:00:00Z"));
        assertEquals(PursuitState.PAUSED, d.state());
        assertEquals(Instant.parse("2026-03-23T08:00:00Z"), d.dueAt(), "Monday 23 March, 09:00 in Berlin");
        assertTrue(d.reason().contains("out of office, back on Fri 20 Mar 2026"), d.reason());
        assertEquals(PursuitState.DUE, planner.decide(p, at("2026-03-23T08:00:00Z")).state());
    }

    @Test
    void anOutOfOfficeThatEndsBeforeTheReminderDoesNotDelayIt() {
        Pursuit p = pursuit(List.of(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified(),
                received("<o@globex.example>", GINA).replyTo("<p@acme.example>").subject("Automatic reply: Proposal")
                        .body("Back on 9 March.").at("2026-03-06T14:01:00Z").classified()));
        Decision d = planner.decide(p, at("2026-03-11T14:00:00Z"));
        assertEquals(PursuitState.DUE, d.state());
        assertEquals(Instant.parse("2026-03-11T08:00:00Z"), d.dueAt());
    }

    @Test
    void sameFactsAndSameTimeGiveTheSameDecision() {
        Pursuit p = pursuit(proposal("<p@acme.example>", GINA).at(FRIDAY_PROPOSAL).classified());
        assertEquals(planner.decide(p, at("2026-03-12T10:00:00Z")), planner.decide(p, at("2026-03-12T10:00:00Z")));
    }

    private static ClassifiedMessage touch(int n, String at) {
        return sent("<t" + n + "@acme.example>").to(GINA).subject("Re: Proposal").replyTo("<p@acme.example>").at(at).classified();
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
