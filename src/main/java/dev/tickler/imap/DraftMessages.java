package dev.tickler.imap;

import dev.tickler.draft.Draft;
import dev.tickler.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Renders a {@link Draft} as a MIME message, keeping Tickler's deterministic Message-ID. */
final class DraftMessages {

    private DraftMessages() {
    }

    static MimeMessage toMime(Draft draft, Instant now) throws MessagingException {
        MimeMessage message = new FixedIdMessage(Session.getInstance(new Properties()), draft.messageId());
        message.setFrom(internet(draft.from()));
        message.setRecipients(Message.RecipientType.TO, internet(draft.to()));
        if (!draft.cc().isEmpty()) {
            message.setRecipients(Message.RecipientType.CC, internet(draft.cc()));
        }
        message.setSubject(draft.subject(), StandardCharsets.UTF_8.name());
        if (draft.inReplyTo() != null) {
            message.setHeader("In-Reply-To", draft.inReplyTo());
        }
        if (!draft.references().isEmpty()) {
            message.setHeader("References", MimeUtility.fold(12, String.join(" ", draft.references())));
        }
        message.setSentDate(Date.from(now));
        if (draft.htmlBody() == null) {
            message.setText(draft.body(), StandardCharsets.UTF_8.name());
        } else {
            jakarta.mail.internet.MimeMultipart alternative = new jakarta.mail.internet.MimeMultipart("alternative");
            jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
            text.setText(draft.body(), StandardCharsets.UTF_8.name());
            jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
            html.setText(draft.htmlBody(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
        if (draft.locale() != null) {
            message.setHeader("Content-Language", draft.locale());
        }
        message.saveChanges();
        return message;
    }

    private static InternetAddress internet(Address address) throws MessagingException {
        try {
            // A display name outside ASCII is RFC 2047-encoded ("=?UTF-8?Q?J=C3=BCrgen?=").
            return new InternetAddress(address.email(), address.name(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    private static InternetAddress[] internet(List<Address> addresses) throws MessagingException {
        InternetAddress[] out = new InternetAddress[addresses.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = internet(addresses.get(i));
        }
        return out;
    }

    /** saveChanges() would replace the Message-ID with a random one; ours must survive. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
