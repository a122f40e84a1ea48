package dev.tickler.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tickler.calendar.Meeting;
import dev.tickler.calendar.Meeting.Participation;
import dev.tickler.mail.Address;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Many random calendars against an independent, brute-force reading of the rules: every slot is
 * free working time, and as many are found as the free days allow.
 */
class SlotFinderRandomizedTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime STARTS = LocalTime.of(8, 30);
    private static final LocalTime ENDS = LocalTime.of(17, 30);
    private static final Address REP = Address.of("rep@example.com");
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            Set.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 12, 24),
                    LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)), STARTS, ENDS,
            List.of(new BusinessCalendar.Absence(LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 14)),
                    new BusinessCalendar.Absence(LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 31))));
    private static final ZoneId[] PROSPECTS = {null, ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"), ZoneOffset.ofHours(-5),
        ZoneId.of("Asia/Kolkata"), ZoneId.of("Europe/London")};

    private record Busy(Instant from, Instant to) {
    }

    @Test
    void everySlotIsFreeWorkingTimeAndAsManyAsTheFreeDaysAllow() {
        Random random = new Random(20261124L);
        int shortOfRoom = 0;
        int filledFromRepHours = 0;
        for (int run = 0; run < 2000; run++) {
            Instant now = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 24 * 3600));
            int count = 1 + random.nextInt(4);
            int horizon = 1 + random.nextInt(7);
            Duration length = Duration.ofMinutes(15L * (1 + random.nextInt(6)));
            ZoneId prospect = PROSPECTS[random.nextInt(PROSPECTS.length)];
            List<Meeting> meetings = randomMeetings(random, now);
            String context = "run " + run + ": now " + now + ", " + count + " x " + length + " within " + horizon + " days, prospect "
                    + prospect + ", " + meetings.size() + " meetings";

            SlotFinder finder = new SlotFinder(CALENDAR, length, count, horizon);
            List<Slot> slots = finder.find(now, meetings, REP::sameAddress, prospect);

            List<LocalDate> days = workingDaysAfter(now, horizon);
            List<Busy> busy = blocking(meetings);
            LocalDate previous = null;
            for (Slot slot : slots) {
                assertFreeWorkingTime(slot, length, days, busy, context);
                LocalDate day = slot.start().atZone(BERLIN).toLocalDate();
                assertTrue(previous == null || day.isAfter(previous), context + ": one slot a day, in order");
                previous = day;
            }
            long daysWithRoom = days.stream().filter(d -> !freeStarts(d, length, busy).isEmpty()).count();
            assertEquals(Math.min(count, daysWithRoom), slots.size(), context);
            shortOfRoom += daysWithRoom < count ? 1 : 0;
            if (prospect != null) {
                long daysSuitingProspect = days.stream()
                        .filter(d -> freeStarts(d, length, busy).stream().anyMatch(s -> suits(s, length, prospect))).count();
                assertEquals(Math.min(count, daysSuitingProspect), slots.stream().filter(s -> suits(s.start(), length, prospect)).count(),
                        context + ": the prospect's hours first");
                filledFromRepHours += daysSuitingProspect < Math.min(count, daysWithRoom) ? 1 : 0;
            }
            assertEquals(slots, finder.find(now, meetings, REP::sameAddress, prospect), context + ": deterministic");
        }
        assertTrue(shortOfRoom > 50 && filledFromRepHours > 50, "the random calendars reach both the full days and the"
                + " fallback to the rep's hours: " + shortOfRoom + ", " + filledFromRepHours);
    }

    private static void assertFreeWorkingTime(Slot slot, Duration length, List<LocalDate> days, List<Busy> busy, String context) {
        ZonedDateTime start = slot.start().atZone(BERLIN);
        ZonedDateTime end = slot.end().atZone(BERLIN);
        assertEquals(length, slot.length(), context);
        assertTrue(days.contains(start.toLocalDate()), context + ": " + slot + " on a working day in the horizon");
        assertTrue(CALENDAR.isBusinessDay(start.toLocalDate()) && CALENDAR.absenceOn(start.toLocalDate()).isEmpty(), context);
        assertEquals(0, start.getMinute() % 30 + start.getSecond() + start.getNano(), context + ": " + slot + " on the grid");
        assertFalse(start.toLocalTime().isBefore(STARTS), context + ": " + slot);
        assertTrue(end.toLocalDate().equals(start.toLocalDate()) && !end.toLocalTime().isAfter(ENDS), context + ": " + slot);
        for (Busy b : busy) {
            assertFalse(slot.start().isBefore(b.to()) && b.from().isBefore(slot.end()), context + ": " + slot + " overlaps " + b);
        }
    }

    private static List<Meeting> randomMeetings(Random random, Instant now) {
        List<Meeting> meetings = new ArrayList<>();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            Instant start = now.plus(Duration.ofMinutes(5L * random.nextInt(12 * 24 * 16)));
            Instant end = start.plus(Duration.ofMinutes(5L * random.nextInt(60)));
            Meeting.Status status = random.nextInt(10) == 0 ? Meeting.Status.CANCELLED
                    : random.nextBoolean() ? Meeting.Status.CONFIRMED : Meeting.Status.TENTATIVE;
            Meeting m = new Meeting("m" + i, null, start, end, Address.of("boss@example.com"), List.of(), status, random.nextInt(8) != 0, "");
            int answer = random.nextInt(6);
            if (answer < Participation.values().length) {
                m = m.withParticipation(REP, Participation.values()[answer]);
            }
            meetings.add(m);
        }
        return meetings;
    }

    /** The meetings that block, widened by the 15-minute buffer: cancelled, free and declined ones do not. */
    private static List<Busy> blocking(List<Meeting> meetings) {
        return meetings.stream()
                .filter(m -> m.status() != Meeting.Status.CANCELLED && m.busy() && m.participationOf(REP) != Participation.DECLINED)
                .map(m -> new Busy(m.start().minusSeconds(15 * 60), m.end().plusSeconds(15 * 60))).toList();
    }

    private static List<LocalDate> workingDaysAfter(Instant now, int horizon) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = now.atZone(BERLIN).toLocalDate().plusDays(1); days.size() < horizon; d = d.plusDays(1)) {
            if (CALENDAR.isBusinessDay(d) && CALENDAR.absenceOn(d).isEmpty()) {
                days.add(d);
            }
        }
        return days;
    }

    /** Every half-hour start of the day whose whole slot is in working hours and clear of busy time. */
    private static List<Instant> freeStarts(LocalDate day, Duration length, List<Busy> busy) {
        List<Instant> starts = new ArrayList<>();
        for (LocalTime t = STARTS; !t.plus(length).isAfter(ENDS); t = t.plusMinutes(30)) {
            Instant start = ZonedDateTime.of(day, t, BERLIN).toInstant();
            Instant end = start.plus(length);
            if (busy.stream().noneMatch(b -> start.isBefore(b.to()) && b.from().isBefore(end))) {
                starts.add(start);
            }
        }
        return starts;
    }

    private static boolean suits(Instant start, Duration length, ZoneId prospect) {
        ZonedDateTime s = start.atZone(prospect);
        ZonedDateTime e = start.plus(length).atZone(prospect);
        return !Arrays.asList(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(s.getDayOfWeek())
                && s.toLocalDate().equals(e.toLocalDate())
                && s.getHour() >= 9 && !e.toLocalTime().isAfter(LocalTime.of(17, 0));
    }
}
