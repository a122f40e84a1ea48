package dev.tickler.imap;

import jakarta.mail.Session;
import java.util.Properties;

/** Builds the Jakarta Mail session for one account: timeouts on every socket, read without side effects. */
final class ImapSessions {

    /** The system property Jakarta Mail reads before its ServiceLoader lookup of the stream provider. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private ImapSessions() {
    }

    /**
     * Jakarta Mail 2.1 looks up its {@code StreamProvider} with a fresh ServiceLoader for every header
     * block, body part and decoder it creates, which reads the application jar's service files each
     * time: a quarter of the reader thread's time on a first sync of 50,000 messages. Naming the
     * provider that lookup finds anyway (Angus's) turns it into a class lookup. An operator's own
     * setting is left alone.
     */
    static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, org.eclipse.angus.mail.util.MailStreamProvider.class.getName());
        }
    }

    static String protocol(ImapSettings settings) {
        return settings.security() == ImapSettings.Security.TLS ? "imaps" : "imap";
    }

    static Session create(ImapSettings settings) {
        return create(settings, settings.timeout());
    }

    /** @param readTimeout the socket read timeout: longer for IDLE, which waits silently by design */
    static Session create(ImapSettings settings, java.time.Duration readTimeout) {
        nameStreamProvider();
        String p = "mail." + protocol(settings) + ".";
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties props = new Properties();
        props.setProperty(p + "host", settings.host());
        props.setProperty(p + "port", Integer.toString(settings.port()));
        props.setProperty(p + "connectiontimeout", timeout);
        props.setProperty(p + "timeout", Long.toString(readTimeout.toMillis()));
        props.setProperty(p + "writetimeout", timeout);
        // Fetch bodies with BODY.PEEK so that reading never sets \Seen (folders are also opened read-only).
        props.setProperty(p + "peek", "true");
        props.setProperty(p + "partialfetch", "true");
        props.setProperty(p + "fetchsize", Integer.toString(64 * 1024));
        if (settings.auth() == ImapSettings.Auth.XOAUTH2) {
            // Angus knows XOAUTH2 but leaves it off by default; the token goes where a password would.
            props.setProperty(p + "auth.mechanisms", "XOAUTH2");
            props.setProperty(p + "auth.xoauth2.disable", "false");
        }
        // Nagle's algorithm off on every connection (NoDelaySockets): the TLS factory is the default or the custom trust store's.
        // A plain connection (loopback only) never uses TLS: the JDK's default TLS context, which takes a first sync tens
        // of milliseconds to set up, is not built for it.
        props.put(p + "socketFactory", NoDelaySockets.plain());
        // Angus connects again with the JVM's default TLS factory when these fail (any failure but a connect timeout):
        // imap.trustStore would then be bypassed by the JVM's CAs, and every refused connect made twice.
        props.setProperty(p + "socketFactory.fallback", "false");
        if (settings.security() != ImapSettings.Security.NONE) {
            props.put(p + "ssl.socketFactory", NoDelaySockets.tls(settings.trustStore()
                    .map(store -> TrustStores.socketFactory(store, settings.trustStorePassword()))
                    .orElseGet(() -> (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault())));
        }
        if (settings.security() == ImapSettings.Security.TLS) {
            props.setProperty(p + "ssl.enable", "true");
            props.setProperty(p + "ssl.checkserveridentity", "true");
        } else if (settings.security() == ImapSettings.Security.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        return Session.getInstance(props);
    }
}
