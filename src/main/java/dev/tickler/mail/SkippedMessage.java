package dev.tickler.mail;

/** A message that could not be read (broken MIME, undecodable headers): recorded, counted, never retried forever. */
public record SkippedMessage(String folder, long uid, String messageId, String reason) {
    public String logId() {
        return folder + "#" + uid;
    }
}
