package dev.tickler.detect;

import dev.tickler.mail.DeliveryReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the machine-readable parts of an RFC 3464 delivery-status report. Pure text parsing. */
public final class DeliveryReports {

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z-]+)\\s*:\\s*(.*)$");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id\\s*:\\s*(<[^>\\s]+>)");

    private DeliveryReports() {
    }

    /**
     * @param deliveryStatus the message/delivery-status part's text
     * @param originalHeaders the text/rfc822-headers or message/rfc822 part's text (may be null)
     */
    public static DeliveryReport parse(String deliveryStatus, String originalHeaders) {
        List<String> failed = new ArrayList<>();
        String recipient = null;
        String action = null;
        // Per-recipient groups are separated by blank lines; the first group is per-message.
        for (String line : (deliveryStatus == null ? "" : deliveryStatus + "\n\n").split("\\r?\\n", -1)) {
            if (line.isBlank()) {
                if (recipient != null && (action == null || action.startsWith("failed"))) {
                    failed.add(recipient);
                }
                recipient = null;
                action = null;
                continue;
            }
            Matcher m = FIELD.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).strip();
            if (name.equals("final-recipient") || (name.equals("original-recipient") && recipient == null)) {
                int semi = value.indexOf(';');
                recipient = (semi >= 0 ? value.substring(semi + 1) : value).strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
            } else if (name.equals("action")) {
                action = value.toLowerCase(Locale.ROOT);
            }
        }
        String originalId = null;
        if (originalHeaders != null) {
            Matcher id = MESSAGE_ID.matcher(originalHeaders);
            if (id.find()) {
                originalId = id.group(1);
            }
        }
        return new DeliveryReport(failed.stream().distinct().toList(), originalId);
    }
}
