package dev.cqrs.infra.aws;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: {@code cdk synth|deploy} run this through cdk.json. Two stacks: {@code CqrsImages} (ECR repositories)
 * and {@code Cqrs} (everything else).
 */
public final class CqrsApp {

    public static final String IMAGES_STACK = "CqrsImages";
    public static final String MAIN_STACK = "Cqrs";

    private CqrsApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app, ResourceNames.load(), CqrsConfig.fromContext(app.getNode()));
        app.synth();
    }

    /** Adds both stacks to {@code app}; used by {@link #main} and by the tests. */
    public static CqrsStack build(App app, ResourceNames names, CqrsConfig config) {
        StackProps props = StackProps.builder()
                .env(environment())
                .description("CQRS system: MySQL primary + replicas, SNS/SQS FIFO, DynamoDB, Lambda projector, Fargate")
                .build();
        new ImagesStack(app, IMAGES_STACK, StackProps.builder().env(environment())
                .description("CQRS system: container image repositories").build(), names);
        CqrsStack stack = new CqrsStack(app, MAIN_STACK, props, names, config);
        Tags.of(app).add("project", names.prefix());
        return stack;
    }

    /** Account/region from the CLI's credentials when present (cdk deploy), else environment-agnostic. */
    private static Environment environment() {
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        if (account == null || region == null) {
            return null;
        }
        return Environment.builder().account(account).region(region).build();
    }
}
