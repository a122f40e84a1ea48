package dev.tickler.config;

import dev.tickler.imap.ImapSettings.Security;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration, validated. Built only by {@link ConfigLoader}; immutable afterwards.
 *
 * @param detection   proposal-detection weights, threshold and extra words
 * @param templates   the templates directory, or empty for the templates built into the jar
 * @param pollInterval how long the daemon waits between passes over a mailbox
 */
public record TicklerConfig(
        Path stateDir,
        Store store,
        List<String> companyDomains,
        Policy policy,
        dev.tickler.detect.ProposalRules detection,
        Optional<Path> templates,
        String locale,
        Duration pollInterval,
        List<Mailbox> mailboxes) {

    public TicklerConfig {
        companyDomains = List.copyOf(companyDomains);
        mailboxes = List.copyOf(mailboxes);
    }

    /** The state database. */
    public record Store(String url, String username, Optional<Secret> password) {
    }

    /** Cadence settings; see {@code dev.tickler.cadence.CadencePolicy}. */
    public record Policy(int graceBusinessDays, int intervalDays, int maxTouches) {
    }

    public record Owner(String name, String address) {
    }

    public record Mailbox(String id, Owner owner, List<String> aliases, ZoneId timezone, Imap imap) {
        public Mailbox {
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * @param sentFolder   configured Sent folder name, tried after SPECIAL-USE
     * @param draftsFolder configured Drafts folder name, tried after SPECIAL-USE
     * @param scanFolders  more folders to read for answers: Archive, [Gmail]/All Mail...
     */
    public record Imap(String host, int port, Security security, String username, Secret password,
                       Optional<String> sentFolder, Optional<String> draftsFolder, List<String> scanFolders,
                       Duration timeout, int batchSize) {
        public Imap {
            scanFolders = List.copyOf(scanFolders);
        }
    }
}
