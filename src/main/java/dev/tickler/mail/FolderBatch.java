package dev.tickler.mail;

import java.util.List;

/**
 * One batch read from a folder: the messages, the ones that could not be read, and the cursor to
 * store with them (in the same transaction) once they are saved.
 *
 * @param passedOver how many messages of the batch were too old to matter ({@link MailboxSource.ReadPolicy#keeps})
 */
public record FolderBatch(String folder, FolderRole role, FolderCursor cursor,
                          List<MailMessage> messages, List<SkippedMessage> skipped, int passedOver) {
    public FolderBatch {
        messages = List.copyOf(messages);
        skipped = List.copyOf(skipped);
    }

    public FolderBatch(String folder, FolderRole role, FolderCursor cursor, List<MailMessage> messages, List<SkippedMessage> skipped) {
        this(folder, role, cursor, messages, skipped, 0);
    }
}
