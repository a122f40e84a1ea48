package dev.tickler.pursuit;

import java.util.Locale;
import java.util.Set;

/**
 * Public mailbox providers: two people at gmail.com are not colleagues, so "same domain" means
 * nothing there.
 */
public final class FreemailDomains {

    private static final Set<String> DOMAINS = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es", "live.com", "live.de", "live.fr",
            "live.nl", "msn.com", "yahoo.com", "yahoo.de", "yahoo.fr", "yahoo.es", "yahoo.it", "yahoo.co.uk", "ymail.com",
            "icloud.com", "me.com", "mac.com", "aol.com", "aol.de", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmx.com",
            "web.de", "t-online.de", "freenet.de", "posteo.de", "mailbox.org", "orange.fr", "wanadoo.fr", "free.fr",
            "laposte.net", "sfr.fr", "libero.it", "virgilio.it", "alice.it", "tiscali.it", "tin.it", "ziggo.nl",
            "kpnmail.nl", "planet.nl", "home.nl", "telefonica.net", "terra.es", "yandex.ru", "yandex.com", "mail.ru",
            "proton.me", "protonmail.com", "pm.me", "zoho.com", "fastmail.com", "fastmail.fm", "hey.com", "gmx.fr",
            "bluewin.ch", "seznam.cz", "wp.pl", "o2.pl", "qq.com", "163.com", "naver.com");

    private FreemailDomains() {
    }

    public static boolean contains(String domain) {
        return DOMAINS.contains(domain.toLowerCase(Locale.ROOT));
    }
}
