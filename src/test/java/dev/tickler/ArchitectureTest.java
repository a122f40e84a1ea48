package dev.tickler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md: protocols stay at the edge, the core stays pure. */
class ArchitectureTest {

    private static final String[] CORE = {"dev.tickler.mail..", "dev.tickler.calendar..", "dev.tickler.detect..",
        "dev.tickler.pursuit..", "dev.tickler.cadence..", "dev.tickler.draft..", "dev.tickler.review.."};
    private static final String[] EDGES = {"dev.tickler.imap..", "dev.tickler.graph..", "dev.tickler.caldav..",
        "dev.tickler.ics..", "dev.tickler.store..", "dev.tickler.web.."};
    private static final String[] SHELL = {"dev.tickler.config..", "dev.tickler.runtime..", "dev.tickler.cli..",
        "dev.tickler.demo.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tickler");
    }

    @Test
    void jakartaMailOnlyInImapAndDemo() {
        check(noClasses().that().resideOutsideOfPackages("dev.tickler.imap..", "dev.tickler.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..", "com.sun.mail.."));
    }

    @Test
    void graphSdkOnlyInGraph() {
        check(noClasses().that().resideOutsideOfPackage("dev.tickler.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.graph..", "com.microsoft.kiota..", "com.azure.."));
    }

    @Test
    void ical4jOnlyInIcs() {
        check(noClasses().that().resideOutsideOfPackage("dev.tickler.ics..")
                .should().dependOnClassesThat().resideInAnyPackage("net.fortuna.ical4j.."));
    }

    @Test
    void jdbcOnlyInStore() {
        check(noClasses().that().resideOutsideOfPackage("dev.tickler.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..", "org.hsqldb..",
                        "org.postgresql.."));
    }

    @Test
    void theCoreImportsNoEdgeNoShellAndNoDriver() {
        check(noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(concat(EDGES, SHELL, new String[] {
                    "jakarta..", "javax..", "java.sql..", "java.net..", "java.nio.file..", "org.eclipse..", "com.icegreen..",
                    "com.fasterxml..", "picocli..", "org.slf4j..", "ch.qos.."})));
    }

    @Test
    void edgesDoNotReachIntoTheShell() {
        check(noClasses().that().resideInAnyPackage(EDGES).should().dependOnClassesThat().resideInAnyPackage(SHELL));
    }

    @Test
    void theCoreNeverReadsTheWallClock() {
        check(noClasses().that().resideInAnyPackage(CORE)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now"));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
