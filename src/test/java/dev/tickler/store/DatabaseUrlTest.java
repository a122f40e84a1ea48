package dev.tickler.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A database URL in an error message keeps its host and name, never its credentials. */
class DatabaseUrlTest {

    @Test
    void credentialsInTheUrlAreMasked() {
        assertEquals("jdbc:postgresql://db.acme.example:5432/tickler?user=****&password=****&ssl=true",
                Database.withoutSecrets("jdbc:postgresql://db.acme.example:5432/tickler?user=tickler&password=s3cr3t&ssl=true"));
        assertEquals("jdbc:postgresql://****@db.acme.example/tickler", Database.withoutSecrets("jdbc:postgresql://tickler:s3cr3t@db.acme.example/tickler"));
        assertEquals("jdbc:hsqldb:file:/var/lib/tickler/state;PASSWORD=****", Database.withoutSecrets("jdbc:hsqldb:file:/var/lib/tickler/state;PASSWORD=s3cr3t"));
        assertEquals("jdbc:hsqldb:file:/var/lib/tickler/state", Database.withoutSecrets("jdbc:hsqldb:file:/var/lib/tickler/state"));
    }
}
