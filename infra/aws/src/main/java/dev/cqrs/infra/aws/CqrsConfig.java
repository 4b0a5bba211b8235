package dev.cqrs.infra.aws;

import software.constructs.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deployment settings, read from CDK context ({@code cdk deploy -c key=value} or cdk.json). Nothing here is secret.
 *
 * @param imageTag               tag of the three service images in their ECR repositories (context {@code imageTag})
 * @param commandServiceImage    full image URI overriding the ECR repository (context {@code commandServiceImage})
 * @param queryServiceImage      full image URI overriding the ECR repository (context {@code queryServiceImage})
 * @param auditWorkerImage       full image URI overriding the ECR repository (context {@code auditWorkerImage})
 * @param projectorCode          the projector Lambda's code: a jar/zip file or a directory (context {@code projectorCode})
 * @param dbZoneName             private hosted zone holding the weighted replica name (context {@code dbZoneName})
 * @param allowedIngressCidrs    who may reach the load balancer's listeners: IPv4/IPv6 CIDRs (context
 *                               {@code allowedIngressCidrs}, comma- or space-separated, or a JSON list in cdk.json);
 *                               closed by default: no CIDR, no ingress
 * @param certificateArn         ACM certificate for HTTPS listeners (8443 commands, 8444 queries); HTTP 8080/8081
 *                               then only redirect to them (context {@code certificateArn}); without it, plain HTTP
 * @param exposeActuator         route every {@code /actuator/**} path through the public listeners, not only the
 *                               liveness and readiness probes (context {@code exposeActuator}, default false)
 * @param exposeDiagnostics      route {@code /api/diagnostics/**} (which replica answered, its host name) through the
 *                               public listeners (context {@code exposeDiagnostics}, default false)
 * @param exposeApiDocs          route Swagger UI and {@code /v3/api-docs} through the public listeners (context
 *                               {@code exposeApiDocs}, default false)
 * @param alarmEmail             optional e-mail subscribed to the alarm topic (context {@code alarmEmail})
 * @param outboxAgeAlarmSeconds  alarm when the oldest unpublished outbox row is older than this (context {@code outboxAgeAlarmSeconds})
 */
public record CqrsConfig(String imageTag,
                         Optional<String> commandServiceImage,
                         Optional<String> queryServiceImage,
                         Optional<String> auditWorkerImage,
                         Path projectorCode,
                         String dbZoneName,
                         List<String> allowedIngressCidrs,
                         Optional<String> certificateArn,
                         boolean exposeActuator,
                         boolean exposeDiagnostics,
                         boolean exposeApiDocs,
                         Optional<String> alarmEmail,
                         int outboxAgeAlarmSeconds) {

    /** Where {@code mvn package} in projector-lambda puts the jar, relative to infra/aws (the CLI's working dir). */
    public static final String DEFAULT_PROJECTOR_CODE = "../../projector-lambda/target/projector-lambda.jar";

    public CqrsConfig {
        if (!Files.exists(projectorCode)) {
            throw new IllegalArgumentException("Projector Lambda code not found at " + projectorCode.toAbsolutePath()
                    + ": build it first (./mvnw -pl projector-lambda -am package) or pass -c projectorCode=<jar or dir>");
        }
        allowedIngressCidrs = List.copyOf(allowedIngressCidrs);
        for (String cidr : allowedIngressCidrs) {
            if (!IPV4_CIDR.matcher(cidr).matches() && !IPV6_CIDR.matcher(cidr).matches()) {
                throw new IllegalArgumentException("allowedIngressCidrs: not an IPv4 or IPv6 CIDR: " + cidr);
            }
        }
        if (certificateArn.isPresent() && !certificateArn.get().matches("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/.+")) {
            throw new IllegalArgumentException("certificateArn must be an ACM certificate ARN: " + certificateArn.get());
        }
        if (outboxAgeAlarmSeconds < 1) {
            throw new IllegalArgumentException("outboxAgeAlarmSeconds must be positive");
        }
    }

    private static final Pattern IPV4_CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*/\\d{1,3}");

    public static CqrsConfig fromContext(Node node) {
        if (node.tryGetContext("allowedIngressCidr") != null) {
            // the old single-CIDR key defaulted to the whole internet; refuse it rather than silently ignore it
            throw new IllegalArgumentException("context allowedIngressCidr was replaced by allowedIngressCidrs "
                    + "(a list; empty = no ingress): -c allowedIngressCidrs=203.0.113.0/24,198.51.100.7/32");
        }
        return new CqrsConfig(
                string(node, "imageTag").orElse("latest"),
                string(node, "commandServiceImage"),
                string(node, "queryServiceImage"),
                string(node, "auditWorkerImage"),
                Path.of(string(node, "projectorCode").orElse(DEFAULT_PROJECTOR_CODE)),
                string(node, "dbZoneName").orElse("db.cqrs.internal"),
                list(node, "allowedIngressCidrs"),
                string(node, "certificateArn"),
                flag(node, "exposeActuator"),
                flag(node, "exposeDiagnostics"),
                flag(node, "exposeApiDocs"),
                string(node, "alarmEmail"),
                Integer.parseInt(string(node, "outboxAgeAlarmSeconds").orElse("300")));
    }

    /** A JSON list (cdk.json) or a comma/space-separated string ({@code -c key=a,b}); absent = empty. */
    private static List<String> list(Node node, String key) {
        Object v = node.tryGetContext(key);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> items) {
            items.forEach(item -> out.add(String.valueOf(item).strip()));
        } else {
            out.addAll(Arrays.asList(v.toString().strip().split("[,\\s]+")));
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static boolean flag(Node node, String key) {
        Optional<String> v = string(node, key);
        if (v.isPresent() && !v.get().equals("true") && !v.get().equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false: " + v.get());
        }
        return v.map(Boolean::parseBoolean).orElse(false);
    }

    private static Optional<String> string(Node node, String key) {
        Object v = node.tryGetContext(key);
        return v == null || v.toString().isBlank() ? Optional.empty() : Optional.of(v.toString());
    }
}
