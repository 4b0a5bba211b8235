package dev.cqrs.infra.aws;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers shared by the parts of {@link CqrsStack}. */
final class Parts {

    private Parts() {
    }

    /** A log group with a fixed name, kept one month, deleted with the stack. */
    static LogGroup logGroup(Construct scope, String id, String name) {
        return LogGroup.Builder.create(scope, id)
                .logGroupName(name)
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    static PolicyStatement allow(List<String> actions, String... resources) {
        return PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(List.of(resources))
                .build();
    }

    static String jdbcUrl(String host, String database) {
        return "jdbc:mysql://" + host + ":" + CqrsStack.MYSQL_PORT + "/" + database;
    }

    /**
     * A text file from the classpath (src/main/resources, and infra/sql/ as {@code sql/}), without its header: the
     * leading lines that start with {@code commentMarker} ({@code #}, {@code //}, {@code --}) document the file and
     * stay out of the template.
     */
    static String resource(String path, String commentMarker) {
        try (InputStream in = Parts.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("resource not on the classpath: " + path);
            }
            List<String> lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
            int body = 0;
            while (body < lines.size() && lines.get(body).startsWith(commentMarker)) {
                body++;
            }
            return String.join("\n", lines.subList(body, lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }
}
