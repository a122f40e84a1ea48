package dev.tickler.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as the core sees it: plain data mapped from the protocol at the edge, with no lazy
 * handle back to a server.
 *
 * @param folder        the server's folder name
 * @param role          why the folder is read
 * @param uid           the folder-local id (IMAP UID)
 * @param messageId     the Message-ID header with angle brackets, or null when the message has none
 * @param inReplyTo     In-Reply-To message ids
 * @param references    References message ids, oldest first
 * @param sentAt        the Date header, else the server's arrival time (see {@code dateFromServer})
 * @param headers       the few extra header fields the classifiers read (lower-case names)
 * @param bodyText      the text body, only for messages whose text matters; never logged or stored
 * @param report        the parsed delivery-status report of a bounce, or null
 * @param defects       what was wrong with the message and how it was read anyway (for logs and explain)
 * @param calendarText  the iCalendar text of its invitation part ({@code text/calendar}, an .ics file),
 *                      or null; read into meetings during sync and, like the body, never stored or logged
 * @param outline       read in outline only: envelope and structure, without the header fields beyond them
 *                      (References, automatic-reply markers, List-Id, the Date's offset), because it came from
 *                      nobody the rep has written to and answers nothing of theirs (see {@code Correspondents})
 */
public record MailMessage(
        String folder,
        FolderRole role,
        long uid,
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        Address from,
        List<Address> to,
        List<Address> cc,
        String subject,
        Instant sentAt,
        String contentType,
        Map<String, String> headers,
        List<Attachment> attachments,
        String bodyText,
        DeliveryReport report,
        List<String> defects,
        String calendarText,
        boolean outline) {

    public MailMessage {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(role, "role");
        inReplyTo = copy(inReplyTo);
        references = copy(references);
        to = copy(to);
        cc = copy(cc);
        subject = subject == null ? "" : subject;
        contentType = contentType == null ? "text/plain" : contentType;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        attachments = copy(attachments);
        defects = copy(defects);
    }

    /** An immutable copy; none for null (the store leaves empty lists out). */
    public static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Without a body or an invitation. */
    public MailMessage(String folder, FolderRole role, long uid, String messageId, List<String> inReplyTo, List<String> references,
                       Address from, List<Address> to, List<Address> cc, String subject, Instant sentAt, String contentType,
                       Map<String, String> headers, List<Attachment> attachments, String bodyText, DeliveryReport report,
                       List<String> defects) {
        this(folder, role, uid, messageId, inReplyTo, references, from, to, cc, subject, sentAt, contentType, headers, attachments,
                bodyText, report, defects, null, false);
    }

    /** The same message without its body text and invitation: what is stored. */
    public MailMessage withoutBody() {
        return new MailMessage(folder, role, uid, messageId, inReplyTo, references, from, to, cc, subject, sentAt,
                contentType, headers, attachments, null, report, defects, null, outline);
    }

    public MailMessage withBody(String text) {
        return new MailMessage(folder, role, uid, messageId, inReplyTo, references, from, to, cc, subject, sentAt,
                contentType, headers, attachments, text, report, defects, calendarText, outline);
    }

    /** The same message with the text of its invitation part and any defect reading it. */
    public MailMessage withCalendar(String text, List<String> allDefects) {
        return new MailMessage(folder, role, uid, messageId, inReplyTo, references, from, to, cc, subject, sentAt,
                contentType, headers, attachments, bodyText, report, allDefects, text, outline);
    }

    /** Every recipient, To then Cc. */
    public List<Address> recipients() {
        List<Address> all = new ArrayList<>(to);
        all.addAll(cc);
        return all;
    }

    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /** Every message id this one points at: In-Reply-To and References. */
    public List<String> parentIds() {
        List<String> ids = new ArrayList<>(references);
        for (String id : inReplyTo) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** A short id for logs: folder and UID, never an address or subject. */
    public String logId() {
        return folder + "#" + uid;
    }
}
