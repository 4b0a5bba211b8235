package dev.cqrs.query.todo;

import dev.cqrs.query.StackEnv;
import dev.cqrs.query.consistency.ConsistencyToken;
import dev.cqrs.query.consistency.ReadYourWrites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration test on the local stack's two replicas: a query waiting for its consistency token is not tied to the
 * replica its pooled connection reached, and only a bounded number of queries wait at once.
 * <p>
 * The pool holds a single connection here, so the test can ask which replica it reaches and make exactly that one
 * lag (its SQL thread stopped: it keeps receiving the binlog but applies nothing). Only one query may wait at once.
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=1",
        "spring.datasource.hikari.minimum-idle=1",
        "queries.consistency-max-waiters=1",
        "queries.consistency-wait=5s"})
class TodoConsistencyAcrossReplicasTest extends TodoApiTest {

    private static final List<String> REPLICAS = List.of("REPLICA1_URL", "REPLICA2_URL");
    private static final SeededTodos seeded = new SeededTodos();

    @Autowired
    ReadYourWrites readYourWrites;

    @AfterAll
    static void removeSeededRows() throws Exception {
        seeded.close();
    }

    @Test
    void whileThePooledConnectionsReplicaLagsTheOtherReplicaAnswersTheTokenInsteadOfA503() throws Exception {
        TodoView todo = seedReplicatedAtVersion1("before the edit");
        long pooledServer = pooledConnectionServerId();
        String laggingReplica = replicaWithServerId(pooledServer);
        String otherReplica = REPLICAS.stream().filter(r -> !r.equals(laggingReplica)).findFirst().orElseThrow();

        sql(laggingReplica, "STOP REPLICA SQL_THREAD");
        try {
            SeededTodos.update(todo.id(), "after the edit", 2, false);
            await().atMost(Duration.ofSeconds(30)).until(() -> versionOn(otherReplica, todo.id()) == 2);
            assertThat(versionOn(laggingReplica, todo.id())).as("the lagging replica still has").isEqualTo(1);

            EntityExchangeResult<String> response = get(todo.id(), "2");

            assertThat(response.getStatus()).as(response.getResponseBody()).isEqualTo(HttpStatus.OK);
            JsonNode body = JSON.readTree(response.getResponseBody());
            assertThat(body.get("version").asLong()).isEqualTo(2);
            assertThat(body.get("title").asString()).isEqualTo("after the edit");
            assertThat(response.getResponseHeaders().getFirst("X-Served-By"))
                    .as("served by the replica that has the version, not the pooled connection's (%s)", pooledServer)
                    .isEqualTo(Long.toString(serverIdOf(otherReplica)));
        } finally {
            sql(laggingReplica, "START REPLICA SQL_THREAD");
        }
    }

    @Test
    void beyondTheWaiterBoundAQueryThatWouldWaitIsA503AtOnceWhileTheWaitingOneIsServed() throws Exception {
        TodoView todo = seedReplicatedAtVersion1("waited for");

        CompletableFuture<EntityExchangeResult<String>> waiting =
                CompletableFuture.supplyAsync(() -> get(todo.id(), "2"));
        await().atMost(Duration.ofSeconds(4)).until(() -> readYourWrites.waiting() == 1);

        long started = System.nanoTime();
        EntityExchangeResult<String> refused = get(todo.id(), "2");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(took).as("refused at once, not after the 5 s wait").isLessThan(Duration.ofSeconds(1));
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(refused.getResponseBody());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).contains(todo.id()).contains("already waiting");
        assertThat(problem.has("version")).as("no todo data in the problem").isFalse();
        // a token the replica has already reached needs no waiting, so it is served even now
        assertThat(get(todo.id(), "1").getStatus()).isEqualTo(HttpStatus.OK);

        SeededTodos.update(todo.id(), "waited for, edited", 2, false);
        EntityExchangeResult<String> served = waiting.get(10, TimeUnit.SECONDS);
        assertThat(served.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(served.getResponseBody()).get("version").asLong()).isEqualTo(2);
        assertThat(readYourWrites.waiting()).isZero();
    }

    private static TodoView seedReplicatedAtVersion1(String title) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TodoView todo = new TodoView(UUID.randomUUID().toString(), title, null, false, now, now, 1);
        seeded.insert(todo);
        SeededTodos.awaitReplicatedVersion(todo.id(), 1);
        return todo;
    }

    /** The server behind the pool's only connection. */
    private long pooledConnectionServerId() throws Exception {
        EntityExchangeResult<String> response = http.get().uri("/api/diagnostics/replica").exchange()
                .returnResult(String.class);
        assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getResponseBody()).get("serverId").asLong();
    }

    private static String replicaWithServerId(long serverId) throws SQLException {
        for (String replica : REPLICAS) {
            if (serverIdOf(replica) == serverId) {
                return replica;
            }
        }
        throw new IllegalStateException("no replica has server id " + serverId + " (1 would be the primary)");
    }

    private static long serverIdOf(String replica) throws SQLException {
        try (Connection connection = StackEnv.replicaReadDb(replica);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT @@server_id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long versionOn(String replica, String id) throws SQLException {
        try (Connection connection = StackEnv.replicaReadDb(replica);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM todo_view WHERE id = '" + id + "'")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static void sql(String replica, String statement) throws SQLException {
        try (Connection connection = StackEnv.replicaReadDb(replica);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private EntityExchangeResult<String> get(String id, String token) {
        return http.get().uri("/api/todos/{id}", id).header(ConsistencyToken.HEADER, token).exchange()
                .returnResult(String.class);
    }
}
