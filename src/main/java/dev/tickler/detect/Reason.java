package dev.tickler.detect;

/** One piece of evidence behind a verdict, with the weight it added (0 for hard rules). */
public record Reason(String rule, int weight, String detail) {

    public static Reason of(String rule, String detail) {
        return new Reason(rule, 0, detail);
    }

    @Override
    public String toString() {
        return weight == 0 ? rule + ": " + detail : rule + " (" + (weight > 0 ? "+" : "") + weight + "): " + detail;
    }
}
