package dev.tickler.cadence;

/**
 * How patient Tickler is.
 *
 * @param graceBusinessDays business days after the proposal before the first reminder
 * @param intervalDays      calendar days between later touches
 * @param maxTouches        unanswered touches after which the revival is drafted instead
 * @param nurture           the check-ins after an unanswered revival (seed 000: stay in touch every 30 days)
 */
public record CadencePolicy(int graceBusinessDays, int intervalDays, int maxTouches, Nurture nurture) {

    /**
     * @param enabled      whether to check in at all after the revival
     * @param intervalDays days between check-ins
     * @param maxCheckIns  how many check-ins before the pursuit goes dormant
     */
    public record Nurture(boolean enabled, int intervalDays, int maxCheckIns) {
        public static final Nurture DEFAULT = new Nurture(true, 30, 3);
        public static final Nurture OFF = new Nurture(false, 30, 0);
    }

    public static final CadencePolicy DEFAULT = new CadencePolicy(3, 7, 3, Nurture.DEFAULT);

    public CadencePolicy {
        if (graceBusinessDays < 0 || intervalDays < 1 || maxTouches < 0 || nurture.intervalDays() < 1 || nurture.maxCheckIns() < 0) {
            throw new IllegalArgumentException("invalid policy " + graceBusinessDays + "/" + intervalDays + "/" + maxTouches + "/" + nurture);
        }
    }

    public CadencePolicy(int graceBusinessDays, int intervalDays, int maxTouches) {
        this(graceBusinessDays, intervalDays, maxTouches, Nurture.DEFAULT);
    }
}
