package dev.tickler.config;

/**
 * A secret read from {@code ${env:NAME}} or {@code ${file:PATH}}. Its {@code toString} shows only
 * where it came from, so it can't reach a log by accident.
 */
public final class Secret {

    private final String source;
    private final char[] value;

    Secret(String source, String value) {
        this.source = source;
        this.value = value.toCharArray();
    }

    /** For tests and the demo, which make their own secrets. */
    public static Secret literal(String value) {
        return new Secret("literal", value);
    }

    public String reveal() {
        return new String(value);
    }

    /** Where the secret came from: "env:NAME" or "file:PATH". */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "****(" + source + ")";
    }
}
