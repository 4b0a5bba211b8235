package dev.cqrs.infra.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;

import java.util.List;

/**
 * An internet-facing ALB, port-based like the local stack (so Swagger UI stays at {@code /swagger-ui.html} on each
 * port): 8080 to command-service, 8081 to query-service, reachable from {@code allowedIngressCidr} only; target
 * health {@code /actuator/health}.
 */
final class LoadBalancer {

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
        listener("CommandListener", CqrsStack.COMMAND_PORT, services.commandService);
        listener("QueryListener", CqrsStack.QUERY_PORT, services.queryService);
    }

    String url(int port) {
        return "http://" + alb.getLoadBalancerDnsName() + ":" + port;
    }

    private void listener(String id, int port, FargateService service) {
        ApplicationListener listener = alb.addListener(id, BaseApplicationListenerProps.builder()
                .port(port)
                .protocol(ApplicationProtocol.HTTP)
                .open(false)
                .build());
        listener.getConnections().allowDefaultPortFrom(Peer.ipv4(config.allowedIngressCidr()), "API clients");
        listener.addTargets(id + "Targets", AddApplicationTargetsProps.builder()
                .port(port)
                .protocol(ApplicationProtocol.HTTP)
                .targets(List.of(service))
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder()
                        .path("/actuator/health")
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .build());
    }
}
