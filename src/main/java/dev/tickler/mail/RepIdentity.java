package dev.tickler.mail;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who "the rep" and "our company" are for one mailbox: the owner, their aliases, and the internal
 * domains whose addresses are never prospects.
 */
public record RepIdentity(Address owner, List<String> aliases, Set<String> internalDomains) {

    public RepIdentity {
        aliases = aliases.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        internalDomains = internalDomains.stream()
                .map(d -> d.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The owner or one of their aliases. */
    public boolean isRep(Address address) {
        return address != null && (owner.sameAddress(address) || aliases.contains(address.key()));
    }

    /** An address of our own company (or the rep's own domain), never a prospect. */
    public boolean isInternal(Address address) {
        if (address == null) {
            return true;
        }
        String domain = address.domain();
        if (isRep(address) || domain.equals(owner.domain()) || internalDomains.contains(domain)) {
            return true;
        }
        for (String d : internalDomains) { // a subdomain; asked for every address a sync reads, so without building strings
            if (domain.length() > d.length() && domain.endsWith(d) && domain.charAt(domain.length() - d.length() - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    public boolean isExternal(Address address) {
        return !isInternal(address);
    }
}
