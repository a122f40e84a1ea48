package dev.tickler.imap;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Fetches the text bodies of many messages with one {@code UID FETCH} per body section instead of
 * one round trip per message: the section ("TEXT", "1", "1.1"...) is found in the BODYSTRUCTURE
 * already fetched, and messages sharing it are asked for together, capped at {@link MessageMapper#MAX_BODY_BYTES}.
 */
final class BodyFetcher {

    /** Where a message's text is, and how to decode it. */
    record TextPart(String section, String encoding, String charset, boolean html, Part part) {
    }

    private static final int UIDS_PER_COMMAND = 400;

    private BodyFetcher() {
    }

    /** The first plain-text part not attached (else HTML), from the structure alone; empty when there is none. */
    static Optional<TextPart> locate(Message message) {
        try {
            Optional<TextPart> plain = find(message, "", "text/plain", 0);
            return plain.isPresent() ? plain : find(message, "", "text/html", 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The invitation part: {@code text/calendar} (inline as clients send it, or attached), or an
     * attached {@code .ics} / {@code application/ics} file. Empty when the message has none.
     */
    static Optional<TextPart> locateCalendar(Message message) {
        try {
            return findCalendar(message, "", 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<TextPart> findCalendar(Part part, String path, int depth) throws MessagingException, IOException {
        if (depth > 10) {
            return Optional.empty();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<TextPart> found = findCalendar(multipart.getBodyPart(i), path.isEmpty() ? "" + (i + 1) : path + "." + (i + 1), depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        String name = part.getFileName();
        boolean ics = part.isMimeType("text/calendar") || part.isMimeType("application/ics")
                || (name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".ics"));
        if (!ics || part.isMimeType("message/*")) {
            return Optional.empty();
        }
        String encoding = part instanceof MimeBodyPart b ? b.getEncoding() : part instanceof MimeMessage m ? m.getEncoding() : null;
        String charset = new ContentType(part.getContentType()).getParameter("charset");
        return Optional.of(new TextPart(path.isEmpty() ? "TEXT" : path, encoding, charset == null ? "UTF-8" : charset, false, part));
    }

    private static Optional<TextPart> find(Part part, String path, String type, int depth) throws MessagingException, IOException {
        if (depth > 10) {
            return Optional.empty();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<TextPart> found = find(multipart.getBodyPart(i), path.isEmpty() ? "" + (i + 1) : path + "." + (i + 1), type, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!part.isMimeType(type) || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return Optional.empty();
        }
        String encoding = part instanceof MimeBodyPart b ? b.getEncoding() : part instanceof MimeMessage m ? m.getEncoding() : null;
        String charset = new ContentType(part.getContentType()).getParameter("charset");
        return Optional.of(new TextPart(path.isEmpty() ? "TEXT" : path, encoding, charset, type.equals("text/html"), part));
    }

    /**
     * The raw (still transfer-encoded) bytes of each UID's section, up to {@link MessageMapper#MAX_BODY_BYTES}, one FETCH per {@value #UIDS_PER_COMMAND} UIDs.
     *
     * @throws MessagingException when the server refuses the command
     */
    static Map<Long, byte[]> fetch(IMAPFolder folder, String section, List<Long> uids) throws MessagingException {
        return fetch(new Pipeline(folder), section, uids);
    }

    /** As {@link #fetch(IMAPFolder, String, List)}, after whatever is in flight on this pipeline. */
    static Map<Long, byte[]> fetch(Pipeline pipeline, String section, List<Long> uids) throws MessagingException {
        Map<Long, byte[]> out = new HashMap<>();
        fetchItems(pipeline, uids, "BODY.PEEK[" + section + "]<0." + MessageMapper.MAX_BODY_BYTES + ">",
                (body, uid) -> out.put(uid, body.getByteArray().getNewBytes()));
        return out;
    }

    /** What to read of one message beyond its outline: the header fields, and the text and invitation parts if any. */
    record Request(TextPart body, TextPart calendar) {
        private String items() {
            return "BODY.PEEK[HEADER.FIELDS (" + String.join(" ", MessageMapper.HEADERS) + ")]"
                    + (body == null ? "" : " BODY.PEEK[" + body.section() + "]<0." + MessageMapper.MAX_BODY_BYTES + ">")
                    + (calendar == null ? "" : " BODY.PEEK[" + calendar.section() + "]<0." + BatchReader.MAX_CALENDAR_BYTES + ">");
        }
    }

    /** What came back for a {@link Request}: raw header fields, and the raw (transfer-encoded) parts asked for, else null. */
    record Detail(byte[] headerFields, byte[] body, byte[] calendar) {
    }

    /**
     * The header fields (and the parts asked for) of many messages at once: one FETCH per kind of
     * request (the same sections) per {@value #UIDS_PER_COMMAND} UIDs, so that the server opens each
     * message file once for everything read from it.
     */
    static Map<Long, Detail> fetchDetails(Pipeline pipeline, Map<Long, Request> requests) throws MessagingException {
        Map<String, List<Long>> byItems = new LinkedHashMap<>();
        requests.forEach((uid, request) -> byItems.computeIfAbsent(request.items(), k -> new ArrayList<>()).add(uid));
        Map<Long, byte[][]> parts = new HashMap<>();
        for (Map.Entry<String, List<Long>> group : byItems.entrySet()) {
            fetchItems(pipeline, group.getValue(), group.getKey(), (body, uid) -> {
                Request request = requests.get(uid);
                byte[][] found = parts.computeIfAbsent(uid, u -> new byte[3][]);
                String section = body.getSection() == null ? "" : body.getSection();
                int slot = section.regionMatches(true, 0, "HEADER", 0, 6) ? 0
                        : request != null && request.body() != null && section.equalsIgnoreCase(request.body().section()) ? 1
                        : request != null && request.calendar() != null && section.equalsIgnoreCase(request.calendar().section()) ? 2 : -1;
                if (slot >= 0) {
                    found[slot] = body.getByteArray().getNewBytes();
                }
            });
        }
        Map<Long, Detail> out = new HashMap<>();
        parts.forEach((uid, found) -> out.put(uid, new Detail(found[0], found[1], found[2])));
        return out;
    }

    /**
     * Runs {@code UID FETCH <uids> (UID <items>)} in chunks, all written before the first answer is read (a few KB of
     * commands, which the connection's buffers take while the server answers), and hands over every BODY item
     * returned with its UID.
     */
    private static void fetchItems(Pipeline pipeline, List<Long> uids, String items, java.util.function.ObjLongConsumer<BODY> sink)
            throws MessagingException {
        List<Long> sorted = uids.stream().sorted().toList();
        List<Pipeline.Command> asked = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += UIDS_PER_COMMAND) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + UIDS_PER_COMMAND));
            for (String set : OutlineFetch.uidSets(chunk, OutlineFetch.MAX_SET_CHARS)) {
                asked.add(pipeline.send("UID FETCH " + set + " (UID " + items + ")", chunk, false));
            }
        }
        for (Pipeline.Command command : asked) {
            collect(pipeline.await(command), sink);
        }
    }

    /** Every BODY item of these responses, with its UID. */
    private static void collect(Response[] responses, java.util.function.ObjLongConsumer<BODY> sink) {
        for (Response response : responses) {
            if (response instanceof FetchResponse fetch) {
                UID uid = fetch.getItem(UID.class);
                for (int i = 0; uid != null && i < fetch.getItemCount(); i++) {
                    if (fetch.getItem(i) instanceof BODY body && body.getByteArray() != null) {
                        sink.accept(body, uid.uid);
                    }
                }
            }
        }
    }

    /**
     * HTML as the words a reader sees: scripts, styles and tags dropped, entities decoded ("attached&nbsp;is our
     * proposal &ndash; &euro;&nbsp;12.400"), non-breaking spaces made spaces for the classifier's patterns.
     */
    static String flatten(String html) {
        String text = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ");
        return org.apache.commons.text.StringEscapeUtils.unescapeHtml4(text).replace('\u00A0', ' ');
    }

    /** Decoded text: transfer encoding undone, charset applied, HTML flattened; a defect noted when it can't be. */
    static String decode(byte[] raw, TextPart part, List<String> defects) {
        try (InputStream in = part.encoding() == null ? new ByteArrayInputStream(raw)
                : MimeUtility.decode(new ByteArrayInputStream(raw), part.encoding())) {
            byte[] bytes = in.readAllBytes();
            Charset charset;
            try {
                charset = part.charset() == null ? EightBit.undeclared(bytes) : Charset.forName(MimeUtility.javaCharset(part.charset()));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                defects.add("body in an unknown charset (" + part.charset() + "); not read");
                return null;
            }
            String text = new String(bytes, charset);
            return part.html() ? flatten(text) : text;
        } catch (MessagingException | IOException | RuntimeException e) {
            defects.add("body unreadable (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    /**
     * The text of a message already in memory (a parsed file, or one whose body was fetched): the same
     * location and decoding as the batched path, from the part's raw bytes. Null when there is no text.
     */
    static String textOf(Message message, List<String> defects) {
        Optional<TextPart> part = locate(message);
        if (part.isEmpty()) {
            return null;
        }
        try (InputStream raw = part.get().part() instanceof MimeBodyPart b ? b.getRawInputStream()
                : ((MimeMessage) part.get().part()).getRawInputStream()) {
            return decode(raw.readNBytes(MessageMapper.MAX_BODY_BYTES), part.get(), defects);
        } catch (MessagingException | IOException | RuntimeException e) {
            defects.add("body unreadable (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    /** Groups messages by the section their text is in, keeping order. */
    static Map<String, List<Long>> bySection(Map<Long, TextPart> parts) {
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        parts.forEach((uid, part) -> groups.computeIfAbsent(part.section(), s -> new ArrayList<>()).add(uid));
        return groups;
    }
}
