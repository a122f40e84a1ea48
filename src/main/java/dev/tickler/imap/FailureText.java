package dev.tickler.imap;

import jakarta.mail.AuthenticationFailedException;

/** What an IMAP failure says in logs, {@code status} and the exit message, and what kind of failure a refused login is. */
final class FailureText {

    private FailureText() {
    }

    /** Anything shaped like an address in a server's or library's text: it may be logged above DEBUG. */
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[^\\s<>()\\[\\]\"',;:]+@[^\\s<>()\\[\\]\"',;:]+");

    /**
     * An exception as one line for logs, status and the exit message: its own message (or its first cause's), and the
     * deepest cause's where it says more ("STARTTLS failure" alone hides which certificate check failed). Addresses in
     * the server's text ("Invalid login for user id riley@acme.example") are masked.
     */
    static String oneLine(Exception e) {
        Throwable t = e;
        String message = t.getMessage();
        while ((message == null || message.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            message = t.getMessage();
        }
        if (message == null || message.isBlank()) {
            message = t.getClass().getSimpleName();
        } else {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String because = root == t ? null : root.getMessage();
            if (because != null && !because.isBlank() && !message.contains(because)) {
                message += ": " + because;
            }
        }
        return ADDRESS.matcher(message.replaceAll("\\s+", " ").strip()).replaceAll("<address>");
    }

    /**
     * Whether a refused login says it is temporary (RFC 5530: the server's authentication backend is down, the account is
     * in use or at a limit): such a mailbox backs off instead of being parked for an hour.
     */
    static boolean temporaryRefusal(AuthenticationFailedException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().toUpperCase(java.util.Locale.ROOT);
        return text.contains("[UNAVAILABLE]") || text.contains("[INUSE]") || text.contains("[LIMIT]") || text.contains("[SERVERBUG]");
    }
}
