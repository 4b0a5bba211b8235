package dev.cqrs.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiled main classes of one module of the reactor, for the structure tests. */
final class ModuleClasses {

    private ModuleClasses() {
    }

    /** @param module the module's folder, e.g. {@code projector-lambda}; compiled before this module */
    static JavaClasses of(String module) {
        Path output = Path.of("..").toAbsolutePath().normalize().resolve(module).resolve("target/classes");
        assertThat(output).as("compiled before this module").isDirectory();
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(output);
    }

    /** The first package level below {@code root} of every class not in {@code root} itself. */
    static Set<String> subpackages(JavaClasses classes, String root) {
        return classes.stream().map(c -> c.getPackageName()).filter(p -> !p.equals(root))
                .map(p -> p.substring(root.length() + 1).split("\\.")[0]).collect(Collectors.toSet());
    }

    static String[] packages(String root, String... names) {
        return java.util.Arrays.stream(names).map(name -> root + "." + name + "..").toArray(String[]::new);
    }
}
