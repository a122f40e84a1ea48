package dev.tickler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** security: none and http:// are allowed only for hosts that are loopback by their very form, never by a name's prefix. */
class LoopbackHostTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "localhost, true", "LOCALHOST, true", "127.0.0.1, true", "127.1.2.3, true", "127.255.255.255, true", "::1, true", "[::1], true",
        "127.mail.acme.example, false", "127.0.0.1.nip.io, false", "127.0.0.1x, false", "127.0.0.256, false", "127.0.0, false",
        "localhost.acme.example, false", "128.0.0.1, false", "imap.acme.example, false", "0127.0.0.1, false"
    })
    void onlyLiteralLoopbackAddressesAndLocalhost(String host, boolean loopback) {
        assertEquals(loopback, SourceConfigReader.isLoopback(host));
    }
}
