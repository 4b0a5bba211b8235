package dev.cqrs.infra.aws;

import software.constructs.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Deployment settings, read from CDK context ({@code cdk deploy -c key=value} or cdk.json). Nothing here is secret.
 *
 * @param imageTag               tag of the three service images in their ECR repositories (context {@code imageTag})
 * @param commandServiceImage    full image URI overriding the ECR repository (context {@code commandServiceImage})
 * @param queryServiceImage      full image URI overriding the ECR repository (context {@code queryServiceImage})
 * @param auditWorkerImage       full image URI overriding the ECR repository (context {@code auditWorkerImage})
 * @param projectorCode          the projector Lambda's code: a jar/zip file or a directory (context {@code projectorCode})
 * @param dbZoneName             private hosted zone holding the weighted replica name (context {@code dbZoneName})
 * @param allowedIngressCidr     who may reach the load balancer's ports 8080/8081 (context {@code allowedIngressCidr})
 * @param alarmEmail             optional e-mail subscribed to the alarm topic (context {@code alarmEmail})
 * @param outboxAgeAlarmSeconds  alarm when the oldest unpublished outbox row is older than this (context {@code outboxAgeAlarmSeconds})
 */
public record CqrsConfig(String imageTag,
                         Optional<String> commandServiceImage,
                         Optional<String> queryServiceImage,
                         Optional<String> auditWorkerImage,
                         Path projectorCode,
                         String dbZoneName,
                         String allowedIngressCidr,
                         Optional<String> alarmEmail,
                         int outboxAgeAlarmSeconds) {

    /** Where {@code mvn package} in projector-lambda puts the jar, relative to infra/aws (the CLI's working dir). */
    public static final String DEFAULT_PROJECTOR_CODE = "../../projector-lambda/target/projector-lambda.jar";

    public CqrsConfig {
        if (!Files.exists(projectorCode)) {
            throw new IllegalArgumentException("Projector Lambda code not found at " + projectorCode.toAbsolutePath()
                    + ": build it first (./mvnw -pl projector-lambda -am package) or pass -c projectorCode=<jar or dir>");
        }
        if (!allowedIngressCidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
            throw new IllegalArgumentException("allowedIngressCidr must be an IPv4 CIDR: " + allowedIngressCidr);
        }
        if (outboxAgeAlarmSeconds < 1) {
            throw new IllegalArgumentException("outboxAgeAlarmSeconds must be positive");
        }
    }

    public static CqrsConfig fromContext(Node node) {
        return new CqrsConfig(
                string(node, "imageTag").orElse("latest"),
                string(node, "commandServiceImage"),
                string(node, "queryServiceImage"),
                string(node, "auditWorkerImage"),
                Path.of(string(node, "projectorCode").orElse(DEFAULT_PROJECTOR_CODE)),
                string(node, "dbZoneName").orElse("db.cqrs.internal"),
                string(node, "allowedIngressCidr").orElse("0.0.0.0/0"),
                string(node, "alarmEmail"),
                Integer.parseInt(string(node, "outboxAgeAlarmSeconds").orElse("300")));
    }

    private static Optional<String> string(Node node, String key) {
        Object v = node.tryGetContext(key);
        return v == null || v.toString().isBlank() ? Optional.empty() : Optional.of(v.toString());
    }
}
