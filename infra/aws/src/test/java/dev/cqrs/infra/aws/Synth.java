package dev.cqrs.infra.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the app exactly as {@code cdk synth} would: same cdk.json context (feature flags, strict validation). */
final class Synth {

    private Synth() {
    }

    /** The "context" object of infra/aws/cdk.json. */
    static Map<String, Object> cdkJsonContext() {
        Path cdkJson = Path.of(System.getProperty("cqrs.cdk.json", "cdk.json"));
        try {
            Map<String, Object> root = new ObjectMapper().readValue(cdkJson.toFile(), new TypeReference<>() {
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) root.get("context");
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A tiny stand-in for projector-lambda/target/projector-lambda.jar, so synthesis never needs the projector build.
     * The asset is only hashed and copied into the test's cloud assembly, never deployed.
     */
    static Path placeholderProjectorCode(Path dir) {
        try {
            Path code = Files.createDirectories(dir.resolve("projector-placeholder"));
            Files.writeString(code.resolve("PLACEHOLDER.txt"), "tests only: stands in for projector-lambda.jar\n");
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static App app(Path outdir, Map<String, Object> extraContext) {
        Map<String, Object> context = new LinkedHashMap<>(cdkJsonContext());
        // In-memory mode: a validation failure throws with the full report in the exception message.
        context.put("@aws-cdk/core:appMode", "inmemory");
        context.putAll(extraContext);
        return new App(AppProps.builder().outdir(outdir.toString()).context(context).build());
    }
}
