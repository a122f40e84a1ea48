package dev.tickler.config;

import java.util.ArrayList;
import java.util.List;

/** The effective configuration as lines for the log, secrets masked and addresses left out. */
public final class ConfigDescriber {

    private ConfigDescriber() {
    }

    public static List<String> describe(TicklerConfig c) {
        List<String> lines = new ArrayList<>();
        lines.add("stateDir=" + c.stateDir());
        lines.add("store.url=" + c.store().url().replaceAll("(?i)(password=)[^&;]*", "$1****") + " store.username=" + c.store().username()
                + c.store().password().map(p -> " store.password=" + p).orElse(""));
        lines.add("company.domains=" + c.companyDomains().size() + " domain(s)");
        lines.add("policy.graceBusinessDays=" + c.policy().graceBusinessDays() + " policy.intervalDays=" + c.policy().intervalDays()
                + " policy.maxTouches=" + c.policy().maxTouches() + " policy.maxAgeDays=" + c.policy().cadence().maxAgeDays()
                + (c.policy().maxAgeDays().isPresent() ? "" : " (default)"));
        lines.add("detection.threshold=" + c.detection().threshold() + " detection.weights=" + c.detection().weights()
                + " detection.offerWords=" + c.detection().offerWords().size() + " detection.notOfferWords=" + c.detection().notOfferWords().size());
        lines.add("templates=" + c.templates().map(Object::toString).orElse("(built in)") + " locale=" + c.locale()
                + " pollInterval=" + c.pollInterval());
        for (TicklerConfig.Mailbox m : c.mailboxes()) {
            TicklerConfig.Imap i = m.imap();
            lines.add("mailbox " + m.id() + ": timezone=" + m.timezone() + " aliases=" + m.aliases().size()
                    + " imap=" + i.host() + ":" + i.port() + " security=" + i.security().name().toLowerCase()
                    + " auth=" + i.auth().name().toLowerCase() + " password=" + i.password() + " sent=" + i.sentFolder().orElse("(auto)")
                    + " drafts=" + i.draftsFolder().orElse("(auto)") + " scan=" + i.scanFolders() + " timeout=" + i.timeout().toSeconds() + "s"
                    + " batchSize=" + i.batchSize() + " maxAgeDays=" + m.policy().cadence().maxAgeDays());
            TicklerConfig.Calendar cal = m.calendar();
            lines.add("mailbox " + m.id() + " calendar: invitations=" + cal.invitations()
                    + cal.caldav().map(d -> " caldav=" + d.url().getScheme() + "://" + d.url().getHost()
                            + (d.url().getPort() > 0 ? ":" + d.url().getPort() : "") + "/…" // the path may hold an address
                            + d.password().map(p -> " caldav.password=" + p).orElse("") + d.token().map(t -> " caldav.token=" + t).orElse(""))
                            .orElse(" caldav=(none)")
                    + " slots=" + cal.slots().count() + "x" + cal.slots().minutes() + "min lookBackDays=" + cal.lookBackDays()
                    + " lookAheadDays=" + cal.lookAheadDays());
        }
        return lines;
    }
}
