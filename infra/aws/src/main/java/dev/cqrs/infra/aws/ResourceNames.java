package dev.cqrs.infra.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The names defined in {@code infra/resources.json}, the one definition of AWS resource names.
 * Nothing in this module repeats a name literally: the stack, the tests and the compose checks all read them from here.
 */
public record ResourceNames(String prefix, Topic domainEvents, Queue projectorQueue, Queue auditQueue,
                            Table employeesTable, Table auditTable) {

    /** System property naming the file (set by the pom for tests and for {@code exec:java}). */
    public static final String FILE_PROPERTY = "cqrs.resources.file";

    public record Topic(String name, String env) {
    }

    public record Queue(String name, String dlq, String env, String dlqEnv, int maxReceiveCount) {
    }

    /** A table and its global secondary indexes (none if resources.json lists no {@code indexes}). */
    public record Table(String name, String env, String partitionKey, String sortKey, List<Index> indexes) {

        public Table {
            indexes = List.copyOf(indexes);
        }
    }

    /** A global secondary index with string keys. */
    public record Index(String name, String partitionKey, String sortKey) {
    }

    /**
     * Loads the file named by {@value #FILE_PROPERTY}, else {@code ../resources.json} relative to the working
     * directory (infra/aws when run by the cdk CLI), else {@code /resources.json} on the classpath (the test
     * resources, which the pom copies from infra/resources.json).
     */
    public static ResourceNames load() {
        String configured = System.getProperty(FILE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return fromFile(Path.of(configured));
        }
        Path sibling = Path.of("..", "resources.json");
        if (Files.isRegularFile(sibling)) {
            return fromFile(sibling);
        }
        try (InputStream in = ResourceNames.class.getResourceAsStream("/resources.json")) {
            if (in == null) {
                throw new IllegalStateException("infra/resources.json not found: set -D" + FILE_PROPERTY
                        + "=<path> or run from infra/aws");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ResourceNames fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    public static ResourceNames parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        return new ResourceNames(
                text(root, "prefix"),
                topic(required(root, "topics", "domainEvents")),
                queue(required(root, "queues", "projector")),
                queue(required(root, "queues", "audit")),
                table(required(root, "tables", "employees")),
                table(required(root, "tables", "audit")));
    }

    /** Both queues, projector first. */
    public List<Queue> queues() {
        return List.of(projectorQueue, auditQueue);
    }

    private static Topic topic(JsonNode n) {
        return new Topic(text(n, "name"), text(n, "env"));
    }

    private static Queue queue(JsonNode n) {
        int maxReceiveCount = required(n, "maxReceiveCount").asInt();
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("maxReceiveCount out of range 1..1000: " + maxReceiveCount);
        }
        return new Queue(text(n, "name"), text(n, "dlq"), text(n, "env"), text(n, "dlqEnv"), maxReceiveCount);
    }

    private static Table table(JsonNode n) {
        List<Index> indexes = new ArrayList<>();
        JsonNode list = n.get("indexes");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("resources.json: indexes of table " + text(n, "name")
                        + " is not an array");
            }
            for (JsonNode ix : list) {
                indexes.add(new Index(text(ix, "name"), text(ix, "partitionKey"), text(ix, "sortKey")));
            }
        }
        return new Table(text(n, "name"), text(n, "env"), text(n, "partitionKey"), text(n, "sortKey"), indexes);
    }

    private static JsonNode required(JsonNode n, String... path) {
        JsonNode cur = n;
        for (String p : path) {
            cur = cur.get(p);
            if (cur == null || cur.isNull()) {
                throw new IllegalArgumentException("resources.json: missing " + String.join(".", path));
            }
        }
        return cur;
    }

    private static String text(JsonNode n, String field) {
        String v = Objects.requireNonNull(required(n, field).asText(null), field);
        if (v.isBlank()) {
            throw new IllegalArgumentException("resources.json: blank " + field);
        }
        return v;
    }
}
