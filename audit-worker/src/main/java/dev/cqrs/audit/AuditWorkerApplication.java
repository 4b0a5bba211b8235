package dev.cqrs.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Long-running consumer of the audit queue: one append-only audit item per event in DynamoDB. Its only HTTP surface
 * is the actuator health endpoint.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuditWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditWorkerApplication.class, args);
    }
}
