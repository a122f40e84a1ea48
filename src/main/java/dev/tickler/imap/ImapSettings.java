package dev.tickler.imap;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach one IMAP account.
 *
 * @param sentFolder   Sent folder name to use when the server marks none with SPECIAL-USE
 * @param draftsFolder Drafts folder name likewise
 * @param scanFolders  more folders to read besides Sent and INBOX (Archive, [Gmail]/All Mail)
 * @param password     the password or, for XOAUTH2, the access token; asked at every connect
 * @param timeout      connect, read and write timeout for every socket
 * @param batchSize    messages per FETCH (and per stored transaction)
 * @param trustStore   certificates to trust instead of the JVM's: a PEM file of CA or server
 *                     certificates, or a PKCS12/JKS key store (then with its password)
 */
public record ImapSettings(String host, int port, Security security, Auth auth, String username,
                           java.util.function.Supplier<String> password,
                           Optional<String> sentFolder, Optional<String> draftsFolder, java.util.List<String> scanFolders,
                           Duration timeout, int batchSize, Optional<java.nio.file.Path> trustStore,
                           java.util.function.Supplier<String> trustStorePassword) {

    public ImapSettings {
        scanFolders = java.util.List.copyOf(scanFolders);
    }

    /** How Tickler logs in. */
    public enum Auth {
        /** LOGIN / AUTHENTICATE PLAIN with the password. */
        PASSWORD,
        /** SASL XOAUTH2 with an OAuth access token (Gmail, Microsoft 365), fetched fresh at each connect. */
        XOAUTH2
    }

    /** How the connection is protected. */
    public enum Security {
        /** Implicit TLS (port 993). The default. */
        TLS(993),
        /** Plain connection upgraded with STARTTLS, which is then required (port 143). */
        STARTTLS(143),
        /** No encryption: allowed only for loopback hosts (tests, local bridges). */
        NONE(143);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    @Override
    public String toString() {
        return "ImapSettings[" + host + ":" + port + " " + security + ", password=****]";
    }
}
