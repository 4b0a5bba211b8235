package dev.cqrs.query.audit;

import dev.cqrs.query.ApiClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.UUID;

/**
 * Against the local DynamoDB with a table name nobody provisioned: the service must neither create the table nor leak
 * the SDK's error, but answer 503 as a problem detail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "audit.table-name=query-service-test-missing-table")
class AuditTableMissingTest {

    @LocalServerPort
    int port;

    @Test
    void aMissingTableIsA503Problem() {
        ApiClients.reader(port)
                .get().uri("/api/audit?entityType=todo&entityId={id}", UUID.randomUUID()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo("The audit trail is unavailable");
    }
}
