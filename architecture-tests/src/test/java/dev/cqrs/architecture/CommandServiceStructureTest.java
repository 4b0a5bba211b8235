package dev.cqrs.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inside of command-service, bottom up: {@code dispatch} (the command vocabulary) ← {@code outbox}, {@code api} ←
 * the features {@code todo}, {@code employee}, {@code audit} (independent of each other) and {@code web} (request
 * plumbing, on top: nothing depends on it). No package cycles. Reads command-service's compiled classes.
 */
class CommandServiceStructureTest {

    private static final String ROOT = "dev.cqrs.command";
    private static final List<String> FEATURES = List.of("todo", "employee", "audit");
    private static final String WEB = ROOT + ".web..";
    private static JavaClasses classes;

    @BeforeAll
    static void importCommandService() {
        classes = ModuleClasses.of("command-service");
    }

    @Test
    void everyClassLivesInAKnownPackage() {
        // a new package would escape the rules below: give it a place in them first
        assertThat(ModuleClasses.subpackages(classes, ROOT))
                .as("packages under " + ROOT)
                .containsExactlyInAnyOrder("dispatch", "outbox", "api", "todo", "employee", "audit", "web");
    }

    @Test
    void noPackageCycles() {
        // "dev.cqrs.(**)" so the root package is a slice too: a cycle through it counts.
        slices().matching("dev.cqrs.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featuresAreIndependentOfEachOther() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage(ROOT + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream().filter(f -> !f.equals(feature))
                            .map(f -> ROOT + "." + f + "..").toArray(String[]::new))
                    .because("a feature talks to another only through events")
                    .check(classes);
        }
    }

    @Test
    void noFeatureDependsOnWeb() {
        noClasses().that().resideInAnyPackage(ModuleClasses.packages(ROOT, FEATURES.toArray(String[]::new)))
                .should().dependOnClassesThat().resideInAPackage(WEB)
                .because("rules and refusals live in the features and dispatch; web only renders them")
                .check(classes);
    }

    @Test
    void webIsOnlyOnTop() {
        noClasses().that().resideOutsideOfPackage(WEB)
                .should().dependOnClassesThat().resideInAPackage(WEB)
                .check(classes);
    }

    @Test
    void layersPointDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy(WEB)
                .layer("features").definedBy(ModuleClasses.packages(ROOT, FEATURES.toArray(String[]::new)))
                .layer("api").definedBy(ROOT + ".api..")
                .layer("outbox").definedBy(ROOT + ".outbox..")
                .layer("dispatch").definedBy(ROOT + ".dispatch..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("web", "features")
                .whereLayer("outbox").mayOnlyBeAccessedByLayers("web", "features")
                .whereLayer("dispatch").mayOnlyBeAccessedByLayers("web", "features", "api", "outbox")
                .check(classes);
    }
}
