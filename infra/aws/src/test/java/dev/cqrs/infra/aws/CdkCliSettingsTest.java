package dev.cqrs.infra.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployer's side: pinned CLI, telemetry and notices off, the app command, strict validation. */
class CdkCliSettingsTest {

    static final Path MODULE = Path.of(System.getProperty("cqrs.cdk.json", "cdk.json")).getParent();

    @Test
    void cdkJsonRunsTheJavaAppWithTelemetryAndNoticesOff() throws Exception {
        JsonNode cdk = new ObjectMapper().readTree(MODULE.resolve("cdk.json").toFile());
        assertThat(cdk.path("app").asText()).contains("exec:java");
        assertThat(cdk.path("notices").isBoolean()).isTrue();
        assertThat(cdk.path("notices").asBoolean()).isFalse();
        assertThat(cdk.path("context").path("cli-telemetry").asBoolean(true)).isFalse();
        assertThat(cdk.path("context").path("@aws-cdk/core:validateAgainstDefaultRules").asBoolean()).isTrue();
    }

    @Test
    void theCliIsPinnedExactlyAndLocked() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode pkg = mapper.readTree(MODULE.resolve("package.json").toFile());
        String version = pkg.path("devDependencies").path("aws-cdk").asText();
        assertThat(version).matches("2\\.1\\d{3}\\.\\d+"); // exact, no range; 2.1xxx.y reads current assemblies
        JsonNode lock = mapper.readTree(MODULE.resolve("package-lock.json").toFile());
        assertThat(lock.path("packages").path("node_modules/aws-cdk").path("version").asText()).isEqualTo(version);
        assertThat(pkg.path("scripts").path("cdk").asText()).contains("CDK_DISABLE_CLI_TELEMETRY=true");
    }
}
