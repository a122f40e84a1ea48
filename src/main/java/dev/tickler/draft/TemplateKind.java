package dev.tickler.draft;

import dev.tickler.cadence.Action;

/** The template files Tickler reads: {@code <templates>/<locale>/<file>}. */
public enum TemplateKind {
    REMINDER("reminder.txt"),
    SECOND_REMINDER("second-reminder.txt"),
    REVIVAL("revival.txt"),
    NURTURE("nurture.txt");

    private final String fileName;

    TemplateKind(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The optional HTML twin of the text template. */
    public String htmlFileName() {
        return fileName.replace(".txt", ".html");
    }

    /** The first reminder, a later one, the revival or a check-in. */
    public static TemplateKind forAction(Action action, int step) {
        return switch (action) {
            case REMINDER -> step <= 1 ? REMINDER : SECOND_REMINDER;
            case REVIVAL -> REVIVAL;
            case NURTURE -> NURTURE;
            case NONE -> throw new IllegalArgumentException("no template for " + action);
        };
    }
}
