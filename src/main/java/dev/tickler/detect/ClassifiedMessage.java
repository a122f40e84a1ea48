package dev.tickler.detect;

import dev.tickler.mail.MailMessage;
import java.time.Instant;

/** A message together with what it was judged to be: the fact the store keeps and pursuits are built from. */
public record ClassifiedMessage(MailMessage message, Classification classification) {

    public MessageKind kind() {
        return classification.kind();
    }

    public Instant sentAt() {
        return message.sentAt();
    }

    public String messageId() {
        return message.messageId();
    }
}
