package dev.cqrs.query.todo;

import dev.cqrs.query.ApiClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The running query service on a random port, over a migrated read model: what every todo API test starts from. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TodoApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    RestTestClient http;

    @BeforeAll
    static void readModelExists() {
        ReadModelSchema.ensureMigrated();
    }

    @BeforeEach
    void client() {
        http = ApiClients.reader(port);
    }
}
