package dev.tickler.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepIdentityTest {

    private final RepIdentity riley = new RepIdentity(new Address("Riley Rep", "riley@acme.example"), List.of("Sales@Acme.example"),
            Set.of("Corp.Example"));

    @Test
    void theRepsDomainTheCompanysDomainsAndTheirSubdomainsAreInternal() {
        for (String email : List.of("riley@acme.example", "sales@acme.example", "sam@acme.example", "it@corp.example",
                "it@eu.corp.example", "it@a.b.corp.example", "IT@EU.CORP.EXAMPLE")) {
            assertTrue(riley.isInternal(new Address(null, email)), email);
        }
        assertTrue(riley.isInternal(null), "no address is nobody to follow up");
    }

    @Test
    void aDomainThatOnlyEndsLikeOneOfOursIsExternal() {
        for (String email : List.of("gina@globex.example", "x@notcorp.example", "x@corp.example.evil", "x@xcorp.example",
                "x@orp.example", "x@example")) {
            assertTrue(riley.isExternal(new Address(null, email)), email);
        }
        assertFalse(riley.isExternal(new Address(null, "x@.corp.example")), "a dot before our domain is a subdomain, however odd");
    }
}
