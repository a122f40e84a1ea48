package dev.tickler.mail;

import java.util.List;

/**
 * What a delivery-status report (RFC 3464) says: which recipients failed, and which message it is
 * about when the report quotes the original headers.
 */
public record DeliveryReport(List<String> failedRecipients, String originalMessageId) {
    public DeliveryReport {
        failedRecipients = MailMessage.copy(failedRecipients);
    }
}
