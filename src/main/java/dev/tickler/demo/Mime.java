package dev.tickler.demo;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A small builder for the realistic messages of the demo world (and of the integration tests):
 * proposals with attachments, replies, auto-replies and RFC 3464 bounces.
 */
public final class Mime {

    private static final Session SESSION = Session.getInstance(new Properties());

    private String messageId;
    private String from;
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private String subject = "";
    private Instant date;
    private String text = "";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<MimeBodyPart> attachments = new ArrayList<>();
    private String[] report; // delivery-status text, original headers

    public static Mime message() {
        return new Mime();
    }

    public Mime id(String id) {
        this.messageId = id;
        return this;
    }

    /** "Name <address>" or a bare address. */
    public Mime from(String address) {
        this.from = address;
        return this;
    }

    public Mime to(String... addresses) {
        to.addAll(List.of(addresses));
        return this;
    }

    public Mime cc(String... addresses) {
        cc.addAll(List.of(addresses));
        return this;
    }

    public Mime subject(String s) {
        this.subject = s;
        return this;
    }

    public Mime date(Instant d) {
        this.date = d;
        return this;
    }

    public Mime text(String t) {
        this.text = t;
        return this;
    }

    public Mime header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** In-Reply-To the parent and References ending with it. */
    public Mime replyTo(String... thread) {
        header("In-Reply-To", thread[thread.length - 1]);
        return header("References", String.join(" ", thread));
    }

    public Mime attach(String fileName, String mimeType, int sizeBytes) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        byte[] content = new byte[sizeBytes];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('A' + i % 26);
        }
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, mimeType)));
        part.setFileName(fileName);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        attachments.add(part);
        return this;
    }

    /** Adds an iCalendar invitation part ({@code text/calendar; method=…}), as calendar clients send it. */
    public Mime calendar(String ics, String method) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=UTF-8; method=" + method)));
        part.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + method);
        attachments.add(part);
        return this;
    }

    /** Makes this a multipart/report bounce for {@code failedRecipient}, quoting {@code originalId}. */
    public Mime bounceOf(String failedRecipient, String originalId, String originalSubject) {
        this.report = new String[] {
            "Reporting-MTA: dns; mx.example.net\r\n\r\nFinal-Recipient: rfc822; " + failedRecipient
                    + "\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n",
            "Message-ID: " + originalId + "\r\nSubject: " + originalSubject + "\r\n"
        };
        return this;
    }

    public MimeMessage build() throws MessagingException {
        MimeMessage m = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId != null) {
                    setHeader("Message-ID", messageId);
                } else {
                    super.updateMessageID();
                }
            }
        };
        m.setFrom(address(from));
        for (String t : to) {
            m.addRecipient(Message.RecipientType.TO, address(t));
        }
        for (String c : cc) {
            m.addRecipient(Message.RecipientType.CC, address(c));
        }
        m.setSubject(subject, "UTF-8");
        if (date != null) {
            m.setSentDate(Date.from(date));
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            m.setHeader(h.getKey(), h.getValue());
        }
        if (report != null) {
            MimeMultipart multipart = new MimeMultipart("report; report-type=delivery-status");
            MimeBodyPart human = new MimeBodyPart();
            human.setText(text.isEmpty() ? "Delivery to the following recipient failed permanently." : text, "UTF-8");
            multipart.addBodyPart(human);
            multipart.addBodyPart(rawPart(report[0], "message/delivery-status"));
            multipart.addBodyPart(rawPart(report[1], "text/rfc822-headers"));
            m.setContent(multipart);
        } else if (attachments.isEmpty()) {
            m.setText(text, "UTF-8");
        } else {
            MimeMultipart multipart = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            multipart.addBodyPart(body);
            for (MimeBodyPart a : attachments) {
                multipart.addBodyPart(a);
            }
            m.setContent(multipart);
        }
        m.saveChanges();
        if (date != null) {
            m.setSentDate(Date.from(date)); // saveChanges leaves Date alone, but be explicit
        }
        return m;
    }

    private static MimeBodyPart rawPart(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.US_ASCII), type)));
        part.setHeader("Content-Type", type);
        return part;
    }

    private static InternetAddress address(String spec) throws MessagingException {
        int lt = spec.indexOf('<');
        if (lt < 0) {
            return new InternetAddress(spec);
        }
        try {
            return new InternetAddress(spec.substring(lt + 1, spec.indexOf('>')).trim(), spec.substring(0, lt).trim(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8", e);
        }
    }
}
