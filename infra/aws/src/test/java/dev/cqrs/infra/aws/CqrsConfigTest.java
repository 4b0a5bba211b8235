package dev.cqrs.infra.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

import java.nio.file.Path;
import java.util.List;
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
        // closed by default: no ingress, plain HTTP only until a certificate is given, nothing extra exposed
        assertThat(config.allowedIngressCidrs()).isEmpty();
        assertThat(config.certificateArn()).isEmpty();
        assertThat(config.exposeActuator()).isFalse();
        assertThat(config.exposeDiagnostics()).isFalse();
        assertThat(config.exposeApiDocs()).isFalse();
        assertThat(config.outboxAgeAlarmSeconds()).isEqualTo(300);
        assertThat(config.alarmEmail()).isEmpty();
    }

    @Test
    void rejectsAMalformedCidr(@TempDir Path tmp) {
        Path code = Synth.placeholderProjectorCode(tmp);
        App app = Synth.app(tmp, Map.of("projectorCode", code.toString(), "allowedIngressCidrs", "10.0.0.0/8,everyone"));
        assertThatThrownBy(() -> CqrsConfig.fromContext(app.getNode()))
                .hasMessageContaining("allowedIngressCidrs").hasMessageContaining("everyone");
    }

    @Test
    void cidrsAsACommaOrSpaceSeparatedStringOrAJsonList(@TempDir Path tmp) {
        Path code = Synth.placeholderProjectorCode(tmp);
        CqrsConfig fromCli = CqrsConfig.fromContext(Synth.app(tmp, Map.of("projectorCode", code.toString(),
                "allowedIngressCidrs", "203.0.113.0/24, 198.51.100.7/32 2001:db8::/32")).getNode());
        assertThat(fromCli.allowedIngressCidrs()).containsExactly("203.0.113.0/24", "198.51.100.7/32", "2001:db8::/32");
        CqrsConfig fromJson = CqrsConfig.fromContext(Synth.app(tmp, Map.of("projectorCode", code.toString(),
                "allowedIngressCidrs", List.of("203.0.113.0/24"))).getNode());
        assertThat(fromJson.allowedIngressCidrs()).containsExactly("203.0.113.0/24");
    }

    @Test
    void theOldOpenByDefaultKeyIsRefusedNotIgnored(@TempDir Path tmp) {
        Path code = Synth.placeholderProjectorCode(tmp);
        App app = Synth.app(tmp, Map.of("projectorCode", code.toString(), "allowedIngressCidr", "0.0.0.0/0"));
        assertThatThrownBy(() -> CqrsConfig.fromContext(app.getNode())).hasMessageContaining("allowedIngressCidrs");
    }

    @Test
    void rejectsWhatIsNotACertificateArnOrAFlag(@TempDir Path tmp) {
        Path code = Synth.placeholderProjectorCode(tmp);
        App cert = Synth.app(tmp, Map.of("projectorCode", code.toString(), "certificateArn", "my-cert"));
        assertThatThrownBy(() -> CqrsConfig.fromContext(cert.getNode())).hasMessageContaining("certificateArn");
        App flag = Synth.app(tmp, Map.of("projectorCode", code.toString(), "exposeApiDocs", "yes"));
        assertThatThrownBy(() -> CqrsConfig.fromContext(flag.getNode())).hasMessageContaining("exposeApiDocs");
    }
}
