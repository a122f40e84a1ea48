package dev.tickler.imap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/** Every socket Tickler's IMAP sessions make has Nagle's algorithm off, plain or layered TLS, connected or not. */
class NoDelaySocketsTest {

    @Test
    void plainSocketsHaveNagleOff() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Socket unconnected = NoDelaySockets.plain().createSocket();
             Socket connected = NoDelaySockets.plain().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertTrue(unconnected.getTcpNoDelay());
            assertTrue(connected.getTcpNoDelay());
        }
    }

    @Test
    void tlsLayeredOverAConnectedSocketHasNagleOffOnTheSocketBelow() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Socket below = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertFalse(below.getTcpNoDelay(), "the JDK's default, which Angus keeps");
            Socket layered = NoDelaySockets.tls((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(below, "127.0.0.1", server.getLocalPort(), true);
            assertTrue(layered.getTcpNoDelay());
            assertTrue(below.getTcpNoDelay(), "set where the bytes go");
            layered.close();
        }
    }

    @Test
    void theSessionUsesThem() {
        for (ImapSettings.Security security : ImapSettings.Security.values()) {
            ImapSettings plain = ScriptedImapServerTest.settings(143, java.time.Duration.ofSeconds(5), 100);
            ImapSettings settings = new ImapSettings(plain.host(), plain.port(), security, plain.auth(), plain.username(),
                    plain.password(), plain.sentFolder(), plain.draftsFolder(), plain.scanFolders(), plain.timeout(), plain.batchSize(),
                    plain.trustStore(), plain.trustStorePassword());
            var props = ImapSessions.create(settings, java.time.Duration.ofSeconds(5)).getProperties();
            String prefix = "mail." + ImapSessions.protocol(settings) + ".";
            assertTrue(props.get(prefix + "socketFactory").getClass().getName().contains("NoDelaySockets"), security + ": " + props);
            if (security == ImapSettings.Security.NONE) {
                // never used: the default TLS context is not built for a plain connection
                assertFalse(props.containsKey(prefix + "ssl.socketFactory"), props.toString());
            } else {
                assertTrue(props.get(prefix + "ssl.socketFactory").getClass().getName().contains("NoDelaySockets"), security + ": " + props);
            }
        }
    }
}
