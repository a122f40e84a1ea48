package dev.tickler.detect;

import dev.tickler.mail.DeliveryReport;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failed recipients from a bounce that has no RFC 3464 report: qmail's "failure notice", old
 * Sendmail transcripts, localized Exchange text. Reads only the part before the returned copy of
 * the original message, and only failures: a "delayed" warning names nobody.
 */
final class PlainBounceParser {

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern ORIGINAL_STARTS = Pattern.compile(
            "(?im)^\\s*(-+\\s*(below this line is a copy|original message|this is a copy of the message|the original message)"
                    + "|received:\\s|return-path:\\s|message-id:\\s|-+ ?(original|ursprüngliche) (message|nachricht))");
    private static final Pattern DELAY = Pattern.compile(
            "(?i)(delay|delayed|verzögert|retard|retrasad|ritardat|vertraagd|will (be )?retr(y|ied))");
    private static final Pattern ORIGINAL_ID = Pattern.compile("(?im)^message-id:\\s*(<[^>\\s]+>)");
    private static final Set<String> SYSTEM_LOCAL_PARTS = Set.of("postmaster", "mailer-daemon", "mail-daemon", "noreply",
            "no-reply", "abuse", "root");

    private PlainBounceParser() {
    }

    static DeliveryReport parse(String subject, String body, Predicate<String> isOurs) {
        if (body == null) {
            return new DeliveryReport(java.util.List.of(), null);
        }
        Matcher original = ORIGINAL_STARTS.matcher(body);
        String head = original.find() ? body.substring(0, original.start()) : body;
        Matcher id = ORIGINAL_ID.matcher(body);
        String originalId = id.find() ? id.group(1) : null;
        if (DELAY.matcher(subject == null ? "" : subject).find() && !head.toLowerCase(Locale.ROOT).contains("permanent")) {
            return new DeliveryReport(java.util.List.of(), originalId);
        }
        Set<String> failed = new LinkedHashSet<>();
        Matcher m = ADDRESS.matcher(head);
        while (m.find()) {
            String address = m.group().toLowerCase(Locale.ROOT);
            String local = address.substring(0, address.indexOf('@'));
            if (!SYSTEM_LOCAL_PARTS.contains(local) && !isOurs.test(address)) {
                failed.add(address);
            }
        }
        return new DeliveryReport(java.util.List.copyOf(failed), originalId);
    }
}
