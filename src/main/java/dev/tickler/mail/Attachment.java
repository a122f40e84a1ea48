package dev.tickler.mail;

/** What a message says about one attached part: from BODYSTRUCTURE, never from downloading it. */
public record Attachment(String fileName, String mimeType, long sizeBytes) {
    public Attachment {
        fileName = fileName == null ? "" : fileName;
        mimeType = mimeType == null ? "application/octet-stream" : mimeType.toLowerCase(java.util.Locale.ROOT);
    }
}
