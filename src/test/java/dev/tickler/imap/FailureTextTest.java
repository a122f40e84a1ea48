package dev.tickler.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

/** What a failure says in logs and status: the cause that explains it, no address, and whether a refused login is temporary. */
class FailureTextTest {

    @Test
    void theServersTextKeepsItsMeaningButNotTheAddress() {
        String line = FailureText.oneLine(new AuthenticationFailedException("LOGIN failed. Invalid login/password for user id riley@acme.example"));
        assertEquals("LOGIN failed. Invalid login/password for user id <address>", line);
        assertEquals("no such user \"<address>\" (<address>)",
                FailureText.oneLine(new MessagingException("no such user \"riley.rep+crm@acme.example\" (r@x.example)")));
    }

    @Test
    void theDeepestCauseIsNamedWhenTheMessageAloneSaysLittle() {
        Exception starttls = new MessagingException("STARTTLS failure", new java.io.IOException("handshake",
                new javax.net.ssl.SSLHandshakeException("No subject alternative names matching IP address 127.0.0.1 found")));
        assertEquals("STARTTLS failure: No subject alternative names matching IP address 127.0.0.1 found", FailureText.oneLine(starttls));
        Exception said = new MessagingException("Connection refused", new java.net.ConnectException("Connection refused"));
        assertEquals("Connection refused", FailureText.oneLine(said), "a cause that says the same is not repeated");
        assertEquals("SocketTimeoutException", FailureText.oneLine(new MessagingException(null, new java.net.SocketTimeoutException())));
    }

    @Test
    void onlyARefusalTheServerCallsTemporaryBacksOffInsteadOfParking() {
        assertTrue(FailureText.temporaryRefusal(new AuthenticationFailedException("[UNAVAILABLE] Temporary authentication failure.")));
        assertTrue(FailureText.temporaryRefusal(new AuthenticationFailedException("[limit] too many connections")));
        assertFalse(FailureText.temporaryRefusal(new AuthenticationFailedException("[AUTHENTICATIONFAILED] Authentication failed.")));
        assertFalse(FailureText.temporaryRefusal(new AuthenticationFailedException("[EXPIRED] Password expired")));
        assertFalse(FailureText.temporaryRefusal(new AuthenticationFailedException(null)));
    }
}
