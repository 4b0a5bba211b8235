package dev.cqrs.infra.aws;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.Map;

class CqrsStackTest {

    @TempDir
    static Path tmp;

    static ResourceNames names;
    static Template template;

    @BeforeAll
    static void synthesize() {
        names = ResourceNames.load();
        Path code = Synth.placeholderProjectorCode(tmp);
        App app = Synth.app(tmp.resolve("cdk.out"), Map.of("projectorCode", code.toString(), "imageTag", "test"));
        CqrsStack stack = CqrsApp.build(app, names, CqrsConfig.fromContext(app.getNode()));
        app.synth();
        template = Template.fromStack(stack);
    }

    @Test
    void synthesizes() {
        System.out.println(template.toJSON().keySet());
    }
}
