package dev.tickler.runtime;

import dev.tickler.cadence.BusinessCalendar;
import dev.tickler.cadence.CadencePlanner;
import dev.tickler.config.Secret;
import dev.tickler.config.TicklerConfig;
import dev.tickler.detect.MessageClassifier;
import dev.tickler.draft.DraftComposer;
import dev.tickler.draft.TemplateLibrary;
import dev.tickler.imap.ImapSettings;
import dev.tickler.mail.Address;
import dev.tickler.mail.RepIdentity;
import dev.tickler.pursuit.PursuitAssembler;
import java.util.Set;

/**
 * The core objects for one mailbox, built from its configuration, and what its passes remember for the life
 * of the process: the correspondents learnt, Tickler's drafts as last seen in Drafts, and the pursuits last assembled.
 */
record MailboxWiring(String id, ImapSettings imap, MessageClassifier classifier, PursuitBoard board, CalendarSync calendar,
                     KnownCorrespondents correspondents, dev.tickler.imap.OwnDrafts ownDrafts, LastAssembly lastAssembly) {

    static MailboxWiring of(TicklerConfig config, TicklerConfig.Mailbox mailbox, TemplateLibrary templates) {
        Address owner = new Address(mailbox.owner().name(), mailbox.owner().address());
        RepIdentity identity = new RepIdentity(owner, mailbox.aliases(), Set.copyOf(config.companyDomains()));
        TicklerConfig.Policy p = mailbox.policy();
        CadencePlanner planner = new CadencePlanner(
                p.cadence(),
                new BusinessCalendar(mailbox.timezone(), p.workingDays(), p.holidays(), p.dayStarts(), p.dayEnds(), mailbox.absences()));
        DraftComposer composer = new DraftComposer(identity, mailbox.timezone(), templates, mailbox.owner().signature());
        TicklerConfig.Imap i = mailbox.imap();
        ImapSettings imap = new ImapSettings(i.host(), i.port(), i.security(), i.auth(), i.username(), i.password()::reveal,
                i.sentFolder(), i.draftsFolder(), i.scanFolders(), i.timeout(), i.batchSize(), i.trustStore(),
                () -> i.trustStorePassword().map(Secret::reveal).orElse(null));
        TicklerConfig.Calendar cal = mailbox.calendar();
        PursuitBoard board = new PursuitBoard(identity, new PursuitAssembler(mailbox.id(), identity), planner, composer, cal.slots());
        java.util.Optional<dev.tickler.caldav.CalDavSettings> dav = cal.caldav().map(d -> new dev.tickler.caldav.CalDavSettings(d.url(),
                d.username().orElse(null), d.password().<java.util.function.Supplier<String>>map(secret -> secret::reveal).orElse(null),
                d.token().<java.util.function.Supplier<String>>map(t -> t::reveal).orElse(null), d.timeout(), mailbox.timezone()));
        // One client per mailbox for the life of the process: its connection pool and threads are reused.
        java.util.Optional<dev.tickler.calendar.CalendarSource> server = dav.map(dev.tickler.caldav.CalDavCalendar::new);
        CalendarSync calendar = new CalendarSync(mailbox.id(), mailbox.timezone(), cal.invitations(),
                java.time.Duration.ofDays(cal.lookBackDays()), java.time.Duration.ofDays(cal.lookAheadDays()),
                () -> server);
        return new MailboxWiring(mailbox.id(), imap, new MessageClassifier(identity, mailbox.timezone(), config.detection()), board,
                calendar, new KnownCorrespondents(identity), new dev.tickler.imap.OwnDrafts(), new LastAssembly());
    }
}
