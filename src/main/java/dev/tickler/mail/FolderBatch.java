package dev.tickler.mail;

import java.util.List;

/**
 * One batch read from a folder: the messages, the ones that could not be read, and the cursor to
 * store with them (in the same transaction) once they are saved.
 */
public record FolderBatch(String folder, FolderRole role, FolderCursor cursor,
                          List<MailMessage> messages, List<SkippedMessage> skipped) {
    public FolderBatch {
        messages = List.copyOf(messages);
        skipped = List.copyOf(skipped);
    }
}
