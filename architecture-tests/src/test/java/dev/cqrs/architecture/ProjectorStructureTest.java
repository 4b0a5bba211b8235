package dev.cqrs.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.cqrs.architecture.ModuleClasses.packages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inside of projector-lambda, bottom up: {@code projection} (what a read model implements) ← the read models
 * {@code todo} and {@code employee} (independent of each other) and {@code telemetry} (traces and meters around the
 * Projection SPI, knowing no read model) ← the root package (the Lambda: pipeline and wiring)
 * ← the entry points that are not the Lambda, {@code local} and {@code redrive} (on top: the Lambda never needs them).
 * No package cycles. Reads projector-lambda's compiled classes.
 */
class ProjectorStructureTest {

    private static final String ROOT = "dev.cqrs.projector";
    private static JavaClasses classes;

    @BeforeAll
    static void importProjector() {
        classes = ModuleClasses.of("projector-lambda");
    }

    @Test
    void everyClassLivesInAKnownPackage() {
        // a new package would escape the rules below: give it a place in them first
        assertThat(ModuleClasses.subpackages(classes, ROOT)).as("packages under " + ROOT)
                .containsExactlyInAnyOrder("projection", "todo", "employee", "telemetry", "local", "redrive");
    }

    @Test
    void noPackageCycles() {
        // "dev.cqrs.(**)", not ROOT + ".(**)": the root package is a slice of its own, so its cycles count too
        slices().matching("dev.cqrs.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void readModelsAreIndependentOfEachOtherAndOfThePipeline() {
        noClasses().that().resideInAPackage(ROOT + ".todo..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(ROOT, "employee", "local", "redrive"))
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".employee..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(ROOT, "todo", "local", "redrive"))
                .check(classes);
        noClasses().that().resideInAnyPackage(packages(ROOT, "projection", "todo", "employee", "telemetry"))
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .because("a read model knows only the Projection it implements, not what feeds it")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".telemetry..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(ROOT, "todo", "employee", "local", "redrive"))
                .because("telemetry measures any read model through the Projection SPI")
                .check(classes);
    }

    @Test
    void theLambdaNeedsNoneOfTheLocalEntryPoints() {
        noClasses().that().resideInAnyPackage(ROOT, ROOT + ".projection..", ROOT + ".todo..", ROOT + ".employee..",
                        ROOT + ".telemetry..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(ROOT, "local", "redrive"))
                .because("local and redrive run the projector outside Lambda; they sit on top of it")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".local..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".redrive..").check(classes);
        noClasses().that().resideInAPackage(ROOT + ".redrive..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".local..").check(classes);
    }
}
