package dev.cqrs.infra.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proves the validation the stack tests rely on is live: with cdk.json's context, a template that breaks the
 * CloudFormation resource schema (checked offline by the validator bundled in aws-cdk-lib) fails synthesis.
 */
class StrictValidationTest {

    @Test
    void schemaViolationFailsSynthesis(@TempDir Path tmp) {
        App app = Synth.app(tmp, Map.of());
        Stack stack = new Stack(app, "Broken");
        // Raw L1 escape hatch: bypasses the typed builders, so only the template validation can catch it.
        CfnResource.Builder.create(stack, "Queue")
                .type("AWS::SQS::Queue")
                .properties(Map.of("FifoQueue", "definitely", "NoSuchProperty", 1))
                .build();
        assertThatThrownBy(app::synth)
                .hasMessageContaining("ValidationFailed")
                .hasMessageContaining("Broken/Queue");
    }

    @Test
    void validTemplatePasses(@TempDir Path tmp) {
        App app = Synth.app(tmp, Map.of());
        Stack stack = new Stack(app, "Fine");
        CfnResource.Builder.create(stack, "Queue")
                .type("AWS::SQS::Queue")
                .properties(Map.of("FifoQueue", true, "QueueName", "fine.fifo"))
                .build();
        assertThatNoException().isThrownBy(app::synth);
    }
}
