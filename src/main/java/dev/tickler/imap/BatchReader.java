package dev.tickler.imap;

import dev.tickler.mail.FolderBatch;
import dev.tickler.mail.FolderCursor;
import dev.tickler.mail.MailFolder;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.MailboxSource;
import dev.tickler.mail.MailboxSource.ReadPolicy;
import dev.tickler.mail.SkippedMessage;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one batch in up to three pipelined steps, never message by message (except a delivery report,
 * whose parts Jakarta Mail reads per message while mapping):
 * <ol>
 *   <li>the outline of every message: one {@code UID FETCH} of UID, FLAGS, INTERNALDATE, ENVELOPE and
 *       BODYSTRUCTURE, which a server like Dovecot answers from its index without opening a message file,
 *       mapped from the items themselves ({@link OutlineFetch});</li>
 *   <li>for the messages the policy wants in full (the rep's mail to outsiders, mail from people they wrote
 *       to, answers to it, anything automatic, invitations): the header fields beyond the envelope, together
 *       with the text part where the outline already shows it is wanted and the invitation part, in one FETCH
 *       per kind, so that each file is opened once;</li>
 *   <li>the text of the few whose header fields showed it is wanted after all (an out-of-office reply).</li>
 * </ol>
 * Everything else is kept as its outline ({@link MailMessage#outline()}). A message that can't be read is
 * recorded as skipped; one with defects is kept with them; unsent drafts, and mail the policy does not keep
 * (too old to matter, no invitation), are passed over.
 */
final class BatchReader {

    private static final Logger log = LoggerFactory.getLogger(BatchReader.class);
    /** An invitation is a few KB; anything past this is not one we can use. */
    static final int MAX_CALENDAR_BYTES = 128 * 1024;
    /** UIDs per command for the messages read through the Message API (at most 11 characters each). */
    static final int FALLBACK_UIDS_PER_COMMAND = 300;

    private BatchReader() {
    }

    /**
     * Reads these UIDs in batches of {@code batchSize}, handing each to {@code sink} in order; returns the highest UID
     * of the batches read (0 for none). The first steps of the next few batches are written before one is completed
     * and handed on ({@link Pipeline}): the server answers them while Tickler works, and a link's latency is paid about
     * once, not per batch.
     */
    static long readAll(String mailboxId, IMAPFolder folder, MailFolder mailFolder, long uidValidity, List<Long> uids,
                        java.util.Set<Long> receivedLongAgo, int batchSize, ReadPolicy policy, MailboxSource.BatchSink sink)
            throws MessagingException {
        Pipeline pipeline = new Pipeline(folder);
        List<List<Long>> slices = new ArrayList<>();
        for (int from = 0; from < uids.size(); from += batchSize) {
            slices.add(uids.subList(from, Math.min(uids.size(), from + batchSize)));
        }
        java.util.ArrayDeque<Ahead> asked = new java.util.ArrayDeque<>();
        java.util.Iterator<List<Long>> toAsk = slices.iterator();
        int ahead = batchesAhead(batchSize);
        Next topUp = () -> {
            while (toAsk.hasNext() && asked.size() < ahead) {
                asked.add(ask(pipeline, toAsk.next(), receivedLongAgo));
            }
        };
        long lastUid = 0;
        for (int i = 0; i < slices.size(); i++) {
            topUp.ask();
            FolderBatch batch = read(mailboxId, folder, mailFolder, uidValidity, asked.poll(), policy, pipeline, topUp);
            lastUid = Math.max(lastUid, batch.cursor().lastUid());
            sink.accept(batch); // the store may make the reader wait here: the server answers the next batches meanwhile
        }
        return lastUid;
    }

    /**
     * How many later batches' first steps may be in flight while one is read: up to {@value #MESSAGES_AHEAD}
     * messages' worth, at least one batch. Their commands are a few KB, which the connection's buffers take while
     * the server answers. Their answers come before a batch's details on the wire, so they are read into memory while
     * the details are awaited: a few MB of parsed outlines for 2,000 messages.
     */
    static int batchesAhead(int batchSize) {
        return Math.max(1, MESSAGES_AHEAD / Math.max(1, batchSize));
    }

    static final int MESSAGES_AHEAD = 2000;

    /**
     * The first step of a batch, written to the server before the batch is read ({@link #ask}): the structure of
     * the messages received long ago, the outline of the rest.
     */
    static final class Ahead {
        private final List<Long> uids;
        private final List<Long> old;
        private final List<Pipeline.Command> structures;
        private final List<Pipeline.Command> outlines;

        private Ahead(List<Long> uids, List<Long> old, List<Pipeline.Command> structures, List<Pipeline.Command> outlines) {
            this.uids = uids;
            this.old = old;
            this.structures = structures;
            this.outlines = outlines;
        }
    }

    /**
     * Writes the first step of a batch of these UIDs without waiting for the answer.
     *
     * @param receivedLongAgo UIDs the server received before the policy's oldest kept mail (by INTERNALDATE): only
     *                        their structure is fetched, and only those that may carry an invitation are read on
     */
    static Ahead ask(Pipeline pipeline, List<Long> uids, java.util.Set<Long> receivedLongAgo) throws MessagingException {
        List<Long> old = receivedLongAgo.isEmpty() ? List.of() : uids.stream().filter(receivedLongAgo::contains).toList();
        List<Long> rest = old.isEmpty() ? uids : uids.stream().filter(uid -> !receivedLongAgo.contains(uid)).toList();
        return new Ahead(uids, old, old.isEmpty() ? List.of() : OutlineFetch.askStructures(pipeline, old),
                rest.isEmpty() ? List.of() : OutlineFetch.askOutlines(pipeline, rest));
    }

    /** What to do once a batch's first answers are read: write the next batch's {@link #ask}, so the server works on it meanwhile. */
    @FunctionalInterface
    interface Next {
        void ask() throws MessagingException;
    }

    /**
     * Reads the batch {@code ahead} asked for. Everything goes through {@code pipeline}, which may hold commands
     * for later batches (the Message API, for the few messages that need it, drains it first); {@code next} is
     * called once the batch no longer needs the Message API, before its details are fetched.
     */
    static FolderBatch read(String mailboxId, IMAPFolder folder, MailFolder mailFolder, long uidValidity, Ahead ahead,
                            ReadPolicy policy, Pipeline pipeline, Next next) throws MessagingException {
        List<Long> uids = ahead.uids;
        long lastUid = uids.stream().mapToLong(Long::longValue).max().orElse(0);
        int passedOver = 0;
        Map<Long, OutlineFetch.Fetched> fetched = new HashMap<>();
        if (!ahead.old.isEmpty()) {
            Map<Long, org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE> structures = OutlineFetch.structures(pipeline, ahead.structures);
            java.util.Set<Long> over = new java.util.HashSet<>();
            List<Long> readOn = new ArrayList<>();
            for (long uid : ahead.old) {
                // Not answered: read on, and the outline step tells expunged from unreadable.
                if (structures.containsKey(uid) && !OutlineFetch.mayHoldInvitation(structures.get(uid))) {
                    over.add(uid);
                } else {
                    readOn.add(uid);
                }
            }
            passedOver = over.size();
            uids = uids.stream().filter(uid -> !over.contains(uid)).toList();
            if (!readOn.isEmpty()) {
                fetched.putAll(OutlineFetch.outlines(pipeline, OutlineFetch.askOutlines(pipeline, readOn)));
            }
        }
        fetched.putAll(OutlineFetch.outlines(pipeline, ahead.outlines));
        List<MailMessage> outlines = new ArrayList<>();
        Map<Long, Structure> found = new HashMap<>();
        Map<Long, BodyFetcher.Request> requests = new HashMap<>();
        List<SkippedMessage> skipped = new ArrayList<>();
        Map<Long, Message> throughJakartaMail = fallback(folder, pipeline, uids, fetched);
        for (long uid : uids) {
            OutlineFetch.Fetched item = fetched.get(uid);
            Structure structure;
            if (mapped(item)) {
                structure = new Structure(item, null);
            } else {
                Message m = throughJakartaMail.get(uid);
                if (m == null) {
                    continue; // expunged meanwhile
                }
                structure = new Structure(null, m);
            }
            if (structure.draft()) {
                continue; // an unsent draft (the rep's or Tickler's, e.g. in [Gmail]/All Mail) is nobody's message yet
            }
            MailMessage outline;
            try {
                outline = structure.outline(mailFolder, uid);
            } catch (MessagingException | RuntimeException e) {
                if (e instanceof jakarta.mail.FolderClosedException || e instanceof jakarta.mail.StoreClosedException) {
                    throw (MessagingException) e;
                }
                SkippedMessage s = new SkippedMessage(mailFolder.name(), uid, structure.safeMessageId(), FailureText.oneLine(e));
                // The exception text may quote a header (an address): only its type at WARN.
                log.warn("Mailbox {} message {}: skipped, unreadable ({})", mailboxId, s.logId(), e.getClass().getSimpleName());
                log.debug("Mailbox {} message {}: {}", mailboxId, s.logId(), s.reason());
                skipped.add(s);
                continue;
            }
            // Outside the catch: the policy failing (its store, say) fails the batch instead of skipping its messages.
            BodyFetcher.TextPart invitation = outline.attachments().stream().anyMatch(BatchReader::mayBeInvitation)
                    ? structure.calendar().orElse(null) : null;
            if (invitation == null && !policy.keeps(outline)) {
                passedOver++;
                continue;
            }
            if (policy.wantsDetail(outline) || invitation != null) {
                BodyFetcher.TextPart text = policy.wantsBody(outline) ? structure.text().orElse(null) : null;
                requests.put(uid, new BodyFetcher.Request(text, invitation));
                found.put(uid, structure);
            }
            outlines.add(outline);
        }
        next.ask(); // the Message API is done with: the server reads the next batch's outline while this one is completed
        Map<Long, BodyFetcher.Detail> details = BodyFetcher.fetchDetails(pipeline, requests);
        if (!throughJakartaMail.isEmpty()) {
            // Below, a message read through the Message API may ask the server for its structure itself. A server that
            // answers in order has answered everything by now; one that does not may still owe the batches asked ahead.
            pipeline.drain();
        }
        List<MailMessage> messages = new ArrayList<>(outlines.size());
        Map<Long, BodyFetcher.TextPart> laterBodies = new HashMap<>();
        for (MailMessage outline : outlines) {
            BodyFetcher.Request request = requests.get(outline.uid());
            if (request == null) {
                messages.add(outline);
                continue;
            }
            MailMessage full = complete(outline, request, details.get(outline.uid()));
            if (request.body() == null && policy.wantsBody(full)) {
                found.get(outline.uid()).text().ifPresent(part -> laterBodies.put(outline.uid(), part));
            }
            messages.add(full);
        }
        List<MailMessage> withBodies = withBodies(pipeline, messages, laterBodies);
        for (MailMessage mapped : withBodies) {
            if (!mapped.defects().isEmpty()) {
                log.warn("Mailbox {} message {}: read with defects: {}", mailboxId, mapped.logId(), mapped.defects());
            }
        }
        return new FolderBatch(mailFolder.name(), mailFolder.role(), new FolderCursor(uidValidity, lastUid), withBodies, skipped,
                passedOver);
    }

    /**
     * The messages whose outline can't be read from their FETCH items (a delivery report, an odd structure, no
     * answer for it), through the Message API as before: one FETCH of their UIDs and one of their outline for
     * all of them. Expunged ones are absent.
     */
    private static Map<Long, Message> fallback(IMAPFolder folder, Pipeline pipeline, List<Long> uids, Map<Long, OutlineFetch.Fetched> fetched)
            throws MessagingException {
        long[] wanted = uids.stream().filter(uid -> !mapped(fetched.get(uid))).mapToLong(Long::longValue).toArray();
        if (wanted.length == 0) {
            return Map.of();
        }
        // The Message API reads the connection itself: the answers to the batches asked ahead must be off it first.
        pipeline.drain();
        List<Message> found = new ArrayList<>();
        // Angus writes these UIDs one by one into the command line: a few hundred at a time keeps it short.
        for (int from = 0; from < wanted.length; from += FALLBACK_UIDS_PER_COMMAND) {
            for (Message m : folder.getMessagesByUID(java.util.Arrays.copyOfRange(wanted, from,
                    Math.min(wanted.length, from + FALLBACK_UIDS_PER_COMMAND)))) {
                if (m != null) {
                    found.add(m);
                }
            }
        }
        Message[] messages = found.toArray(new Message[0]);
        folder.fetch(messages, outlineProfile());
        Map<Long, Message> byUid = new HashMap<>();
        for (Message m : messages) {
            byUid.put(folder.getUID(m), m);
        }
        return byUid;
    }

    /** Whether a message's outline is read from its FETCH items; if not, through the Message API. */
    private static boolean mapped(OutlineFetch.Fetched item) {
        return item != null && item.plain();
    }

    /** The outline as Jakarta Mail reads it: FLAGS, ENVELOPE (with INTERNALDATE and size), BODYSTRUCTURE. */
    private static FetchProfile outlineProfile() {
        FetchProfile fp = new FetchProfile();
        fp.add(FetchProfile.Item.FLAGS);
        fp.add(FetchProfile.Item.ENVELOPE);
        fp.add(FetchProfile.Item.CONTENT_INFO);
        fp.add(UIDFolder.FetchProfileItem.UID);
        return fp;
    }

    /** The outline with what the server returned for it: header fields, text, invitation; a defect for what is missing. */
    private static MailMessage complete(MailMessage outline, BodyFetcher.Request request, BodyFetcher.Detail detail)
            throws MessagingException {
        List<String> defects = new ArrayList<>(outline.defects());
        // Wanted in full: without its header fields it is still classified as such (a bounce stays a bounce),
        // just with less to go on.
        InternetHeaders fields = new InternetHeaders();
        if (detail == null || detail.headerFields() == null) {
            // Expunged between the two FETCHes, or a server that answered without them.
            defects.add("header fields not returned by the server; read without them");
        } else {
            try {
                fields = new InternetHeaders(new ByteArrayInputStream(detail.headerFields()));
            } catch (MessagingException | RuntimeException e) {
                defects.add("header fields unreadable (" + e.getClass().getSimpleName() + "); read without them");
            }
        }
        InternetHeaders read = fields;
        MailMessage full = MessageMapper.withHeaderFields(outline, name -> read.getHeader(name, " "));
        String text = detail != null && request.body() != null && detail.body() != null
                ? BodyFetcher.decode(detail.body(), request.body(), defects) : null;
        String calendar = detail != null && request.calendar() != null && detail.calendar() != null
                ? BodyFetcher.decode(detail.calendar(), request.calendar(), defects) : null;
        return full.withBody(text).withCalendar(calendar, defects);
    }

    /** The text bodies the policy asked for, one FETCH per body section for the whole batch. */
    private static List<MailMessage> withBodies(Pipeline pipeline, List<MailMessage> messages, Map<Long, BodyFetcher.TextPart> wanted)
            throws MessagingException {
        if (wanted.isEmpty()) {
            return messages;
        }
        Map<Long, byte[]> raw = new HashMap<>();
        for (Map.Entry<String, List<Long>> group : BodyFetcher.bySection(wanted).entrySet()) {
            raw.putAll(BodyFetcher.fetch(pipeline, group.getKey(), group.getValue()));
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
            out.add(m.withBody(text).withCalendar(m.calendarText(), defects));
        }
        return out;
    }

    /** What BODYSTRUCTURE says could be an invitation (MessageMapper lists text/calendar parts as attachments). */
    private static boolean mayBeInvitation(dev.tickler.mail.Attachment a) {
        return a.mimeType().equals("text/calendar") || a.mimeType().equals("application/ics")
                || a.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".ics");
    }

    /**
     * One message to read: its FETCH items (the usual case), or its Jakarta Mail message when those can't be
     * mapped alone ({@link OutlineFetch.Fetched#plain()}). Answers the same questions either way.
     */
    private record Structure(OutlineFetch.Fetched item, Message message) {

        /** Flagged \\Draft: not sent yet. (A sent copy of Tickler's draft keeps its Message-ID but loses the flag.) */
        boolean draft() {
            if (item != null) {
                return item.draft();
            }
            try {
                return message.isSet(Flags.Flag.DRAFT);
            } catch (MessagingException e) {
                return false;
            }
        }

        MailMessage outline(MailFolder folder, long uid) throws MessagingException {
            return item != null ? MessageMapper.outline(item, folder.name(), folder.role())
                    : MessageMapper.outline(message, folder.name(), folder.role(), uid);
        }

        Optional<BodyFetcher.TextPart> text() {
            return item != null ? OutlineFetch.locate(item.structure()) : BodyFetcher.locate(message);
        }

        Optional<BodyFetcher.TextPart> calendar() {
            return item != null ? OutlineFetch.locateCalendar(item.structure()) : BodyFetcher.locateCalendar(message);
        }

        String safeMessageId() {
            if (item != null) {
                return item.envelope() == null ? null : item.envelope().messageId;
            }
            try {
                return message instanceof jakarta.mail.internet.MimeMessage mime ? mime.getMessageID() : null; // from the envelope
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }
    }
}
