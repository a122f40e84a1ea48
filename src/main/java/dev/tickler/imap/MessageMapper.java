package dev.tickler.imap;

import dev.tickler.detect.DeliveryReports;
import dev.tickler.mail.Address;
import dev.tickler.mail.Attachment;
import dev.tickler.mail.DeliveryReport;
import dev.tickler.mail.FolderRole;
import dev.tickler.mail.MailMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a fetched Jakarta Mail message to a {@link MailMessage}, in three layers so that one broken
 * part loses as little as possible: the envelope (required), the structure (attachments, type), and
 * the body text (only when asked). A defect in a later layer is noted and the message kept.
 */
final class MessageMapper {

    /**
     * Header fields read beyond the envelope, for mail that can matter; the classifiers read these, and
     * Date keeps the sender's UTC offset (the envelope's parsed date loses it), which tells the
     * prospect's timezone. A server has to open the message file for them (see BatchReader).
     */
    static final String[] HEADERS = {"References", "In-Reply-To", "Auto-Submitted", "X-Autoreply", "X-Autorespond",
            "Precedence", "X-Auto-Response-Suppress", "List-Id", "List-Unsubscribe", "Date"};
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** Bounds on what one message may put in the store: spam and mailing-list blasts go far beyond them. */
    static final int MAX_ID = 900;
    static final int MAX_REFERENCES = 100;
    static final int MAX_RECIPIENTS = 300;
    static final int MAX_ATTACHMENTS = 100;
    static final int MAX_SUBJECT = 1000;
    private static final int MAX_REPORT_BYTES = 64 * 1024;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private MessageMapper() {
    }

    /** Reads one header field by name: all its values joined, or null when absent. */
    @FunctionalInterface
    interface HeaderFields {
        String get(String name) throws MessagingException;
    }

    /**
     * Envelope, structure and the header fields beyond them, from a message whose header is at hand
     * (a parsed file, or an IMAP message fetched with {@link #HEADERS}); throws only when even the
     * envelope can't be read.
     */
    static MailMessage headers(Message message, String folder, FolderRole role, long uid) throws MessagingException {
        return withHeaderFields(outline(message, folder, role, uid), name -> header(message, name));
    }

    /**
     * What the IMAP ENVELOPE and BODYSTRUCTURE tell, which a server answers from its index without
     * opening the message: ids, date, addresses, subject, type and attachments (In-Reply-To too, from
     * the envelope). Never asks an IMAP message for a header field, which would cost a round trip each.
     * Marked {@link MailMessage#outline()} until {@link #withHeaderFields} completes it.
     */
    static MailMessage outline(Message message, String folder, FolderRole role, long uid) throws MessagingException {
        List<String> defects = new ArrayList<>();
        // From the ENVELOPE already fetched: asking for the header would cost a round trip per message.
        String rawId = message instanceof jakarta.mail.internet.MimeMessage mime ? mime.getMessageID() : header(message, "Message-ID");
        Instant sentAt = sentAt(message.getSentDate(), message::getReceivedDate, defects);
        String contentType = "text/plain";
        List<Attachment> attachments = new ArrayList<>();
        DeliveryReport report = null;
        try {
            contentType = message.getContentType();
            collectAttachments(message, attachments, 0);
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
                report = readReport(message);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            defects.add("unreadable MIME structure (" + e.getClass().getSimpleName() + "); attachments unknown");
        }
        String inReplyTo = message instanceof org.eclipse.angus.mail.imap.IMAPMessage imap ? imap.getInReplyTo()
                : header(message, "In-Reply-To");
        return assemble(folder, role, uid, rawId, inReplyTo, sentAt, contentType, attachments, report, defects,
                type -> message.getRecipients(type), () -> subject(message, defects), message::getFrom);
    }

    /**
     * The same outline from the items of a {@code UID FETCH} (see {@link OutlineFetch}): what Jakarta Mail's
     * IMAPMessage would answer, read from its ENVELOPE and BODYSTRUCTURE without the Message API. For
     * {@link OutlineFetch.Fetched#plain()} messages only; a delivery report is read through {@link #outline(Message, String, FolderRole, long)}.
     */
    static MailMessage outline(OutlineFetch.Fetched item, String folder, FolderRole role) throws MessagingException {
        List<String> defects = new ArrayList<>();
        org.eclipse.angus.mail.imap.protocol.ENVELOPE envelope = item.envelope();
        Instant sentAt = sentAt(envelope.date, item::internalDate, defects);
        String contentType = "text/plain";
        List<Attachment> attachments = new ArrayList<>();
        try {
            contentType = OutlineFetch.contentType(item.structure());
            OutlineFetch.collectAttachments(item.structure(), attachments, 0);
        } catch (RuntimeException e) {
            defects.add("unreadable MIME structure (" + e.getClass().getSimpleName() + "); attachments unknown");
        }
        return assemble(folder, role, item.uid(), envelope.messageId, envelope.inReplyTo, sentAt, contentType, attachments, null, defects,
                type -> type == Message.RecipientType.TO ? envelope.to : envelope.cc,
                () -> envelopeSubject(envelope.subject),
                // As IMAPMessage.getFrom: the Sender when there is no From.
                () -> envelope.from == null || envelope.from.length == 0 ? envelope.sender : envelope.from);
    }

    /** The Date header's time, else the arrival time with a defect; neither: unreadable. */
    private static Instant sentAt(java.util.Date sent, Field<java.util.Date> arrived, List<String> defects) throws MessagingException {
        if (sent != null) {
            return sent.toInstant();
        }
        java.util.Date at = arrived.get();
        if (at == null) {
            throw new MessagingException("no Date header and no arrival time");
        }
        defects.add("no usable Date header; used the server's arrival time");
        return at.toInstant();
    }

    @FunctionalInterface
    private interface Recipients {
        jakarta.mail.Address[] of(Message.RecipientType type) throws MessagingException;
    }

    @FunctionalInterface
    private interface Field<T> {
        T get() throws MessagingException;
    }

    /** The outline from what either source read; the order of the checks keeps the defects in one order. */
    private static MailMessage assemble(String folder, FolderRole role, long uid, String rawId, String inReplyTo, Instant sentAt,
                                       String contentType, List<Attachment> attachments, DeliveryReport report, List<String> defects,
                                       Recipients recipients, Field<String> subjectField, Field<jakarta.mail.Address[]> from)
            throws MessagingException {
        String messageId = first(ids(rawId));
        if (rawId != null && rawId.length() > MAX_ID) {
            messageId = null;
            defects.add("Message-ID over " + MAX_ID + " characters; ignored");
        }
        List<Address> to = capped(addresses(recipients.of(Message.RecipientType.TO), defects), MAX_RECIPIENTS, false);
        List<Address> cc = capped(addresses(recipients.of(Message.RecipientType.CC), defects), MAX_RECIPIENTS, false);
        String subject = subjectField.get();
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT);
        }
        return new MailMessage(folder, role, uid, messageId, capped(ids(inReplyTo), MAX_REFERENCES, true), List.of(),
                first(addresses(from.get(), defects)), to, cc, subject, sentAt, contentType, Map.of(),
                capped(attachments, MAX_ATTACHMENTS, false), null, report, defects, null, true);
    }

    /** The envelope's subject decoded as IMAPMessage.getSubject decodes it; "" when there is none. */
    private static String envelopeSubject(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(jakarta.mail.internet.MimeUtility.unfold(EightBit.utf8IfValid(raw)));
        } catch (java.io.UnsupportedEncodingException e) {
            return EightBit.utf8IfValid(raw);
        }
    }

    /** The outline completed with the header fields in {@link #HEADERS}: threading, automatic-reply markers, Date. */
    static MailMessage withHeaderFields(MailMessage outline, HeaderFields fields) throws MessagingException {
        Map<String, String> headers = new HashMap<>();
        for (String name : HEADERS) {
            String value = fields.get(name);
            if (value != null) {
                headers.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        List<String> references = capped(ids(headers.get("references")), MAX_REFERENCES, true);
        List<String> inReplyTo = headers.containsKey("in-reply-to") ? capped(ids(headers.get("in-reply-to")), MAX_REFERENCES, true)
                : outline.inReplyTo();
        return new MailMessage(outline.folder(), outline.role(), outline.uid(), outline.messageId(), inReplyTo, references,
                outline.from(), outline.to(), outline.cc(), outline.subject(), outline.sentAt(), outline.contentType(), headers,
                outline.attachments(), outline.bodyText(), outline.report(), outline.defects(), outline.calendarText(), false);
    }

    private static void collectAttachments(Part part, List<Attachment> out, int depth) throws MessagingException, IOException {
        if (depth > 10) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectAttachments(multipart.getBodyPart(i), out, depth + 1);
            }
            return;
        }
        if (depth == 0) {
            return; // a single-part message is its own body, not an attachment
        }
        String fileName = decodeFileName(part.getFileName());
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (fileName != null || (attached && !part.isMimeType("message/*")) || part.isMimeType("text/calendar")) {
            String name = fileName != null && fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
            out.add(new Attachment(name, baseType(part.getContentType()), Math.max(part.getSize(), 0)));
        }
    }

    /**
     * Outlook and others put RFC 2047 words in file names, which RFC 2231 does not allow. Jakarta Mail
     * decodes them only under a JVM-wide system property; decoding here keeps that global untouched.
     */
    static String decodeFileName(String name) {
        if (name == null || !name.contains("=?")) {
            return name;
        }
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return name;
        }
    }

    /** The failed recipients and original Message-ID of a delivery report, read from its small parts. */
    private static DeliveryReport readReport(Message message) throws MessagingException, IOException {
        Multipart multipart = (Multipart) message.getContent();
        String status = null;
        String original = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                status = readCapped(part);
            } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")
                    || part.isMimeType("message/global-headers")) {
                original = readCapped(part);
            }
        }
        return status == null ? null : DeliveryReports.parse(status, original);
    }

    private static String readCapped(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_REPORT_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : String.join(" ", values);
    }

    private static jakarta.mail.Address[] recipients(Message message, Message.RecipientType type) throws MessagingException {
        return message.getRecipients(type);
    }

    private static List<Address> addresses(jakarta.mail.Address[] raw, List<String> defects) {
        List<Address> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (jakarta.mail.Address a : raw) {
            if (a instanceof InternetAddress ia && ia.getAddress() != null && !ia.getAddress().isBlank()) {
                if (ia.isGroup()) {
                    continue; // "undisclosed-recipients:;" and the like
                }
                out.add(new Address(EightBit.utf8IfValid(ia.getPersonal()), ia.getAddress()));
            } else if (a != null) {
                defects.add("an address could not be parsed");
            }
        }
        return out;
    }

    private static String subject(Message message, List<String> defects) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : EightBit.utf8IfValid(subject);
        } catch (MessagingException e) {
            defects.add("subject could not be decoded");
            return "";
        }
    }

    /** At most {@code max} items: the last ones for references (nearest the message), else the first. */
    private static <T> List<T> capped(List<T> items, int max, boolean keepLast) {
        if (items.size() <= max) {
            return items;
        }
        return new ArrayList<>(keepLast ? items.subList(items.size() - max, items.size()) : items.subList(0, max));
    }

    static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            if (m.group().length() <= MAX_ID && !ids.contains(m.group())) {
                ids.add(m.group());
            }
        }
        return ids;
    }

    private static <T> T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.internet.ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }
}
