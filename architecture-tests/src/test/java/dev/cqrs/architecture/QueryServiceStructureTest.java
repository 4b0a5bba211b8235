package dev.cqrs.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.cqrs.architecture.ModuleClasses.packages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inside of query-service, top down: the controllers (in their features; nothing depends on a controller) ← the
 * features {@code todo}, {@code employee}, {@code audit}, {@code pipeline} (independent of each other) → the shared support
 * {@code consistency}, {@code replica}, {@code dynamodb} → {@code web} (problem details, paging, API docs), which
 * depends on no feature. No package cycles. Reads query-service's compiled classes.
 */
class QueryServiceStructureTest {

    private static final String ROOT = "dev.cqrs.query";
    private static final List<String> FEATURES = List.of("todo", "employee", "audit", "pipeline");
    /** By name: this module does not have Spring on its classpath. */
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static JavaClasses classes;

    @BeforeAll
    static void importQueryService() {
        classes = ModuleClasses.of("query-service");
    }

    @Test
    void everyClassLivesInAKnownPackage() {
        // a new package would escape the rules below: give it a place in them first
        assertThat(ModuleClasses.subpackages(classes, ROOT)).as("packages under " + ROOT)
                .containsExactlyInAnyOrder("todo", "employee", "audit", "pipeline", "consistency", "replica", "dynamodb", "web");
    }

    @Test
    void noPackageCycles() {
        // "dev.cqrs.(**)", not ROOT + ".(**)": the root package is a slice of its own, so its cycles count too
        slices().matching("dev.cqrs.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featuresAreIndependentOfEachOther() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage(ROOT + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream()
                            .filter(f -> !f.equals(feature)).map(f -> ROOT + "." + f + "..").toArray(String[]::new))
                    .because("each query reads its own store")
                    .check(classes);
        }
    }

    @Test
    void controllersAreOnTop() {
        noClasses().that().areNotAnnotatedWith(REST_CONTROLLER)
                .should().dependOnClassesThat().areAnnotatedWith(REST_CONTROLLER)
                .check(classes);
    }

    @Test
    void layersPointDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("application").definedBy(ROOT)
                .layer("features").definedBy(packages(ROOT, FEATURES.toArray(String[]::new)))
                .layer("support").definedBy(packages(ROOT, "consistency", "replica", "dynamodb"))
                .layer("web").definedBy(ROOT + ".web..")
                .whereLayer("application").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayNotBeAccessedByAnyLayer()
                .whereLayer("support").mayOnlyBeAccessedByLayers("application", "features")
                .whereLayer("web").mayOnlyBeAccessedByLayers("application", "features", "support")
                .check(classes);
    }
}
