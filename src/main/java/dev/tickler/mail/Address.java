package dev.tickler.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * One mailbox address with an optional display name. The address is kept as written but compared
 * case-insensitively, as every mail system we talk to treats the local part that way in practice.
 */
public record Address(String name, String email) {

    public Address {
        Objects.requireNonNull(email, "email");
        email = email.trim();
        name = name == null || name.isBlank() ? null : name.trim();
    }

    public static Address of(String email) {
        return new Address(null, email);
    }

    /** The address in lower case: the key for comparisons. */
    public String key() {
        return email.toLowerCase(Locale.ROOT);
    }

    /** The domain part in lower case, or "" when the address has none. */
    public String domain() {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The first word of the display name, or the local part when there is no name. */
    public String firstName() {
        if (name != null) {
            String n = name;
            int comma = n.indexOf(',');
            if (comma > 0) { // "Doe, Jane"
                n = n.substring(comma + 1).trim();
            }
            String first = n.split("\\s+")[0];
            if (!first.isEmpty()) {
                return first;
            }
        }
        int at = email.indexOf('@');
        String local = at < 0 ? email : email.substring(0, at);
        String first = local.split("[._-]")[0];
        return first.isEmpty() ? local : Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }

    public boolean sameAddress(Address other) {
        return other != null && key().equals(other.key());
    }

    @Override
    public String toString() {
        return name == null ? email : name + " <" + email + ">";
    }
}
