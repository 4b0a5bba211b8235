package dev.cqrs.infra.aws;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.constructs.Construct;

import java.util.List;

/**
 * ECR repositories for the three container services. Deployed first (images must exist before the services start);
 * the main stack refers to the repositories by name, so the two stacks share no CloudFormation exports.
 */
public class ImagesStack extends Stack {

    public static final List<String> SERVICES = List.of("command-service", "query-service", "audit-worker");

    public ImagesStack(Construct scope, String id, StackProps props, ResourceNames names) {
        super(scope, id, props);
        for (String service : SERVICES) {
            Repository repo = Repository.Builder.create(this, service)
                    .repositoryName(repositoryName(names, service))
                    .imageScanOnPush(true)
                    .imageTagMutability(TagMutability.MUTABLE)
                    .lifecycleRules(List.of(LifecycleRule.builder()
                            .description("keep the last 20 images")
                            .maxImageCount(20)
                            .build()))
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .build();
            CfnOutput.Builder.create(this, service.replace("-", "") + "RepositoryUri")
                    .value(repo.getRepositoryUri())
                    .build();
        }
    }

    public static String repositoryName(ResourceNames names, String service) {
        return names.prefix() + "/" + service;
    }
}
