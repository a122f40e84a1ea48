package dev.tickler.imap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SSL socket factory that trusts a company's own CA (or a server's self-signed certificate)
 * instead of the JVM's list. Host names are still verified (mail.imap(s).ssl.checkserveridentity).
 */
final class TrustStores {

    private TrustStores() {
    }

    static SSLSocketFactory socketFactory(Path file, Supplier<String> password) {
        try {
            KeyStore trusted = load(file, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("can't use trust store " + file + ": " + e.getMessage(), e);
        }
    }

    /** A PEM file of certificates, or a PKCS12/JKS key store. */
    static KeyStore load(Path file, Supplier<String> password) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        if (new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.US_ASCII).contains("-----BEGIN")) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("cert-" + n++, cert);
                }
            }
            if (n == 0) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return store;
        }
        KeyStore store = KeyStore.getInstance("PKCS12"); // reads JKS too
        String secret = password == null ? null : password.get();
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, secret == null ? null : secret.toCharArray());
        }
        return store;
    }
}
