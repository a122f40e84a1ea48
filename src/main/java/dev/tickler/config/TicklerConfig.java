package dev.tickler.config;

import dev.tickler.imap.ImapSettings.Security;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.EnumSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import dev.tickler.cadence.BusinessCalendar;
import dev.tickler.cadence.CadencePolicy;

/**
 * The whole configuration, validated. Built only by {@link ConfigLoader}; immutable afterwards.
 *
 * @param detection   proposal-detection weights, threshold and extra words
 * @param templates   the templates directory, or empty for the templates built into the jar
 * @param localeByDomain template locale per prospect domain (".de" matches every domain ending so)
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
        Map<String, String> localeByDomain,
        Duration pollInterval,
        List<Mailbox> mailboxes) {

    public TicklerConfig {
        companyDomains = List.copyOf(companyDomains);
        localeByDomain = Map.copyOf(localeByDomain);
        mailboxes = List.copyOf(mailboxes);
    }

    public TicklerConfig withStore(Store newStore) {
        return new TicklerConfig(stateDir, newStore, companyDomains, policy, detection, templates, locale, localeByDomain,
                pollInterval, mailboxes);
    }

    public TicklerConfig withMailboxes(List<Mailbox> newMailboxes, Duration newPollInterval) {
        return new TicklerConfig(stateDir, store, companyDomains, policy, detection, templates, locale, localeByDomain,
                newPollInterval, newMailboxes);
    }

    /** The state database. */
    public record Store(String url, String username, Optional<Secret> password) {
    }

    /**
     * Cadence settings (see {@code dev.tickler.cadence.CadencePolicy}) and the working week. The
     * top-level {@code policy} is every mailbox's default; a mailbox's own {@code policy} overrides keys.
     */
    public record Policy(int graceBusinessDays, int intervalDays, int maxTouches, CadencePolicy.Nurture nurture,
                         Set<DayOfWeek> workingDays, LocalTime dayStarts, LocalTime dayEnds, Set<LocalDate> holidays,
                         java.util.OptionalInt maxAgeDays) {
        public static final Policy DEFAULT = new Policy(3, 7, 3, CadencePolicy.Nurture.DEFAULT,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(),
                java.util.OptionalInt.empty());

        public Policy {
            workingDays = Set.copyOf(workingDays);
            holidays = Set.copyOf(holidays);
        }

        /** The cadence, with the configured age limit or else the default for this cadence. */
        public CadencePolicy cadence() {
            return new CadencePolicy(graceBusinessDays, intervalDays, maxTouches, nurture, maxAgeDays.orElse(
                    CadencePolicy.defaultMaxAgeDays(graceBusinessDays, intervalDays, maxTouches, nurture)));
        }

        public Policy withWorkingHours(LocalTime starts, LocalTime ends) {
            return new Policy(graceBusinessDays, intervalDays, maxTouches, nurture, workingDays, starts, ends, holidays, maxAgeDays);
        }
    }

    /** @param signature the block appended to drafts as ${signature}; null for the name alone */
    public record Owner(String name, String address, String signature) {
        public Owner(String name, String address) {
            this(name, address, null);
        }
    }

    /**
     * @param policy   the effective policy: the top-level one with this mailbox's overrides
     * @param absences the rep's own absences: nothing is drafted for them then
     */
    public record Mailbox(String id, Owner owner, List<String> aliases, ZoneId timezone, Imap imap, Policy policy,
                          List<BusinessCalendar.Absence> absences, Calendar calendar) {
        public Mailbox {
            aliases = List.copyOf(aliases);
            absences = List.copyOf(absences);
            calendar = calendar == null ? Calendar.DEFAULT : calendar;
        }

        public Mailbox(String id, Owner owner, List<String> aliases, ZoneId timezone, Imap imap) {
            this(id, owner, aliases, timezone, imap, Policy.DEFAULT, List.of(), Calendar.DEFAULT);
        }

        public Mailbox withCalendar(Calendar newCalendar) {
            return new Mailbox(id, owner, aliases, timezone, imap, policy, absences, newCalendar);
        }
    }

    /**
     * The rep's calendar: invitations found in mail (always read unless turned off), an optional
     * CalDAV server, and the meeting slots reminders offer.
     *
     * @param lookBackDays  how far back meetings are read (a meeting after an old proposal still counts)
     * @param lookAheadDays how far ahead meetings are read
     */
    public record Calendar(boolean invitations, Optional<CalDav> caldav, Slots slots, int lookBackDays, int lookAheadDays) {
        public static final Calendar DEFAULT = new Calendar(true, Optional.empty(), Slots.DEFAULT, 180, 60);
    }

    /**
     * @param url      a calendar collection, or a calendar home whose calendars are all read
     * @param username with password: HTTP basic authentication
     * @param token    instead: an OAuth bearer token (read at each request, so a rotated file is picked up)
     */
    public record CalDav(java.net.URI url, Optional<String> username, Optional<Secret> password, Optional<Secret> token,
                         Duration timeout) {
    }

    /**
     * @param count   how many slots a reminder offers (0: none, the draft asks for a day and time)
     * @param minutes how long the call is
     * @param horizonBusinessDays how many business days ahead slots are looked for
     */
    public record Slots(int count, int minutes, int horizonBusinessDays) {
        public static final Slots DEFAULT = new Slots(3, 30, 5);
    }

    /**
     * @param sentFolder   configured Sent folder name, tried after SPECIAL-USE
     * @param draftsFolder configured Drafts folder name, tried after SPECIAL-USE
     * @param scanFolders  more folders to read for answers: Archive, [Gmail]/All Mail...
     */
    public record Imap(String host, int port, Security security, dev.tickler.imap.ImapSettings.Auth auth, String username,
                       Secret password,
                       Optional<String> sentFolder, Optional<String> draftsFolder, List<String> scanFolders,
                       Duration timeout, int batchSize, Optional<Path> trustStore, Optional<Secret> trustStorePassword,
                       boolean idle) {
        public Imap {
            scanFolders = List.copyOf(scanFolders);
        }
    }
}
