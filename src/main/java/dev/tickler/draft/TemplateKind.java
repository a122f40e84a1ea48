package dev.tickler.draft;

import dev.tickler.cadence.Action;

/** The template files Tickler reads: {@code <templates>/<locale>/<file>}. */
public enum TemplateKind {
    REMINDER("reminder.txt"),
    SECOND_REMINDER("second-reminder.txt"),
    REVIVAL("revival.txt"),
    NURTURE("nurture.txt"),
    AFTER_MEETING("after-meeting.txt"),
    /** A part, not a message: offers the free slots (${slots}); rendered into ${slotOffer}. */
    SLOT_OFFER("slot-offer.txt"),
    /** A part: asks for a day and a time when no slot could be offered; rendered into ${slotOffer}. */
    NO_SLOT_OFFER("no-slot-offer.txt");

    private final String fileName;

    TemplateKind(String fileName) {
        this.fileName = fileName;
    }

    /**
     * Kinds added after 1.0: a template directory written before them may lack them, and then the
     * built-in text is used (a start-up error would punish an upgrade).
     */
    public boolean hasBuiltInFallback() {
        return this == AFTER_MEETING || this == SLOT_OFFER || this == NO_SLOT_OFFER;
    }

    public String fileName() {
        return fileName;
    }

    /** The optional HTML twin of the text template. */
    public String htmlFileName() {
        return fileName.replace(".txt", ".html");
    }

    /** The first reminder, a later one, the revival, a check-in, or the follow-up after a meeting. */
    public static TemplateKind forAction(Action action, int step) {
        return switch (action) {
            case REMINDER -> step <= 1 ? REMINDER : SECOND_REMINDER;
            case REVIVAL -> REVIVAL;
            case NURTURE -> NURTURE;
            case AFTER_MEETING -> AFTER_MEETING;
            case NONE -> throw new IllegalArgumentException("no template for " + action);
        };
    }
}
