package dev.tickler.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tickler.mail.DeliveryReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryReportsTest {

    @Test
    void readsFailedRecipientsAndTheOriginalMessageId() {
        String status = """
                Reporting-MTA: dns; mx.hooli.example
                Arrival-Date: Mon, 2 Mar 2026 10:00:00 +0000

                Final-Recipient: rfc822; Gavin@Hooli.example
                Original-Recipient: rfc822;gavin@hooli.example
                Action: failed
                Status: 5.1.1

                Final-Recipient: rfc822; ok@hooli.example
                Action: delayed
                Status: 4.4.1
                """;
        DeliveryReport report = DeliveryReports.parse(status, "From: riley@acme.example\nMessage-ID: <p1@acme.example>\nSubject: x\n");
        assertEquals(List.of("gavin@hooli.example"), report.failedRecipients());
        assertEquals("<p1@acme.example>", report.originalMessageId());
    }

    @Test
    void toleratesCrLfAndMissingOriginal() {
        DeliveryReport report = DeliveryReports.parse("Final-Recipient: rfc822; <a@b.example>\r\nAction: failed\r\n", null);
        assertEquals(List.of("a@b.example"), report.failedRecipients());
        assertEquals(null, report.originalMessageId());
    }
}
