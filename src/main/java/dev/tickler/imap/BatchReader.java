package dev.tickler.imap;

import dev.tickler.mail.FolderBatch;
import dev.tickler.mail.FolderCursor;
import dev.tickler.mail.MailFolder;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.MailboxSource.BodyPolicy;
import dev.tickler.mail.SkippedMessage;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one batch of messages: a single pipelined FETCH of envelope, structure, flags, UID and the
 * classifier headers, then bodies only where the policy asks. A message that can't be read is
 * recorded as skipped; one with defects is kept with them; unsent drafts are passed over.
 */
final class BatchReader {

    private static final Logger log = LoggerFactory.getLogger(BatchReader.class);
    /** An invitation is a few KB; anything past this is not one we can use. */
    static final int MAX_CALENDAR_BYTES = 128 * 1024;

    private BatchReader() {
    }

    static FolderBatch read(String mailboxId, IMAPFolder folder, MailFolder mailFolder, long uidValidity, List<Message> slice,
                                  BodyPolicy bodies) throws MessagingException {
        Message[] batch = slice.toArray(new Message[0]);
        folder.fetch(batch, fetchProfile());
        List<MailMessage> messages = new ArrayList<>();
        Map<Long, BodyFetcher.TextPart> wanted = new HashMap<>();
        Map<Long, BodyFetcher.TextPart> invitations = new HashMap<>();
        List<SkippedMessage> skipped = new ArrayList<>();
        long lastUid = 0;
        for (Message m : batch) {
            long uid = folder.getUID(m);
            lastUid = Math.max(lastUid, uid);
            if (isDraft(m)) {
                continue; // an unsent draft (the rep's or Tickler's, e.g. in [Gmail]/All Mail) is nobody's message yet
            }
            try {
                MailMessage mapped = MessageMapper.headers(m, mailFolder.name(), mailFolder.role(), uid);
                if (bodies.wantsBody(mapped)) {
                    BodyFetcher.locate(m).ifPresent(part -> wanted.put(uid, part));
                }
                if (mapped.attachments().stream().anyMatch(BatchReader::mayBeInvitation)) {
                    BodyFetcher.locateCalendar(m).ifPresent(part -> invitations.put(uid, part));
                }
                messages.add(mapped);
            } catch (MessagingException | RuntimeException e) {
                if (e instanceof jakarta.mail.FolderClosedException || e instanceof jakarta.mail.StoreClosedException) {
                    throw (MessagingException) e;
                }
                SkippedMessage s = new SkippedMessage(mailFolder.name(), uid, safeMessageId(m), ImapMailbox.oneLine(e));
                // The exception text may quote a header (an address): only its type at WARN.
                log.warn("Mailbox {} message {}: skipped, unreadable ({})", mailboxId, s.logId(), e.getClass().getSimpleName());
                log.debug("Mailbox {} message {}: {}", mailboxId, s.logId(), s.reason());
                skipped.add(s);
            }
        }
        List<MailMessage> withBodies = withInvitations(folder, withBodies(folder, messages, wanted), invitations);
        for (MailMessage mapped : withBodies) {
            if (!mapped.defects().isEmpty()) {
                log.warn("Mailbox {} message {}: read with defects: {}", mailboxId, mapped.logId(), mapped.defects());
            }
        }
        return new FolderBatch(mailFolder.name(), mailFolder.role(), new FolderCursor(uidValidity, lastUid), withBodies, skipped);
    }

    /** The text bodies the policy asked for, one FETCH per body section for the whole batch. */
    private static List<MailMessage> withBodies(IMAPFolder folder, List<MailMessage> messages, Map<Long, BodyFetcher.TextPart> wanted)
            throws MessagingException {
        if (wanted.isEmpty()) {
            return messages;
        }
        Map<Long, byte[]> raw = new HashMap<>();
        for (Map.Entry<String, List<Long>> group : BodyFetcher.bySection(wanted).entrySet()) {
            raw.putAll(BodyFetcher.fetch(folder, group.getKey(), group.getValue()));
        }
        List<MailMessage> out = new ArrayList<>(messages.size());
        for (MailMessage m : messages) {
            BodyFetcher.TextPart part = wanted.get(m.uid());
            if (part == null || !raw.containsKey(m.uid())) {
                out.add(m);
                continue;
            }
            List<String> defects = new ArrayList<>(m.defects());
            String text = BodyFetcher.decode(raw.get(m.uid()), part, defects);
            out.add(new MailMessage(m.folder(), m.role(), m.uid(), m.messageId(), m.inReplyTo(), m.references(), m.from(), m.to(),
                    m.cc(), m.subject(), m.sentAt(), m.contentType(), m.headers(), m.attachments(), text, m.report(), defects));
        }
        return out;
    }

    /** The invitation parts (iCalendar text), one FETCH per section for the whole batch, capped at {@value #MAX_CALENDAR_BYTES} bytes. */
    private static List<MailMessage> withInvitations(IMAPFolder folder, List<MailMessage> messages,
                                                     Map<Long, BodyFetcher.TextPart> wanted) throws MessagingException {
        if (wanted.isEmpty()) {
            return messages;
        }
        Map<Long, byte[]> raw = new HashMap<>();
        for (Map.Entry<String, List<Long>> group : BodyFetcher.bySection(wanted).entrySet()) {
            raw.putAll(BodyFetcher.fetch(folder, group.getKey(), group.getValue(), MAX_CALENDAR_BYTES));
        }
        List<MailMessage> out = new ArrayList<>(messages.size());
        for (MailMessage m : messages) {
            BodyFetcher.TextPart part = wanted.get(m.uid());
            if (part == null || !raw.containsKey(m.uid())) {
                out.add(m);
                continue;
            }
            List<String> defects = new ArrayList<>(m.defects());
            out.add(m.withCalendar(BodyFetcher.decode(raw.get(m.uid()), part, defects), defects));
        }
        return out;
    }

    /** What BODYSTRUCTURE says could be an invitation (MessageMapper lists text/calendar parts as attachments). */
    private static boolean mayBeInvitation(dev.tickler.mail.Attachment a) {
        return a.mimeType().equals("text/calendar") || a.mimeType().equals("application/ics")
                || a.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".ics");
    }

    /** Flagged \\Draft: not sent yet. (A sent copy of Tickler's draft keeps its Message-ID but loses the flag.) */
    private static boolean isDraft(Message m) {
        try {
            return m.isSet(Flags.Flag.DRAFT);
        } catch (MessagingException e) {
            return false;
        }
    }

    private static FetchProfile fetchProfile() {
        FetchProfile fp = new FetchProfile();
        fp.add(FetchProfile.Item.FLAGS);
        fp.add(FetchProfile.Item.ENVELOPE);      // also INTERNALDATE and RFC822.SIZE
        fp.add(FetchProfile.Item.CONTENT_INFO);  // BODYSTRUCTURE: attachment names, types, sizes without downloading
        fp.add(UIDFolder.FetchProfileItem.UID);
        for (String header : MessageMapper.HEADERS) {
            fp.add(header);
        }
        return fp;
    }

    private static String safeMessageId(Message m) {
        try {
            String[] ids = m.getHeader("Message-ID");
            return ids == null ? null : ids[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

}
