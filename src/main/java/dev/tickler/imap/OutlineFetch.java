package dev.tickler.imap;

import dev.tickler.mail.Attachment;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;
import org.eclipse.angus.mail.imap.protocol.ENVELOPE;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * The outline of many messages in one {@code UID FETCH n:m (UID FLAGS INTERNALDATE ENVELOPE BODYSTRUCTURE)},
 * taken straight from the items Angus parsed off the wire.
 *
 * <p>Reading the same items through Jakarta Mail's {@code Message} API (what {@code Folder.fetch} with a
 * FetchProfile gives) costs more than the FETCH itself: the UIDs are first mapped to message numbers with a
 * FETCH of their own, every message stays cached in the open folder, and each content type is printed from
 * BODYSTRUCTURE and parsed again for every question asked of it. Measured on 50,000 messages under the
 * service's JVM options: 0.8 s of CPU for this read against 2.6 s for the Message API and the mapping.
 *
 * <p>Only regular messages are read this way ({@link Fetched#plain()}). A delivery report (whose parts must be
 * read), a structure with an odd type, or a message the server answered without all these items is read
 * through the Message API as before, all such messages of a batch with one FETCH. The result is what the
 * Message API gives; {@code OutlineEquivalenceIT} compares the two on every message of the test corpus. One
 * difference is deliberate: where Jakarta Mail can't parse the Content-Type it printed itself (a parameter
 * name with 8-bit characters), it gives {@code application/octet-stream} and no text part; the type and the
 * part are read here.
 */
final class OutlineFetch {

    static final String ITEMS = "UID FLAGS INTERNALDATE ENVELOPE BODYSTRUCTURE";

    private OutlineFetch() {
    }

    /**
     * One message as the server described it, its items gathered over every FETCH response for it (RFC 3501
     * lets a server split them); any item is null when the server left it out.
     */
    record Fetched(long uid, Flags flags, Date internalDate, ENVELOPE envelope, BODYSTRUCTURE structure) {

        boolean draft() {
            return flags != null && flags.contains(Flags.Flag.DRAFT);
        }

        /** This one's items, with those of a later response for the same message added. */
        Fetched with(Fetched later) {
            return new Fetched(uid, later.flags != null ? later.flags : flags, later.internalDate != null ? later.internalDate : internalDate,
                    later.envelope != null ? later.envelope : envelope, later.structure != null ? later.structure : structure);
        }

        /**
         * Whether the outline can be read from these items alone: all of them present, every type a plain
         * token, multiparts with their parts, and not a delivery report (whose parts must be read; any
         * {@code multipart/report…}, as {@code MessageMapper} tells one by its printed type).
         */
        boolean plain() {
            return flags != null && internalDate != null && envelope != null && structure != null && regular(structure, 0)
                    && !(structure.isMulti() && structure.subtype.toLowerCase(Locale.ROOT).startsWith("report"));
        }

        private static boolean regular(BODYSTRUCTURE bs, int depth) {
            if (depth > 10 || !token(bs.type) || !token(bs.subtype) || bs.type.equalsIgnoreCase("multipart") != bs.isMulti()) {
                return false;
            }
            if (bs.isMulti()) {
                for (BODYSTRUCTURE part : bs.bodies) {
                    if (part == null || !regular(part, depth + 1)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean token(String s) {
            if (s == null || s.isEmpty()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The UIDs from {@code start} up, ascending, from one {@code UID SEARCH} (no message is touched). */
    static List<Long> uidsFrom(IMAPFolder folder, long start) throws MessagingException {
        return search(folder, start, "");
    }

    private static final java.time.format.DateTimeFormatter SEARCH_DATE =
            java.time.format.DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    /**
     * The UIDs from {@code start} up that the server received before {@code day} (INTERNALDATE, which servers
     * keep in their index: {@code UID SEARCH UID n:* BEFORE d-Mon-yyyy}), ascending.
     */
    static List<Long> receivedBefore(IMAPFolder folder, long start, java.time.LocalDate day) throws MessagingException {
        try {
            return search(folder, start, " BEFORE " + SEARCH_DATE.format(day));
        } catch (MessagingException e) {
            if (e.getCause() instanceof org.eclipse.angus.mail.iap.CommandFailedException
                    || e.getCause() instanceof org.eclipse.angus.mail.iap.BadCommandException) {
                return List.of(); // a server that refuses the search: every message gets its outline, which tells its age too
            }
            throw e;
        }
    }

    private static List<Long> search(IMAPFolder folder, long start, String criteria) throws MessagingException {
        List<Long> uids = new ArrayList<>();
        for (Response response : new Pipeline(folder).run("UID SEARCH UID " + start + ":*" + criteria, List.of(), false)) {
            if (response instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                long uid;
                while ((uid = ir.readLong()) != -1) {
                    // "n:*" includes the highest UID even when it is below n (RFC 3501 §6.4.8).
                    if (uid >= start) {
                        uids.add(uid);
                    }
                }
            }
        }
        uids.sort(null);
        return uids;
    }

    /**
     * The outline items of these UIDs. UIDs gone from the folder, or whose items the server could not give
     * (it may answer NO for those and still send the rest), are simply absent; a BAD or a lost connection
     * fails the call.
     */
    static Map<Long, Fetched> fetch(IMAPFolder folder, List<Long> uids) throws MessagingException {
        Pipeline pipeline = new Pipeline(folder);
        return outlines(pipeline, askOutlines(pipeline, uids));
    }

    /** The outline FETCHes of these UIDs, written without waiting; {@link #outlines} reads their answers. */
    static List<Pipeline.Command> askOutlines(Pipeline pipeline, List<Long> uids) throws MessagingException {
        return ask(pipeline, uids, ITEMS);
    }

    /** {@code UID FETCH set (items)} for these UIDs, sets cut under {@link #MAX_SET_CHARS}; a NO keeps what came before it. */
    private static List<Pipeline.Command> ask(Pipeline pipeline, List<Long> uids, String items) throws MessagingException {
        List<Pipeline.Command> asked = new ArrayList<>();
        for (String set : uidSets(uids, MAX_SET_CHARS)) {
            asked.add(pipeline.send("UID FETCH " + set + " (" + items + ")", uids, true));
        }
        return asked;
    }

    /** The outline items the server answered to these FETCHes, as {@link #fetch}. */
    static Map<Long, Fetched> outlines(Pipeline pipeline, List<Pipeline.Command> asked) throws MessagingException {
        Map<Long, Fetched> out = new LinkedHashMap<>();
        for (Pipeline.Command command : asked) {
            for (Response response : pipeline.await(command)) {
                if (response instanceof FetchResponse fetch) {
                    UID uid = fetch.getItem(UID.class);
                    if (uid == null) {
                        continue; // an unsolicited flag change, not an answer
                    }
                    INTERNALDATE arrived = fetch.getItem(INTERNALDATE.class);
                    Fetched item = new Fetched(uid.uid, fetch.getItem(FLAGS.class), arrived == null ? null : arrived.getDate(),
                            fetch.getItem(ENVELOPE.class), fetch.getItem(BODYSTRUCTURE.class));
                    out.merge(uid.uid, item, Fetched::with);
                }
            }
        }
        return out;
    }

    /**
     * The FETCHes of these UIDs' structure alone ({@code UID FETCH set (UID BODYSTRUCTURE)}, about a quarter of the
     * outline's cost on Dovecot: enough to tell whether a message may carry an invitation), written without waiting;
     * {@link #structures} reads their answers, where UIDs not answered are absent.
     */
    static List<Pipeline.Command> askStructures(Pipeline pipeline, List<Long> uids) throws MessagingException {
        return ask(pipeline, uids, "UID BODYSTRUCTURE");
    }

    static Map<Long, BODYSTRUCTURE> structures(Pipeline pipeline, List<Pipeline.Command> asked) throws MessagingException {
        Map<Long, BODYSTRUCTURE> out = new java.util.HashMap<>();
        for (Pipeline.Command command : asked) {
            for (Response response : pipeline.await(command)) {
                if (response instanceof FetchResponse fetch) {
                    UID uid = fetch.getItem(UID.class);
                    BODYSTRUCTURE structure = fetch.getItem(BODYSTRUCTURE.class);
                    if (uid != null && structure != null) {
                        out.put(uid.uid, structure);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether a part anywhere in this structure, nested messages included, may be an invitation: text/calendar,
     * application/ics or a file named .ics. True too where the structure can't be told (read the message whole).
     */
    static boolean mayHoldInvitation(BODYSTRUCTURE bs) {
        return mayHoldInvitation(bs, 0);
    }

    private static boolean mayHoldInvitation(BODYSTRUCTURE bs, int depth) {
        if (bs == null || depth > 10 || bs.type == null || bs.subtype == null) {
            return true;
        }
        if (bs.bodies != null) {
            for (BODYSTRUCTURE part : bs.bodies) {
                if (mayHoldInvitation(part, depth + 1)) {
                    return true;
                }
            }
        }
        if (bs.isMulti()) {
            return false;
        }
        return calendarType(bs, depth);
    }

    /** text/calendar, application/ics, or a file named .ics: what the outline lists as a possible invitation. */
    private static boolean calendarType(BODYSTRUCTURE bs, int depth) {
        String name = fileName(bs, depth);
        return is(bs, "text", "calendar") || is(bs, "application", "ics") || (name != null && name.toLowerCase(Locale.ROOT).endsWith(".ics"));
    }

    /**
     * A command line's UID set is kept under this many characters: RFC 7162 asks clients to keep lines
     * under 8,192 octets, and some servers refuse long ones. UIDs read again are rarely contiguous.
     */
    static final int MAX_SET_CHARS = 4000;

    /**
     * IMAP sequence sets for ascending UIDs, runs written as ranges ({@code 3:7,9,12:40}), cut into sets of at most
     * {@code maxChars} characters (any order gives valid sets, only less compact ones).
     */
    static List<String> uidSets(List<Long> sorted, int maxChars) {
        List<String> sets = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            String run = j > i ? sorted.get(i) + ":" + sorted.get(j) : String.valueOf(sorted.get(i));
            if (set.length() > 0 && set.length() + 1 + run.length() > maxChars) {
                sets.add(set.toString());
                set.setLength(0);
            }
            set.append(set.length() == 0 ? "" : ",").append(run);
            i = j + 1;
        }
        if (set.length() > 0) {
            sets.add(set.toString());
        }
        return sets;
    }

    // What Jakarta Mail answers for an IMAPMessage or IMAPBodyPart, read from the structure directly.

    /** The Content-Type Jakarta Mail prints for a part from its structure. */
    static String contentType(BODYSTRUCTURE bs) {
        return new ContentType(bs.type, bs.subtype, bs.cParams).toString();
    }

    /** The attachments, as {@code MessageMapper} lists them from a message's parts. */
    static void collectAttachments(BODYSTRUCTURE bs, List<Attachment> out, int depth) {
        if (depth > 10) {
            return;
        }
        if (bs.isMulti()) {
            for (BODYSTRUCTURE part : bs.bodies) {
                collectAttachments(part, out, depth + 1);
            }
            return;
        }
        if (depth == 0) {
            return; // a single-part message is its own body, not an attachment
        }
        String fileName = MessageMapper.decodeFileName(fileName(bs, depth));
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(bs.disposition);
        if (fileName != null || (attached && !bs.type.equalsIgnoreCase("message")) || is(bs, "text", "calendar")) {
            String name = fileName != null && fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
            out.add(new Attachment(name, (bs.type + "/" + bs.subtype).toLowerCase(Locale.ROOT), Math.max(bs.size, 0)));
        }
    }

    /** The first plain-text part not attached (else HTML), as {@link BodyFetcher#locate} finds it. */
    static Optional<BodyFetcher.TextPart> locate(BODYSTRUCTURE bs) {
        Optional<BodyFetcher.TextPart> plain = find(bs, "", "plain", 0);
        return plain.isPresent() ? plain : find(bs, "", "html", 0);
    }

    /** The invitation part, as {@link BodyFetcher#locateCalendar} finds it. */
    static Optional<BodyFetcher.TextPart> locateCalendar(BODYSTRUCTURE bs) {
        return findCalendar(bs, "", 0);
    }

    private static Optional<BodyFetcher.TextPart> find(BODYSTRUCTURE bs, String path, String textType, int depth) {
        if (depth > 10) {
            return Optional.empty();
        }
        if (bs.isMulti()) {
            for (int i = 0; i < bs.bodies.length; i++) {
                Optional<BodyFetcher.TextPart> found = find(bs.bodies[i], section(path, i), textType, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!is(bs, "text", textType) || Part.ATTACHMENT.equalsIgnoreCase(bs.disposition)) {
            return Optional.empty();
        }
        return Optional.of(new BodyFetcher.TextPart(path.isEmpty() ? "TEXT" : path, bs.encoding, parameter(bs, "charset"),
                textType.equals("html"), null));
    }

    private static Optional<BodyFetcher.TextPart> findCalendar(BODYSTRUCTURE bs, String path, int depth) {
        if (depth > 10) {
            return Optional.empty();
        }
        if (bs.isMulti()) {
            for (int i = 0; i < bs.bodies.length; i++) {
                Optional<BodyFetcher.TextPart> found = findCalendar(bs.bodies[i], section(path, i), depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!calendarType(bs, depth) || bs.type.equalsIgnoreCase("message")) {
            return Optional.empty();
        }
        String charset = parameter(bs, "charset");
        return Optional.of(new BodyFetcher.TextPart(path.isEmpty() ? "TEXT" : path, bs.encoding, charset == null ? "UTF-8" : charset,
                false, null));
    }

    private static String section(String path, int index) {
        return path.isEmpty() ? Integer.toString(index + 1) : path + "." + (index + 1);
    }

    private static boolean is(BODYSTRUCTURE bs, String type, String subtype) {
        return bs.type.equalsIgnoreCase(type) && bs.subtype.equalsIgnoreCase(subtype);
    }

    private static String parameter(BODYSTRUCTURE bs, String name) {
        return bs.cParams == null ? null : bs.cParams.get(name);
    }

    /**
     * The file name as Angus gives it: the disposition's filename, else the type's name (a part also
     * falls back when the filename is empty, a whole message only when it is absent).
     */
    private static String fileName(BODYSTRUCTURE bs, int depth) {
        String name = bs.dParams == null ? null : bs.dParams.get("filename");
        if ((name == null || (depth > 0 && name.isEmpty())) && bs.cParams != null) {
            name = bs.cParams.get("name");
        }
        return name;
    }
}
