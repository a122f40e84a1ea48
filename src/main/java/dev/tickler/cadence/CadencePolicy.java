package dev.tickler.cadence;

/**
 * How patient Tickler is, and for how long.
 *
 * @param graceBusinessDays business days after the proposal before the first reminder
 * @param intervalDays      calendar days between later touches
 * @param maxTouches        unanswered touches after which the revival is drafted instead
 * @param nurture           the check-ins after an unanswered revival (seed 000: stay in touch every 30 days)
 * @param maxAgeDays        days after the proposal during which it is followed up at all; older proposals are
 *                          dormant whatever happened since, so a first sync never drafts for a deal long gone
 */
public record CadencePolicy(int graceBusinessDays, int intervalDays, int maxTouches, Nurture nurture, int maxAgeDays) {

    /**
     * @param enabled      whether to check in at all after the revival
     * @param intervalDays days between check-ins
     * @param maxCheckIns  how many check-ins before the pursuit goes dormant
     */
    public record Nurture(boolean enabled, int intervalDays, int maxCheckIns) {
        public static final Nurture DEFAULT = new Nurture(true, 30, 3);
        public static final Nurture OFF = new Nurture(false, 30, 0);
    }

    /** The age limit when none is configured, unless the cadence itself runs longer (see {@link #defaultMaxAgeDays}). */
    public static final int DEFAULT_MAX_AGE_DAYS = 180;
    /** What a default age limit leaves after the cadence's last step: pauses, dismissed drafts and meetings push steps later. */
    static final int DEFAULT_MAX_AGE_MARGIN_DAYS = 60;

    /** See {@link #oldestWorthReading}. */
    public static final int READ_MARGIN_DAYS = 14;

    public static final CadencePolicy DEFAULT = new CadencePolicy(3, 7, 3, Nurture.DEFAULT);

    public CadencePolicy {
        if (graceBusinessDays < 0 || intervalDays < 1 || maxTouches < 0 || nurture.intervalDays() < 1 || nurture.maxCheckIns() < 0
                || maxAgeDays < 1) {
            throw new IllegalArgumentException("invalid policy " + graceBusinessDays + "/" + intervalDays + "/" + maxTouches + "/" + nurture
                    + "/" + maxAgeDays);
        }
    }

    public CadencePolicy(int graceBusinessDays, int intervalDays, int maxTouches, Nurture nurture) {
        this(graceBusinessDays, intervalDays, maxTouches, nurture, defaultMaxAgeDays(graceBusinessDays, intervalDays, maxTouches, nurture));
    }

    public CadencePolicy(int graceBusinessDays, int intervalDays, int maxTouches) {
        this(graceBusinessDays, intervalDays, maxTouches, Nurture.DEFAULT);
    }

    /**
     * Calendar days from the proposal to the cadence's last step when nothing delays it: the grace period
     * (weekends included), the reminders and the revival, then the check-ins. 116 for the default policy.
     */
    public static int spanDays(int graceBusinessDays, int intervalDays, int maxTouches, Nurture nurture) {
        long grace = graceBusinessDays + 2L * ((graceBusinessDays + 4) / 5);
        long checkIns = nurture.enabled() ? (long) nurture.maxCheckIns() * nurture.intervalDays() : 0;
        return (int) Math.min(Integer.MAX_VALUE, grace + (long) maxTouches * intervalDays + checkIns);
    }

    /**
     * Every setting, in a fixed form ("grace=3 interval=7 touches=3 nurture=on/30/3 maxAge=180"): stored with each
     * pursuit's state, to tell a move caused by a policy change from a bug. Written out rather than a record's
     * {@code toString}, whose form the JDK leaves unspecified.
     */
    public String describe() {
        return "grace=" + graceBusinessDays + " interval=" + intervalDays + " touches=" + maxTouches + " nurture="
                + (nurture.enabled() ? "on" : "off") + "/" + nurture.intervalDays() + "/" + nurture.maxCheckIns() + " maxAge=" + maxAgeDays;
    }

    /** Proposals sent before this are no longer followed up. */
    public java.time.Instant oldestFollowedUp(java.time.Instant now) {
        return now.minus(java.time.Duration.ofDays(maxAgeDays));
    }

    /**
     * Mail dated before this can't matter to a pursuit still followed up, so it is not worth keeping (only an
     * invitation in it is): {@link #oldestFollowedUp} less {@value #READ_MARGIN_DAYS} days for an answer whose
     * sender's clock runs slow and for the time between the read and the decision.
     */
    public java.time.Instant oldestWorthReading(java.time.Instant now) {
        return oldestFollowedUp(now).minus(java.time.Duration.ofDays(READ_MARGIN_DAYS));
    }

    /** {@value #DEFAULT_MAX_AGE_DAYS} days, or the cadence's span plus {@value #DEFAULT_MAX_AGE_MARGIN_DAYS} days when that is longer. */
    public static int defaultMaxAgeDays(int graceBusinessDays, int intervalDays, int maxTouches, Nurture nurture) {
        long span = spanDays(graceBusinessDays, intervalDays, maxTouches, nurture);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(DEFAULT_MAX_AGE_DAYS, span + DEFAULT_MAX_AGE_MARGIN_DAYS));
    }
}
