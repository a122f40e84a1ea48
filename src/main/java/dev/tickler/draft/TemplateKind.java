package dev.tickler.draft;

import dev.tickler.cadence.Action;

/** The template files Tickler reads: {@code <templates>/<locale>/<file>}. */
public enum TemplateKind {
    REMINDER("reminder.txt"),
    REVIVAL("revival.txt");

    private final String fileName;

    TemplateKind(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public static TemplateKind forAction(Action action) {
        return switch (action) {
            case REMINDER -> REMINDER;
            case REVIVAL -> REVIVAL;
            case NONE -> throw new IllegalArgumentException("no template for " + action);
        };
    }
}
