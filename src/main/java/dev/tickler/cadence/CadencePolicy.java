package dev.tickler.cadence;

/**
 * How patient Tickler is.
 *
 * @param graceBusinessDays business days after the proposal before the first reminder
 * @param intervalDays      calendar days between later touches
 * @param maxTouches        unanswered touches after which the revival is drafted instead
 */
public record CadencePolicy(int graceBusinessDays, int intervalDays, int maxTouches) {

    public static final CadencePolicy DEFAULT = new CadencePolicy(3, 7, 3);

    public CadencePolicy {
        if (graceBusinessDays < 0 || intervalDays < 1 || maxTouches < 0) {
            throw new IllegalArgumentException("invalid policy " + graceBusinessDays + "/" + intervalDays + "/" + maxTouches);
        }
    }
}
