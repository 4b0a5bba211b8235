package dev.cqrs.infra.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CqrsConfigTest {

    @Test
    void missingProjectorJarIsAClearErrorNotAPlaceholderDeployment(@TempDir Path tmp) {
        App app = Synth.app(tmp, Map.of("projectorCode", tmp.resolve("nope.jar").toString()));
        assertThatThrownBy(() -> CqrsConfig.fromContext(app.getNode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Projector Lambda code not found")
                .hasMessageContaining("-c projectorCode=");
    }

    @Test
    void defaultsPointAtTheProjectorBuildOutput(@TempDir Path tmp) {
        assertThat(CqrsConfig.DEFAULT_PROJECTOR_CODE).isEqualTo("../../projector-lambda/target/projector-lambda.jar");
        Path code = Synth.placeholderProjectorCode(tmp);
        CqrsConfig config = CqrsConfig.fromContext(Synth.app(tmp, Map.of("projectorCode", code.toString())).getNode());
        assertThat(config.imageTag()).isEqualTo("latest");
        assertThat(config.dbZoneName()).isEqualTo("db.cqrs.internal");
        assertThat(config.allowedIngressCidr()).isEqualTo("0.0.0.0/0");
        assertThat(config.outboxAgeAlarmSeconds()).isEqualTo(300);
        assertThat(config.alarmEmail()).isEmpty();
    }

    @Test
    void rejectsAMalformedCidr(@TempDir Path tmp) {
        Path code = Synth.placeholderProjectorCode(tmp);
        App app = Synth.app(tmp, Map.of("projectorCode", code.toString(), "allowedIngressCidr", "everyone"));
        assertThatThrownBy(() -> CqrsConfig.fromContext(app.getNode())).hasMessageContaining("allowedIngressCidr");
    }
}
