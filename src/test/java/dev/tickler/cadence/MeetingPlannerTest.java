package dev.tickler.cadence;

import static dev.tickler.TestMessages.IDENTITY;
import static dev.tickler.TestMessages.RILEY;
import static dev.tickler.TestMessages.proposal;
import static dev.tickler.TestMessages.pursuit;
import static dev.tickler.TestMessages.received;
import static dev.tickler.TestMessages.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.calendar.Meeting;
import dev.tickler.calendar.Meeting.Participation;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.mail.Address;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.pursuit.PursuitState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Meetings as the defined next step: matching a meeting to a pursuit, and what the cadence does around it. */
class MeetingPlannerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Address GINA = new Address("Gina Glass", "gina@globex.example");
    private static final Address GREG = Address.of("greg@globex.example");
    private static final Address STRANGER = Address.of("someone@initech.example");
    private static final String PROPOSAL_AT = "2026-03-06T14:00:00Z"; // Fri
    private static final Instant TUESDAY_2PM = Instant.parse("2026-03-17T13:00:00Z");
    private final CadencePlanner planner = new CadencePlanner(CadencePolicy.DEFAULT, BusinessCalendar.mondayToFriday(BERLIN));
    private final MeetingMatcher matcher = new MeetingMatcher(IDENTITY);

    private static Meeting with(Instant start, Meeting.Status status, Meeting.Attendee... attendees) {
        return new Meeting("m-" + start, null, start, start.plusSeconds(1800), RILEY, List.of(attendees), status, true, "caldav");
    }

    private static Meeting.Attendee att(Address a, Participation p) {
        return new Meeting.Attendee(a, p);
    }

    @Test
    void aMeetingWithTheProspectAColleagueOrNobodyFromThere() {
        Pursuit p = pursuit(List.of(proposal("<p@acme.example>", GINA).at(PROPOSAL_AT).classified()));
        assertEquals(1, matcher.matching(p, List.of(with(TUESDAY_2PM, null, att(GINA, null)))).size(), "by address");
        assertEquals(1, matcher.matching(p, List.of(with(TUESDAY_2PM, null, att(GREG, Participation.ACCEPTED)))).size(),
                "a colleague at the prospect's domain");
        assertTrue(matcher.matching(p, List.of(with(TUESDAY_2PM, null, att(STRANGER, null)))).isEmpty(), "another company");
        assertTrue(matcher.matching(p, List.of(with(TUESDAY_2PM, Meeting.Status.CANCELLED, att(GINA, null)))).isEmpty(), "cancelled");
        assertTrue(matcher.matching(p, List.of(with(TUESDAY_2PM, null, att(GINA, Participation.DECLINED)))).isEmpty(),
                "declined by the only prospect-side attendee");
        assertEquals(1, matcher.matching(p, List.of(with(TUESDAY_2PM, null, att(GINA, Participation.DECLINED),
                att(GREG, Participation.TENTATIVE)))).size(), "one of them still comes");
        assertTrue(matcher.matching(p, List.of(with(TUESDAY_2PM, null, att(GINA, null), att(RILEY, Participation.DECLINED)))).isEmpty(),
                "declined by the rep");
        assertTrue(matcher.matching(p, List.of(with(Instant.parse("2026-03-02T10:00:00Z"), null, att(GINA, null)))).isEmpty(),
                "before the proposal: not a next step for it");
    }

    @Test
    void freemailDomainsNeverMatchColleagues() {
        Address joe = Address.of("joe@gmail.com");
        Pursuit p = pursuit(List.of(proposal("<p@acme.example>", joe).at(PROPOSAL_AT).classified()));
        assertTrue(matcher.matching(p, List.of(with(TUESDAY_2PM, null, att(Address.of("ann@gmail.com"), null)))).isEmpty());
        assertEquals(1, matcher.matching(p, List.of(with(TUESDAY_2PM, null, att(joe, null)))).size());
    }

    @Test
    void aFutureMeetingKeepsItQuietEvenWhenAReminderWouldBeDue() {
        Pursuit p = pursuit(List.of(proposal("<p@acme.example>", GINA).at(PROPOSAL_AT).classified()));
        Meeting m = with(TUESDAY_2PM, null, att(GINA, Participation.ACCEPTED));
        Decision d = planner.decide(p, at("2026-03-12T09:00:00Z"), context(m));
        assertEquals(PursuitState.SCHEDULED, d.state());
        assertEquals(m, d.meeting());
        assertNull(d.dueAt());
        assertTrue(d.reason().contains("Tue 17 Mar 2026 14:00"), d.reason());
        assertEquals(PursuitState.SCHEDULED, planner.decide(p, at("2026-03-17T13:20:00Z"), context(m)).state(), "while it runs");
    }

    @Test
    void afterTheMeetingTheGracePeriodThenThePostMeetingFollowUp() {
        List<ClassifiedMessage> facts = new ArrayList<>();
        facts.add(proposal("<p@acme.example>", GINA).at(PROPOSAL_AT).classified());
        facts.add(received("<a@globex.example>", GINA).to(RILEY).subject("Re: Proposal").replyTo("<p@acme.example>")
                .at("2026-03-09T09:00:00Z").body("Tuesday 2pm works, talk then.").classified());
        Pursuit p = pursuit(facts);
        Meeting m = with(TUESDAY_2PM, null, att(GINA, Participation.ACCEPTED));
        assertEquals(PursuitState.ANSWERED, planner.decide(p, at("2026-03-10T09:00:00Z")).state(), "without the meeting: answered");
        Decision waiting = planner.decide(p, at("2026-03-18T09:00:00Z"), context(m));
        assertEquals(PursuitState.WAITING, waiting.state(), "the answer before the meeting no longer settles it");
        assertEquals(Instant.parse("2026-03-20T08:00:00Z"), waiting.dueAt(), "3 business days after Tuesday: Friday 09:00");
        Decision due = planner.decide(p, at("2026-03-20T08:00:00Z"), context(m));
        assertEquals(PursuitState.DUE, due.state());
        assertEquals(Action.AFTER_MEETING, due.action());
        assertEquals(1, due.step());
        assertEquals(m, due.meeting());
        assertTrue(due.reason().contains("meeting with them on Tue 17 Mar 2026 14:00 has passed"), due.reason());
    }

    @Test
    void anAnswerOrTheRepsOwnMailAfterTheMeetingTakesOver() {
        Meeting m = with(TUESDAY_2PM, null, att(GINA, Participation.ACCEPTED));
        List<ClassifiedMessage> facts = new ArrayList<>();
        facts.add(proposal("<p@acme.example>", GINA).at(PROPOSAL_AT).classified());
        facts.add(received("<a@globex.example>", GINA).to(RILEY).subject("Re: Proposal").replyTo("<p@acme.example>")
                .at("2026-03-18T09:00:00Z").body("Thanks, we will sign next week.").classified());
        assertEquals(PursuitState.ANSWERED, planner.decide(pursuit(facts), at("2026-03-20T08:00:00Z"), context(m)).state());

        List<ClassifiedMessage> own = new ArrayList<>();
        own.add(proposal("<p@acme.example>", GINA).at(PROPOSAL_AT).classified());
        own.add(sent("<t1@acme.example>").to(GINA).subject("Re: Proposal").replyTo("<p@acme.example>").at("2026-03-18T09:00:00Z")
                .classified());
        Decision d = planner.decide(pursuit(own), at("2026-03-20T08:00:00Z"), context(m));
        assertEquals(PursuitState.WAITING, d.state(), "the rep followed up themselves: the next reminder a week later");
        assertEquals(Instant.parse("2026-03-25T08:00:00Z"), d.dueAt());
        assertEquals(Action.REMINDER, d.action());
        assertEquals(2, d.step(), "step numbers run on, so the draft gets a new Message-ID");
    }

    @Test
    void aCancelledMeetingLeavesTheCadenceAsItWas() {
        Pursuit p = pursuit(List.of(proposal("<p@acme.example>", GINA).at(PROPOSAL_AT).classified()));
        Meeting cancelled = with(TUESDAY_2PM, Meeting.Status.CANCELLED, att(GINA, null));
        List<Meeting> matched = matcher.matching(p, List.of(cancelled));
        Decision d = planner.decide(p, at("2026-03-12T09:00:00Z"), new CadencePlanner.Context(null, null, matched));
        assertEquals(PursuitState.DUE, d.state());
        assertEquals(Action.REMINDER, d.action());
    }

    private static CadencePlanner.Context context(Meeting... meetings) {
        return new CadencePlanner.Context(null, null, List.of(meetings));
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
