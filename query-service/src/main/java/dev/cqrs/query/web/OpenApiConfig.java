package dev.cqrs.query.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI queryServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Query service")
                .version("v1")
                .description("""
                        The read side of the CQRS example. Todos come from the read model on the MySQL replicas, \
                        reached through a weighted DNS name; the X-Served-By header names the replica's server id. \
                        Employees come from the DynamoDB employees table, audit records from the DynamoDB audit \
                        table, newest first. Lists are paginated with opaque cursors. Single-item reads answer the \
                        aggregate's version as ETag and accept a command's X-Consistency-Token to read your own \
                        write (bounded wait, else 503 with Retry-After). Errors are RFC 9457 problem details; \
                        validation problems list each invalid input under errors."""));
    }
}
