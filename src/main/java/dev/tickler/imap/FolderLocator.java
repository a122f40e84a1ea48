package dev.tickler.imap;

import dev.tickler.mail.MailboxException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Finds the Sent and Drafts folders: the SPECIAL-USE attribute (RFC 6154) first, then the configured
 * name, then the names common clients and servers use, in several languages, at the top or below INBOX.
 */
final class FolderLocator {

    static final List<String> SENT_NAMES = List.of("Sent", "Sent Items", "Sent Messages", "Sent Mail",
            "[Gmail]/Sent Mail", "[Google Mail]/Sent Mail",
            "Gesendete Elemente", "Gesendete Objekte", "Gesendet", "Éléments envoyés", "Elementos enviados",
            "Posta inviata", "Verzonden items");
    static final List<String> DRAFTS_NAMES = List.of("Drafts", "[Gmail]/Drafts", "[Google Mail]/Drafts", "Draft", "Entwürfe",
            "Brouillons", "Borradores", "Bozze", "Concepten");

    private final List<Folder> all;
    /** Folder name prefixes of other users' and shared mail ("Other Users/", "Shared/"): never the rep's own. */
    private final List<String> others;

    private FolderLocator(List<Folder> all, List<String> others) {
        this.all = all;
        this.others = others;
    }

    static FolderLocator list(Store store) throws MessagingException {
        List<String> others = new ArrayList<>();
        List<Folder> namespaces = new ArrayList<>(Arrays.asList(store.getSharedNamespaces()));
        namespaces.addAll(Arrays.asList(store.getUserNamespaces(null)));
        for (Folder ns : namespaces) {
            if (!ns.getFullName().isEmpty()) {
                others.add(ns.getFullName());
            }
        }
        return new FolderLocator(Arrays.asList(store.getDefaultFolder().list("*")), others);
    }

    /** Whether a folder lies in another user's or a shared namespace. */
    private boolean othersFolder(Folder folder) {
        String name = folder.getFullName();
        for (String prefix : others) {
            if (name.equals(prefix) || name.startsWith(prefix + separator(folder))) {
                return true;
            }
        }
        return false;
    }

    private static String separator(Folder folder) {
        try {
            return String.valueOf(folder.getSeparator());
        } catch (MessagingException e) {
            return "/";
        }
    }

    /**
     * Every folder of the rep's sent mail: all those marked {@code \\Sent} (Dovecot's stock configuration marks both
     * "Sent" and "Sent Messages", so an account used from Thunderbird and Apple Mail has mail in both); else the
     * configured one; else every folder with a usual name.
     */
    List<String> sent(Optional<String> configured) throws MailboxException {
        // Only the rep's own: a colleague's Sent in a shared namespace may carry \\Sent too, and its proposals are not the rep's.
        List<String> marked = all.stream().filter(f -> f instanceof IMAPFolder imap && hasAttribute(imap, "\\Sent")
                        && !hasAttribute(imap, "\\Noselect") && !othersFolder(f))
                .map(Folder::getFullName).toList();
        if (!marked.isEmpty()) {
            return marked;
        }
        if (configured.isPresent()) {
            return List.of(find("\\Sent", configured, SENT_NAMES, "Sent", "imap.folders.sent"));
        }
        List<String> named = SENT_NAMES.stream().map(this::byName).flatMap(Optional::stream).distinct().toList();
        return named.isEmpty() ? List.of(find("\\Sent", configured, SENT_NAMES, "Sent", "imap.folders.sent")) : named;
    }

    String drafts(Optional<String> configured) throws MailboxException {
        return find("\\Drafts", configured, DRAFTS_NAMES, "Drafts", "imap.folders.drafts");
    }

    /** A configured folder that must exist, matched case-insensitively. */
    String existing(String name, String key) throws MailboxException {
        return byName(name).orElseThrow(() -> new MailboxException(MailboxException.Kind.PERMANENT,
                "the folder \"" + name + "\" (" + key + ") does not exist", null));
    }

    private String find(String attribute, Optional<String> configured, List<String> wellKnown, String what, String key)
            throws MailboxException {
        for (Folder folder : all) {
            if (folder instanceof IMAPFolder imap && hasAttribute(imap, attribute)) {
                return folder.getFullName();
            }
        }
        if (configured.isPresent()) {
            Optional<String> match = byName(configured.get());
            if (match.isPresent()) {
                return match.get();
            }
            throw new MailboxException(MailboxException.Kind.PERMANENT,
                    "the configured " + what + " folder \"" + configured.get() + "\" (" + key + ") does not exist", null);
        }
        for (String name : wellKnown) {
            Optional<String> match = byName(name);
            if (match.isPresent()) {
                return match.get();
            }
        }
        List<String> names = new ArrayList<>();
        all.forEach(f -> names.add(f.getFullName()));
        throw new MailboxException(MailboxException.Kind.PERMANENT, "no " + what + " folder found: none is marked "
                + attribute + " and none has a usual name; set " + key + " to one of " + names, null);
    }

    /**
     * The folder of this name, case-insensitively; failing that, the one of this name below INBOX, where servers with an
     * {@code INBOX.} personal namespace (Courier, cPanel, older Cyrus) keep every folder: "Sent Messages" finds
     * "INBOX.Sent Messages".
     */
    private Optional<String> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        Optional<String> exact = all.stream().map(Folder::getFullName).filter(n -> n.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return all.stream().filter(f -> belowInbox(f).map(rest -> rest.equals(wanted)).orElse(false)).map(Folder::getFullName).findFirst();
    }

    /** The rest of a folder's name after "INBOX" and its separator, lower case; empty for a folder not below INBOX. */
    private static Optional<String> belowInbox(Folder folder) {
        String full = folder.getFullName();
        try {
            char separator = folder.getSeparator();
            String prefix = "inbox" + separator;
            String lower = full.toLowerCase(Locale.ROOT);
            return lower.startsWith(prefix) && lower.length() > prefix.length() ? Optional.of(lower.substring(prefix.length())) : Optional.empty();
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasAttribute(IMAPFolder folder, String attribute) {
        try {
            for (String a : folder.getAttributes()) {
                if (a.equalsIgnoreCase(attribute)) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            return false;
        }
    }
}
