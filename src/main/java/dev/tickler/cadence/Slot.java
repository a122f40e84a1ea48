package dev.tickler.cadence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A time offered to the prospect for a short call: {@code start} included, {@code end} excluded.
 */
public record Slot(Instant start, Instant end) {

    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("slot ends " + end + " before it starts " + start);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** Whether this slot shares any moment with {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }
}
