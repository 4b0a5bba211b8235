package dev.cqrs.infra.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.IPeer;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.CfnListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;

import java.util.List;

/**
 * An internet-facing ALB, port-based like the local stack: commands on one port, queries on another. Closed by
 * default ({@link CqrsConfig}):
 * <ul>
 *   <li>ingress only from {@code allowedIngressCidrs}; none configured, no ingress rule at all;</li>
 *   <li>with {@code certificateArn}: HTTPS on {@value #COMMAND_HTTPS_PORT} (commands) and {@value #QUERY_HTTPS_PORT}
 *       (queries), TLS 1.2+ ({@link SslPolicy#RECOMMENDED_TLS}), and HTTP {@code 8080}/{@code 8081} answer only a
 *       301 to them; without it, plain HTTP on 8080/8081;</li>
 *   <li>an allow-list of paths ({@link #rules}): the API under {@code /api/}, the liveness and readiness probes;
 *       everything else (other actuator endpoints, Swagger UI, {@code /v3/api-docs}) answers a fixed 404 from the
 *       load balancer unless switched on, and so does {@code /api/diagnostics/**}. Paths with percent-encoding,
 *       {@code ;}, a backslash or dot segments are refused too, so an encoded spelling cannot slip past a rule and be
 *       decoded by the service.</li>
 * </ul>
 * Target health: {@code /actuator/health}, checked by the load balancer directly on the tasks (not through a
 * listener, so not subject to the rules).
 */
final class LoadBalancer {

    static final int COMMAND_HTTPS_PORT = 8443;
    static final int QUERY_HTTPS_PORT = 8444;

    /** Listener-rule priorities (lower wins); the default action of every routing listener is the 404 below. */
    static final int PRIORITY_ODD_PATHS = 1;
    static final int PRIORITY_PROBES = 10;
    static final int PRIORITY_DIAGNOSTICS = 20;
    static final int PRIORITY_API = 30;
    static final int PRIORITY_API_DOCS = 40;
    static final int PRIORITY_ACTUATOR = 50;

    static final String NOT_FOUND_BODY = "{\"status\":404,\"title\":\"Not Found\"}";

    final ApplicationLoadBalancer alb;
    private final CqrsConfig config;

    LoadBalancer(Stack stack, CqrsConfig config, Network network, Services services) {
        this.config = config;
        alb = ApplicationLoadBalancer.Builder.create(stack, "Alb")
                .vpc(network.vpc)
                .internetFacing(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .dropInvalidHeaderFields(true)
                .build();
        listeners("CommandListener", CqrsStack.COMMAND_PORT, COMMAND_HTTPS_PORT, services.commandService);
        listeners("QueryListener", CqrsStack.QUERY_PORT, QUERY_HTTPS_PORT, services.queryService);
    }

    /** The public base URL of the service whose plain port is {@code port} (its HTTPS port when HTTPS is on). */
    String url(int port) {
        if (config.certificateArn().isEmpty()) {
            return "http://" + alb.getLoadBalancerDnsName() + ":" + port;
        }
        return "https://" + alb.getLoadBalancerDnsName() + ":" + httpsPort(port);
    }

    private static int httpsPort(int port) {
        return port == CqrsStack.COMMAND_PORT ? COMMAND_HTTPS_PORT : QUERY_HTTPS_PORT;
    }

    /**
     * The HTTP listener on {@code port}, and with a certificate the HTTPS listener on {@code httpsPort} (ids keep the
     * HTTP listener's, {@code id}, so a deployed stack's listener is updated in place, not replaced).
     */
    private void listeners(String id, int port, int httpsPort, FargateService service) {
        boolean https = config.certificateArn().isPresent();
        ApplicationListener http = listener(id, port, ApplicationProtocol.HTTP, !https ? notFound()
                : ListenerAction.redirect(RedirectOptions.builder()
                        .protocol("HTTPS")
                        .port(String.valueOf(httpsPort))
                        .permanent(true)
                        .build()));
        // scope and id as ApplicationListener.addTargets gave them, so a deployed target group keeps its logical id
        ApplicationTargetGroup targets = ApplicationTargetGroup.Builder.create(http, id + "TargetsGroup")
                .vpc(alb.getVpc())
                .port(port)
                .protocol(ApplicationProtocol.HTTP)
                .targets(List.of(service))
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder()
                        .path(CqrsStack.LIVENESS_PATH)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .build();
        rules(!https ? http : listener(id + "Https", httpsPort, ApplicationProtocol.HTTPS, notFound()), targets);
    }

    private ApplicationListener listener(String id, int port, ApplicationProtocol protocol,
                                         ListenerAction defaultAction) {
        BaseApplicationListenerProps.Builder props = BaseApplicationListenerProps.builder()
                .port(port)
                .protocol(protocol)
                // no implicit 0.0.0.0/0 rule: ingress comes only from allowedIngressCidrs, below
                .open(false)
                .defaultAction(defaultAction);
        if (protocol == ApplicationProtocol.HTTPS) {
            props.certificates(List.of(ListenerCertificate.fromArn(config.certificateArn().orElseThrow())))
                    .sslPolicy(SslPolicy.RECOMMENDED_TLS);
        }
        ApplicationListener listener = alb.addListener(id, props.build());
        for (String cidr : config.allowedIngressCidrs()) {
            listener.getConnections().allowDefaultPortFrom(peer(cidr), "API clients " + cidr);
        }
        return listener;
    }

    /**
     * The allow-list on a routing listener, in priority order: odd paths 404; the two probes forwarded; diagnostics
     * 404 (unless exposed); the API forwarded; API docs and the other actuator endpoints forwarded only when exposed;
     * everything else falls through to the listener's 404. At most three values per condition (an ALB limit).
     */
    private void rules(ApplicationListener listener, ApplicationTargetGroup targets) {
        CfnListenerRule.Builder.create(listener, "OddPathsRule")
                .listenerArn(listener.getListenerArn())
                .priority(PRIORITY_ODD_PATHS)
                .conditions(List.of(CfnListenerRule.RuleConditionProperty.builder()
                        .field("path-pattern")
                        .pathPatternConfig(CfnListenerRule.PathPatternConfigProperty.builder()
                                // percent-encoding, ';' (path parameters), '\', and '.' or '..' segments
                                .regexValues(List.of("^.*[%;\\\\].*$", "^.*/\\.\\.?(/.*)?$"))
                                .build())
                        .build()))
                .actions(List.of(CfnListenerRule.ActionProperty.builder()
                        .type("fixed-response")
                        .fixedResponseConfig(CfnListenerRule.FixedResponseConfigProperty.builder()
                                .statusCode("404").contentType("application/json").messageBody(NOT_FOUND_BODY).build())
                        .build()))
                .build();
        ListenerAction forward = ListenerAction.forward(List.of(targets));
        action(listener, "Probes", PRIORITY_PROBES, forward,
                "/actuator/health/liveness", "/actuator/health/readiness");
        if (!config.exposeDiagnostics()) {
            action(listener, "Diagnostics", PRIORITY_DIAGNOSTICS, notFound(),
                    "/api/diagnostics", "/api/diagnostics/*");
        }
        action(listener, "Api", PRIORITY_API, forward, "/api/*");
        if (config.exposeApiDocs()) {
            action(listener, "ApiDocs", PRIORITY_API_DOCS, forward,
                    "/swagger-ui.html", "/swagger-ui/*", "/v3/api-docs*");
        }
        if (config.exposeActuator()) {
            action(listener, "Actuator", PRIORITY_ACTUATOR, forward, "/actuator", "/actuator/*");
        }
    }

    private static void action(ApplicationListener listener, String id, int priority, ListenerAction action,
                               String... paths) {
        listener.addAction(id, AddApplicationActionProps.builder()
                .priority(priority)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of(paths))))
                .action(action)
                .build());
    }

    private static ListenerAction notFound() {
        return ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                .contentType("application/json")
                .messageBody(NOT_FOUND_BODY)
                .build());
    }

    private static IPeer peer(String cidr) {
        return cidr.contains(":") ? Peer.ipv6(cidr) : Peer.ipv4(cidr);
    }
}
