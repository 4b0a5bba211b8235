package dev.cqrs.infra.compose;

import dev.cqrs.infra.aws.ResourceNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline checks of the repository's docker-compose.yml (nothing is started): the services the system needs, host
 * ports, health checks, start order, demo-only credentials, and the environment contract of docs/conventions.md.
 */
class DockerComposeTest {

    static final Path ROOT = Path.of(System.getProperty("cqrs.repo.root", "../.."));

    static final Set<String> AWS = Set.of("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL_DYNAMODB");

    /** Which service reads which variable (docs/conventions.md plus each service's configuration). */
    static final Map<String, Set<String>> READS = new LinkedHashMap<>();

    static {
        READS.put("command-service", union(AWS, Set.of("EVENTS_TOPIC_ARN",
                "COMMAND_DB_URL", "COMMAND_DB_USER", "COMMAND_DB_PASSWORD",
                "COMMAND_DB_MIGRATION_USER", "COMMAND_DB_MIGRATION_PASSWORD")));
        READS.put("projector", union(AWS, Set.of("PROJECTOR_QUEUE_NAME", "PROJECTOR_DLQ_NAME", "EMPLOYEES_TABLE",
                "PROJECTOR_DB_URL", "PROJECTOR_DB_USER", "PROJECTOR_DB_PASSWORD",
                "PROJECTOR_DB_MIGRATION_USER", "PROJECTOR_DB_MIGRATION_PASSWORD")));
        READS.put("audit-worker", union(AWS, Set.of("AUDIT_QUEUE_NAME", "AUDIT_DLQ_NAME", "AUDIT_TABLE")));
        READS.put("query-service", union(AWS, Set.of("EMPLOYEES_TABLE", "AUDIT_TABLE",
                "QUERY_DB_URL", "QUERY_DB_USER", "QUERY_DB_PASSWORD", "DNS_OVERRIDE_ZONE", "DNS_OVERRIDE_SERVER")));
        READS.put("provisioner", AWS);
    }

    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;
    static ResourceNames names;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        names = ResourceNames.load();
    }

    @Test
    void everyPieceOfTheSystemIsThere() {
        assertThat(services).containsKeys("mysql-primary", "mysql-replica-1", "mysql-replica-2", "dns",
                "localstack", "provisioner", "command-service", "projector", "audit-worker", "query-service");
        assertThat(image("mysql-primary")).startsWith("mysql:8");
        assertThat(image("mysql-replica-1")).isEqualTo(image("mysql-primary"));
        assertThat(image("mysql-replica-2")).isEqualTo(image("mysql-primary"));
        assertThat(image("localstack")).startsWith("localstack/localstack:");
        assertThat(env("localstack").get("SERVICES")).isEqualTo("sns,sqs,dynamodb");
    }

    @Test
    void swaggerPortsAreReachableFromThisHostOnly() {
        assertThat(ports("command-service")).containsExactly("127.0.0.1:8080:8080");
        assertThat(ports("query-service")).containsExactly("127.0.0.1:8081:8081");
        assertThat(ports("audit-worker")).containsExactly("127.0.0.1:8082:8082");
        // nothing else is published: databases, DNS and LocalStack stay on the compose network
        for (String s : List.of("mysql-primary", "mysql-replica-1", "mysql-replica-2", "dns", "localstack")) {
            assertThat(services.get(s)).doesNotContainKey("ports");
        }
    }

    @Test
    void everyPublishedPortIsBoundToLoopback() {
        // the APIs are unauthenticated: a port without a host address would be published on every interface (LAN)
        for (String service : services.keySet()) {
            for (Object port : portEntries(service)) {
                if (port instanceof Map<?, ?> longForm) {
                    assertThat(longForm.get("host_ip")).as("%s: %s", service, port).isEqualTo("127.0.0.1");
                } else {
                    assertThat(String.valueOf(port)).as(service).matches("127\\.0\\.0\\.1:\\d+:\\d+(/(tcp|udp))?");
                }
            }
            assertThat(services.get(service)).as(service).doesNotContainKey("expose").doesNotContainKey("network_mode");
        }
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() {
        for (String name : services.keySet()) {
            if (name.equals("provisioner")) {
                assertThat(services.get(name).get("restart")).isEqualTo("no");
                continue;
            }
            assertThat(healthTest(name)).as(name).isNotBlank();
        }
        assertThat(healthTest("command-service")).contains("http://127.0.0.1:8080/actuator/health");
        assertThat(healthTest("query-service")).contains("http://127.0.0.1:8081/actuator/health");
        assertThat(healthTest("audit-worker")).contains("http://127.0.0.1:8082/actuator/health");
        assertThat(healthTest("projector")).contains("http://127.0.0.1:8083/health");
        assertThat(healthTest("mysql-replica-1")).contains("replica-health.sh");
        assertThat(read("docker/mysql/replica-health.sh"))
                .contains("Replica_IO_Running: Yes", "Replica_SQL_Running: Yes");
    }

    @Test
    void startOrderUsesConditionsAndIsAcyclic() {
        Map<String, Map<String, String>> deps = new LinkedHashMap<>();
        services.keySet().forEach(s -> deps.put(s, dependsOn(s)));
        deps.forEach((service, on) -> on.forEach((dep, condition) -> {
            assertThat(services).as("%s depends on %s", service, dep).containsKey(dep);
            assertThat(condition).as("%s -> %s", service, dep)
                    .isIn("service_healthy", "service_completed_successfully");
            if (condition.equals("service_healthy")) {
                assertThat(healthTest(dep)).as("%s waits for %s to be healthy", service, dep).isNotBlank();
            }
        }));
        assertThat(deps.get("mysql-replica-1")).containsEntry("mysql-primary", "service_healthy");
        assertThat(deps.get("mysql-replica-2")).containsEntry("mysql-primary", "service_healthy");
        assertThat(deps.get("provisioner")).containsEntry("localstack", "service_healthy");
        assertThat(deps.get("command-service")).containsEntry("mysql-primary", "service_healthy")
                .containsEntry("provisioner", "service_completed_successfully");
        assertThat(deps.get("projector")).containsEntry("mysql-primary", "service_healthy")
                .containsEntry("provisioner", "service_completed_successfully");
        assertThat(deps.get("audit-worker")).containsEntry("provisioner", "service_completed_successfully");
        assertThat(deps.get("query-service")).containsEntry("mysql-replica-1", "service_healthy")
                .containsEntry("mysql-replica-2", "service_healthy")
                .containsEntry("dns", "service_healthy")
                .containsEntry("projector", "service_healthy")
                .containsEntry("provisioner", "service_completed_successfully");
        assertThat(topologicalOrder(deps)).hasSize(services.size());
    }

    @Test
    void credentialsAreOnlyOverridableDemoDefaults() {
        Pattern secretName = Pattern.compile("PASSWORD|SECRET|TOKEN");
        Pattern demoDefault = Pattern.compile("\\$\\{(DEMO_[A-Z_]+):-[^}]*}");
        for (String service : services.keySet()) {
            env(service).forEach((key, value) -> {
                if (!secretName.matcher(key).find()) {
                    return;
                }
                if (key.equals("LOCALSTACK_AUTH_TOKEN")) {
                    assertThat(value).isEqualTo("${LOCALSTACK_AUTH_TOKEN:-}"); // passed through, never set here
                    return;
                }
                assertThat(value).as("%s.%s", service, key).matches(demoDefault);
            });
        }
        // and no password slipped in anywhere else (commands, health checks use the container's own variable)
        String text = read("docker-compose.yml").lines().filter(l -> !l.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
        assertThat(text).doesNotContainPattern("\\s-p(?![\\\\\"$])\\S"); // mysql -p<literal>
        assertThat(text).doesNotContainPattern("(?i)password\\s*[:=]\\s*['\"]?[a-z0-9]");
    }

    @Test
    void conventionsListMatchesWhatTheServicesRead() {
        Set<String> read = READS.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(read).isEqualTo(conventionsVariables());
    }

    @Test
    void eachServiceGetsEveryVariableItReads() {
        READS.forEach((service, vars) -> {
            Map<String, String> env = env(service);
            for (String v : vars) {
                assertThat(env.get(v)).as("%s: %s", service, v).isNotBlank();
            }
        });
        for (String service : READS.keySet()) {
            assertThat(env(service).get("AWS_ENDPOINT_URL_SQS")).isEqualTo("http://localstack:4566");
            assertThat(env(service).get("AWS_ENDPOINT_URL_SNS")).isEqualTo("http://localstack:4566");
            assertThat(env(service).get("AWS_ENDPOINT_URL_DYNAMODB")).isEqualTo("http://localstack:4566");
        }
    }

    @Test
    void namesComeFromResourcesJson() {
        assertThat(env("command-service").get(names.domainEvents().env()))
                .startsWith("arn:aws:sns:" + env("command-service").get("AWS_REGION") + ":")
                .endsWith(":" + names.domainEvents().name());
        assertThat(env("projector")).containsEntry(names.projectorQueue().env(), names.projectorQueue().name())
                .containsEntry(names.projectorQueue().dlqEnv(), names.projectorQueue().dlq())
                .containsEntry(names.employeesTable().env(), names.employeesTable().name());
        assertThat(env("audit-worker")).containsEntry(names.auditQueue().env(), names.auditQueue().name())
                .containsEntry(names.auditQueue().dlqEnv(), names.auditQueue().dlq())
                .containsEntry(names.auditTable().env(), names.auditTable().name());
        assertThat(env("query-service")).containsEntry(names.employeesTable().env(), names.employeesTable().name())
                .containsEntry(names.auditTable().env(), names.auditTable().name());
        // the provisioner reads the one definition itself
        assertThat(strings(services.get("provisioner").get("volumes")))
                .contains("./infra/resources.json:/app/resources.json:ro",
                        "./infra/local/provision.mjs:/app/provision.mjs:ro");
    }

    @Test
    void databasesAndTheWeightedReplicaName() {
        assertThat(env("command-service").get("COMMAND_DB_URL")).isEqualTo("jdbc:mysql://mysql-primary:3306/command_db");
        assertThat(env("projector").get("PROJECTOR_DB_URL")).isEqualTo("jdbc:mysql://mysql-primary:3306/read_db");
        String zone = env("query-service").get("DNS_OVERRIDE_ZONE");
        assertThat(env("query-service").get("QUERY_DB_URL"))
                .isEqualTo("jdbc:mysql://replicas." + zone + ":3306/read_db");
        assertThat(env("query-service").get("DNS_OVERRIDE_SERVER")).isEqualTo(ipv4("dns") + ":53");
        assertThat(env("command-service").get("COMMAND_DB_USER")).isEqualTo("command_svc");
        assertThat(env("command-service").get("COMMAND_DB_MIGRATION_USER")).isEqualTo("command_migrator");
        assertThat(env("projector").get("PROJECTOR_DB_USER")).isEqualTo("projector");
        assertThat(env("projector").get("PROJECTOR_DB_MIGRATION_USER")).isEqualTo("projector_migrator");
        assertThat(env("query-service").get("QUERY_DB_USER")).isEqualTo("query_svc");

        String zoneFile = read("docker/pdns/db.local.zone");
        Matcher lua = Pattern.compile("replicas\\s+\\d+\\s+IN\\s+LUA\\s+A\\s+\"pickwrandom\\(\\{(.*)}\\)\"")
                .matcher(zoneFile);
        assertThat(lua.find()).as("LUA pickwrandom record").isTrue();
        Matcher entries = Pattern.compile("\\{(\\d+),\\s*'([0-9.]+)'}").matcher(lua.group(1));
        Map<String, String> weights = new HashMap<>();
        while (entries.find()) {
            weights.put(entries.group(2), entries.group(1));
        }
        assertThat(weights).containsOnlyKeys(ipv4("mysql-replica-1"), ipv4("mysql-replica-2"));
        assertThat(new java.util.HashSet<>(weights.values())).as("equal weights").hasSize(1);
        assertThat(read("docker/pdns/named.conf")).contains("zone \"" + zone + "\"");

        // GTID replication set up on first start
        for (String db : List.of("mysql-primary", "mysql-replica-1", "mysql-replica-2")) {
            assertThat(strings(services.get(db).get("command"))).contains("--gtid-mode=ON",
                    "--enforce-gtid-consistency=ON");
        }
        assertThat(read("docker/mysql/replica/01-replication.sh"))
                .contains("SOURCE_AUTO_POSITION=1", "START REPLICA", "super_read_only");
        // the databases, users and grants come from the one file shared with the local stack and AWS
        assertThat(strings(services.get("mysql-primary").get("volumes")))
                .contains("./infra/sql/users-and-grants.sql:/cqrs-sql/users-and-grants.sql:ro");
        assertThat(read("docker/mysql/primary/01-databases-and-users.sh"))
                .contains("/cqrs-sql/users-and-grants.sql", "@APP_HOST@/%", "REPLICATION SLAVE",
                        "@COMMAND_DB_MIGRATION_PASSWORD@", "@PROJECTOR_DB_MIGRATION_PASSWORD@");
        // least privilege: DDL only for the migration users, rows only for the runtime users
        assertThat(read("infra/sql/users-and-grants.sql"))
                .contains("command_db", "read_db", "'command_svc'", "'projector'", "'query_svc'",
                        "GRANT ALL PRIVILEGES ON command_db.* TO 'command_migrator'",
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON command_db.* TO 'command_svc'",
                        "GRANT ALL PRIVILEGES ON read_db.* TO 'projector_migrator'",
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON read_db.* TO 'projector'",
                        "GRANT SELECT ON read_db.* TO 'query_svc'");
    }

    @Test
    void theFrontEndIsServedOnTheOriginTheApisAllowAsASinglePageApp() {
        // http://localhost:5173: the CORS origin of both APIs and the issuer's redirect, loopback only
        assertThat(ports("frontend")).containsExactly("127.0.0.1:5173:8080");
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) services.get("frontend").get("build");
        assertThat(build.get("context")).isEqualTo(".");
        String dockerfile = read((String) build.get("dockerfile"));
        assertThat(dockerfile).contains("COPY frontend/dist ", "COPY docker/frontend/nginx.conf ");
        assertThat(read(build.get("dockerfile") + ".dockerignore")).contains("!frontend/dist", "!docker/frontend/nginx.conf");
        // any path that is not a file is the app's own route: index.html
        assertThat(read("docker/frontend/nginx.conf")).contains("listen 8080;", "try_files $uri $uri/ /index.html;");
        // the pipeline page's data: query-service scrapes the other services by their compose names
        assertThat(env("query-service")).containsEntry("PIPELINE_COMMAND_SERVICE_URL", "http://command-service:8080")
                .containsEntry("PIPELINE_PROJECTOR_URL", "http://projector:8083")
                .containsEntry("PIPELINE_AUDIT_WORKER_URL", "http://audit-worker:8082");
    }

    @Test
    void imagesAreBuiltFromTheServiceJarsOnAJre21Base() {
        Map<String, String> jars = Map.of(
                "command-service", "command-service/target/command-service.jar",
                "query-service", "query-service/target/query-service.jar",
                "audit-worker", "audit-worker/target/audit-worker.jar",
                "projector", "projector-lambda/target/projector-lambda.jar",
                "auth-server", "auth-server/target/auth-server.jar");
        jars.forEach((service, jar) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) services.get(service).get("build");
            assertThat(build.get("context")).isEqualTo(".");
            String dockerfile = (String) build.get("dockerfile");
            assertThat(dockerfile).startsWith("docker/").endsWith(".Dockerfile");
            String text = read(dockerfile);
            assertThat(text).contains("FROM eclipse-temurin:21-jre", "COPY " + jar + " ");
            assertThat(read(dockerfile + ".dockerignore")).contains("!" + jar);
        });
        for (String http : List.of("command-service", "query-service", "audit-worker")) {
            assertThat(read("docker/" + http + ".Dockerfile")).contains("SERVER_ADDRESS=0.0.0.0");
        }
        assertThat(read("docker/projector.Dockerfile")).contains("dev.cqrs.projector.local.LocalEventSourceRunner");
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothApisValidateTokensOfTheDemoIssuer() {
        String issuer = "http://auth-server:9000";
        assertThat((Map<String, Object>) services.get("auth-server").get("environment"))
                .containsEntry("AUTH_ISSUER_URI", issuer);
        for (String api : List.of("command-service", "query-service")) {
            assertThat((Map<String, Object>) services.get(api).get("environment"))
                    .containsEntry("AUTH_ISSUER_URI", issuer);
            assertThat(((Map<String, Object>) services.get(api).get("depends_on"))).containsKey("auth-server");
        }
    }

    // ================================================================== helpers

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + relative, e);
        }
    }

    /** Backticked UPPER_CASE names of the "Environment the services read" section, without the test-only line. */
    static Set<String> conventionsVariables() {
        String doc = read("docs/conventions.md");
        int start = doc.indexOf("### Environment the services read");
        int end = doc.indexOf("Service URLs", start);
        assertThat(start).as("conventions section").isNotNegative();
        assertThat(end).isGreaterThan(start);
        Set<String> vars = new TreeSet<>();
        for (String line : doc.substring(start, end).split("\n")) {
            if (line.contains("Test-only")) {
                continue;
            }
            Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(line);
            while (m.find()) {
                vars.add(m.group(1));
            }
        }
        return vars;
    }

    static String image(String service) {
        return (String) services.get(service).get("image");
    }

    static List<String> strings(Object o) {
        if (o == null) {
            return List.of();
        }
        return ((List<?>) o).stream().map(String::valueOf).toList();
    }

    static List<String> ports(String service) {
        return strings(services.get(service).get("ports"));
    }

    /** The raw entries of a service's ports: strings (short form) or maps (long form). */
    static List<?> portEntries(String service) {
        Object ports = services.get(service).get("ports");
        return ports == null ? List.of() : (List<?>) ports;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> env(String service) {
        Object e = services.get(service).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (e instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        } else if (e instanceof List<?> l) {
            l.forEach(item -> {
                String[] kv = String.valueOf(item).split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : null);
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static String healthTest(String service) {
        Map<String, Object> hc = (Map<String, Object>) services.get(service).get("healthcheck");
        if (hc == null) {
            return "";
        }
        Object test = hc.get("test");
        return test instanceof List<?> l ? String.join(" ", strings(l)) : String.valueOf(test);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> dependsOn(String service) {
        Object d = services.get(service).get("depends_on");
        Map<String, String> out = new LinkedHashMap<>();
        if (d instanceof Map<?, ?> m) {
            ((Map<String, Map<String, Object>>) m).forEach((k, v) ->
                    out.put(k, v == null ? "" : String.valueOf(v.get("condition"))));
        } else if (d instanceof List<?> l) {
            l.forEach(x -> out.put(String.valueOf(x), "")); // short form: no condition (rejected by the test)
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static String ipv4(String service) {
        Map<String, Object> networks = (Map<String, Object>) services.get(service).get("networks");
        Map<String, Object> cqrs = (Map<String, Object>) networks.get("cqrs");
        return String.valueOf(cqrs.get("ipv4_address"));
    }

    static List<String> topologicalOrder(Map<String, Map<String, String>> deps) {
        Map<String, Integer> pending = new HashMap<>();
        deps.forEach((s, on) -> pending.put(s, on.size()));
        Deque<String> ready = new ArrayDeque<>();
        pending.forEach((s, n) -> {
            if (n == 0) {
                ready.add(s);
            }
        });
        List<String> order = new java.util.ArrayList<>();
        while (!ready.isEmpty()) {
            String s = ready.poll();
            order.add(s);
            deps.forEach((other, on) -> {
                if (on.containsKey(s) && pending.merge(other, -1, Integer::sum) == 0) {
                    ready.add(other);
                }
            });
        }
        return order;
    }
}
