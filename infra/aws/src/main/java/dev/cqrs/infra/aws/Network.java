package dev.cqrs.infra.aws;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;

import java.util.List;
import java.util.Map;

/**
 * The VPC over 2 AZs (public, private-with-egress and isolated subnets) and one security group per kind of client,
 * with the only ingress rules between them: every client that needs MySQL may reach it on 3306.
 * <p>
 * One NAT gateway (~33 USD/month) instead of interface endpoints for ECR api+dkr, logs, secretsmanager, sns, sqs and
 * monitoring (7 x 2 AZ x ~7.3 USD = ~102 USD/month). S3 (ECR layers) and DynamoDB use free gateway endpoints, so the
 * bulk of the traffic never touches the NAT. See README.md.
 */
final class Network {

    final Vpc vpc;
    /** Fargate tasks and Lambdas: private, egress through the NAT. */
    final SubnetSelection serviceSubnets = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
    /** RDS: isolated. */
    final SubnetSelection dataSubnets = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    final SecurityGroup database;
    final SecurityGroup commandService;
    final SecurityGroup queryService;
    final SecurityGroup auditWorker;
    final SecurityGroup projector;
    final SecurityGroup dbBootstrap;

    Network(Stack stack) {
        vpc = Vpc.Builder.create(stack, "Vpc")
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(2)
                .natGateways(1)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("services").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(22).build(),
                        SubnetConfiguration.builder().name("data").subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24).build()))
                .gatewayEndpoints(Map.of(
                        "S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build(),
                        "DynamoDb", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.DYNAMODB)
                                .build()))
                .build();

        database = securityGroup(stack, "DatabaseSg", "MySQL primary and replicas");
        commandService = securityGroup(stack, "CommandServiceSg", "command-service tasks");
        queryService = securityGroup(stack, "QueryServiceSg", "query-service tasks");
        auditWorker = securityGroup(stack, "AuditWorkerSg", "audit-worker tasks");
        projector = securityGroup(stack, "ProjectorSg", "projector Lambda");
        dbBootstrap = securityGroup(stack, "DbBootstrapSg", "one-shot database bootstrap task");
        Port mysql = Port.tcp(CqrsStack.MYSQL_PORT);
        database.addIngressRule(commandService, mysql, "command-service -> primary");
        database.addIngressRule(projector, mysql, "projector -> primary");
        database.addIngressRule(queryService, mysql, "query-service -> replicas");
        database.addIngressRule(dbBootstrap, mysql, "bootstrap -> primary");
    }

    private SecurityGroup securityGroup(Stack stack, String id, String description) {
        return SecurityGroup.Builder.create(stack, id).vpc(vpc).description(description).allowAllOutbound(true)
                .build();
    }
}
