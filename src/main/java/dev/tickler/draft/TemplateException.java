package dev.tickler.draft;

/** A template that can't be used: missing, or naming a variable Tickler does not provide. */
public class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
