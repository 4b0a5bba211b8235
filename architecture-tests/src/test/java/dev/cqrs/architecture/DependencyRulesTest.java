package dev.cqrs.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies point one way: every service may use {@code contracts}; no service uses another, and contracts use
 * no service. Reads the compiled classes of the modules built before this one in the reactor.
 */
class DependencyRulesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("command", "query", "audit", "projector");
    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        List<Path> outputs = List.of("contracts", "command-service", "query-service", "audit-worker", "projector-lambda")
                .stream().map(module -> ROOT.resolve(module).resolve("target/classes")).toList();
        outputs.forEach(dir -> assertThat(dir).as("compiled before this module").isDirectory());
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(outputs);
    }

    @Test
    void contractsDependOnNoService() {
        noClasses().that().resideInAPackage("dev.cqrs.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackages(null))
                .check(classes);
    }

    @Test
    void servicesNeverDependOnEachOther() {
        for (String service : SERVICES) {
            noClasses().that().resideInAPackage("dev.cqrs." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(servicePackages(service))
                    .because(service + " talks to the others only through events and stores")
                    .check(classes);
        }
    }

    @Test
    void everyClassLivesUnderItsModulesRootPackage() {
        // a class outside these roots would escape the rules above
        assertThat(classes.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .as("top-level packages").containsExactlyInAnyOrder("contracts", "command", "query", "audit", "projector");
    }

    private static String[] servicePackages(String except) {
        return SERVICES.stream().filter(s -> !s.equals(except)).map(s -> "dev.cqrs." + s + "..").toArray(String[]::new);
    }
}
