package dev.cqrs.projector;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The projector's two read_db logins, resolved once at init: the runtime login (rows only: SELECT, INSERT, UPDATE,
 * DELETE) that the pool serves with, and the migration login (DDL) that only Flyway uses.
 * <p>
 * Where they come from, per login, first match wins:
 * <ul>
 *   <li>{@code PROJECTOR_DB_SECRET_ARN} / {@code PROJECTOR_DB_MIGRATION_SECRET_ARN}: a Secrets Manager secret whose
 *       string is the JSON of an RDS database secret ({@code {"username": …, "password": …, …}}), read with the
 *       AWS SDK's Secrets Manager client configured only by the SDK's standard settings (region, credentials chain,
 *       {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}). This is how it runs in AWS: the Lambda's environment holds ARNs,
 *       never a password.</li>
 *   <li>{@code PROJECTOR_DB_USER} + {@code PROJECTOR_DB_PASSWORD} / {@code PROJECTOR_DB_MIGRATION_USER} +
 *       {@code PROJECTOR_DB_MIGRATION_PASSWORD}: plain environment, for the local stack and docker-compose.</li>
 *   <li>the migration login only: the runtime login (a setup with one user for both).</li>
 * </ul>
 * A secret is fetched once per ARN, and the client is created only when an ARN is set and closed before returning.
 *
 * @param runtime   the login the connection pool uses
 * @param migration the login Flyway uses
 */
record ProjectorCredentials(Login runtime, Login migration) {

    /** A database user name and its password. {@link #toString()} leaves the password out. */
    record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + "]";
        }
    }

    static final String SECRET_ARN = "PROJECTOR_DB_SECRET_ARN";
    static final String MIGRATION_SECRET_ARN = "PROJECTOR_DB_MIGRATION_SECRET_ARN";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Resolves both logins from {@code env}, reading secrets through the SDK when an ARN is set.
     *
     * @throws IllegalStateException when neither a secret ARN nor the user and password of the runtime login are
     *                               set, or a secret is not a JSON object with {@code username} and {@code password}
     */
    static ProjectorCredentials fromEnvironment(Map<String, String> env) {
        if (!set(env, SECRET_ARN) && !set(env, MIGRATION_SECRET_ARN)) {
            return resolve(env, arn -> {
                throw new IllegalStateException("no secret ARN is set");
            });
        }
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            return resolve(env, arn -> client.getSecretValue(r -> r.secretId(arn)).secretString());
        }
    }

    /** Same as {@link #fromEnvironment}, with the secret strings read by {@code secrets} (ARN to secret string). */
    static ProjectorCredentials resolve(Map<String, String> env, Function<String, String> secrets) {
        Map<String, Login> fetched = new HashMap<>();
        Function<String, Login> secret = arn -> fetched.computeIfAbsent(arn, a -> parse(a, secrets.apply(a)));
        Login runtime = set(env, SECRET_ARN)
                ? secret.apply(env.get(SECRET_ARN))
                : new Login(required(env, "PROJECTOR_DB_USER"), required(env, "PROJECTOR_DB_PASSWORD"));
        Login migration;
        if (set(env, MIGRATION_SECRET_ARN)) {
            migration = secret.apply(env.get(MIGRATION_SECRET_ARN));
        } else if (set(env, "PROJECTOR_DB_MIGRATION_USER")) {
            migration = new Login(env.get("PROJECTOR_DB_MIGRATION_USER"),
                    required(env, "PROJECTOR_DB_MIGRATION_PASSWORD"));
        } else {
            migration = runtime;
        }
        return new ProjectorCredentials(runtime, migration);
    }

    private static Login parse(String arn, String secretString) {
        try {
            JsonNode node = JSON.readTree(secretString == null ? "" : secretString);
            String user = node.path("username").asString("");
            String password = node.path("password").asString("");
            if (user.isBlank() || password.isEmpty()) {
                throw new IllegalStateException("secret " + arn + " has no username and password");
            }
            return new Login(user, password);
        } catch (JacksonException e) {
            // not chained: the parser's message may quote the secret's text
            throw new IllegalStateException("secret " + arn + " is not a JSON object");
        }
    }

    private static boolean set(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    private static String required(Map<String, String> env, String name) {
        if (!set(env, name)) {
            throw new IllegalStateException("environment variable " + name + " is not set (nor " + SECRET_ARN + ")");
        }
        return env.get(name);
    }
}
