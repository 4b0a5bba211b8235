package dev.cqrs.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inside of audit-worker: the application class in the root package, the work in {@code record}, which knows
 * nothing of the application, and nothing calls the queue listener (the entry point, on top). Reads audit-worker's
 * compiled classes.
 */
class AuditWorkerStructureTest {

    private static final String ROOT = "dev.cqrs.audit";
    private static JavaClasses classes;

    @BeforeAll
    static void importAuditWorker() {
        classes = ModuleClasses.of("audit-worker");
    }

    @Test
    void everyClassLivesInAKnownPackage() {
        // a new package would escape the rules below: give it a place in them first
        assertThat(ModuleClasses.subpackages(classes, ROOT)).as("packages under " + ROOT)
                .containsExactlyInAnyOrder("record");
    }

    @Test
    void noPackageCycles() {
        // "dev.cqrs.(**)", not ROOT + ".(**)": the root package is a slice of its own, so its cycles count too
        slices().matching("dev.cqrs.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theWorkKnowsNothingOfTheApplication() {
        noClasses().that().resideInAPackage(ROOT + ".record..")
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(classes);
    }

    @Test
    void theQueueListenerIsOnTop() {
        noClasses().that().doNotHaveSimpleName("AuditQueueListener")
                .should().dependOnClassesThat().haveSimpleName("AuditQueueListener")
                .check(classes);
    }

    @Test
    void onlyTheApplicationIsPublic() {
        // smallest visibility: the worker is a process, nothing outside it calls its classes
        classes().that().resideInAPackage(ROOT + ".record..").and().areNotAnnotations()
                .should().notBePublic()
                .check(classes);
    }
}
