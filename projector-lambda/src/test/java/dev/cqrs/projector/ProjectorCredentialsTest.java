package dev.cqrs.projector;

import dev.cqrs.projector.ProjectorCredentials.Login;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the projector's two read_db logins come from: secrets (AWS) or plain environment (local stack, compose). */
class ProjectorCredentialsTest {

    static final String RUNTIME_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:cqrs/db/projector-AbCdEf";
    static final String MIGRATION_ARN =
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:cqrs/db/projector_migrator-GhIjKl";

    final List<String> fetched = new ArrayList<>();

    Function<String, String> secrets(Map<String, String> byArn) {
        return arn -> {
            fetched.add(arn);
            return byArn.get(arn);
        };
    }

    @Test
    void inAwsBothLoginsComeFromTheirSecretsAndNoPasswordFromTheEnvironment() {
        // an RDS DatabaseSecret's JSON: more keys than the two that are read
        ProjectorCredentials credentials = ProjectorCredentials.resolve(
                Map.of("PROJECTOR_DB_SECRET_ARN", RUNTIME_ARN, "PROJECTOR_DB_MIGRATION_SECRET_ARN", MIGRATION_ARN),
                secrets(Map.of(
                        RUNTIME_ARN, "{\"username\":\"projector\",\"password\":\"p1\",\"engine\":\"mysql\"}",
                        MIGRATION_ARN, "{\"username\":\"projector_migrator\",\"password\":\"p2\"}")));

        assertThat(credentials.runtime()).isEqualTo(new Login("projector", "p1"));
        assertThat(credentials.migration()).isEqualTo(new Login("projector_migrator", "p2"));
        assertThat(fetched).containsExactly(RUNTIME_ARN, MIGRATION_ARN);
    }

    @Test
    void aSecretArnWinsOverPlainVariables() {
        ProjectorCredentials credentials = ProjectorCredentials.resolve(
                Map.of("PROJECTOR_DB_SECRET_ARN", RUNTIME_ARN,
                        "PROJECTOR_DB_USER", "ignored", "PROJECTOR_DB_PASSWORD", "ignored"),
                secrets(Map.of(RUNTIME_ARN, "{\"username\":\"projector\",\"password\":\"p1\"}")));

        assertThat(credentials.runtime()).isEqualTo(new Login("projector", "p1"));
        // no migration login configured: the runtime one, and the secret was read once
        assertThat(credentials.migration()).isEqualTo(credentials.runtime());
        assertThat(fetched).containsExactly(RUNTIME_ARN);
    }

    @Test
    void locallyThePlainEnvironmentWithoutAnySecretsManagerCall() {
        Map<String, String> env = Map.of(
                "PROJECTOR_DB_USER", "projector", "PROJECTOR_DB_PASSWORD", "projector-local-pw",
                "PROJECTOR_DB_MIGRATION_USER", "projector_migrator",
                "PROJECTOR_DB_MIGRATION_PASSWORD", "projector-migrator-local-pw");

        // fromEnvironment builds no SDK client when no ARN is set (none could be built without a region here)
        ProjectorCredentials credentials = ProjectorCredentials.fromEnvironment(env);

        assertThat(credentials.runtime()).isEqualTo(new Login("projector", "projector-local-pw"));
        assertThat(credentials.migration()).isEqualTo(new Login("projector_migrator", "projector-migrator-local-pw"));
    }

    @Test
    void withoutMigrationVariablesFlywayUsesTheRuntimeLogin() {
        ProjectorCredentials credentials = ProjectorCredentials.fromEnvironment(
                Map.of("PROJECTOR_DB_USER", "projector", "PROJECTOR_DB_PASSWORD", "pw"));

        assertThat(credentials.migration()).isEqualTo(new Login("projector", "pw"));
    }

    @Test
    void clearErrorsThatNeverQuoteTheSecret() {
        assertThatThrownBy(() -> ProjectorCredentials.fromEnvironment(Map.of("PROJECTOR_DB_USER", "projector")))
                .hasMessageContaining("PROJECTOR_DB_PASSWORD").hasMessageContaining("PROJECTOR_DB_SECRET_ARN");
        assertThatThrownBy(() -> ProjectorCredentials.resolve(Map.of("PROJECTOR_DB_SECRET_ARN", RUNTIME_ARN),
                secrets(Map.of(RUNTIME_ARN, "not json s3cr3t"))))
                .hasMessageContaining(RUNTIME_ARN).hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> ProjectorCredentials.resolve(Map.of("PROJECTOR_DB_SECRET_ARN", RUNTIME_ARN),
                secrets(Map.of(RUNTIME_ARN, "{\"password\":\"s3cr3t\"}"))))
                .hasMessageContaining("no username and password").hasMessageNotContaining("s3cr3t");
        assertThat(new Login("projector", "s3cr3t").toString()).doesNotContain("s3cr3t");
    }
}
