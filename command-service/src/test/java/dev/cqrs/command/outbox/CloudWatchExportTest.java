package dev.cqrs.command.outbox;

import dev.cqrs.contracts.observability.CloudWatchMetrics;
import dev.cqrs.contracts.observability.MetricNames;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The CloudWatch export is switched by one property and carries the alarmed names only, without dimensions. */
class CloudWatchExportTest {

    /** A client that can reach nothing but a closed loopback port: the registry's last publish on close fails. */
    private static CloudWatchAsyncClient loopbackClient() {
        return CloudWatchAsyncClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .endpointOverride(URI.create("http://127.0.0.1:9")).build();
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            // Spring Boot's conversions ("1m" as a Duration), as the application has them
            .withInitializer(app -> app.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withUserConfiguration(CloudWatchExport.class)
            .withBean(CloudWatchAsyncClient.class, CloudWatchExportTest::loopbackClient);

    @Test
    void offUnlessEnabled() {
        context.run(app -> assertThat(app).doesNotHaveBean(CloudWatchMeterRegistry.class));
    }

    @Test
    void whenEnabledTheOutboxGaugesAreExportedUnderTheAlarmedNamesOnly() {
        context.withPropertyValues("management.cloudwatch.metrics.export.enabled=true").run(app -> {
            CloudWatchMeterRegistry registry = app.getBean(CloudWatchMeterRegistry.class);
            Gauge.builder(MetricNames.OUTBOX_OLDEST_AGE, () -> 42).tag("instance", "a").register(registry);
            Gauge.builder(MetricNames.OUTBOX_PARKED, () -> 0).register(registry);
            Gauge.builder("jvm.threads.live", () -> 1).register(registry);

            assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                    .containsExactlyInAnyOrder("OldestUnpublishedAgeSeconds", "ParkedEvents");
            assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags()).isEmpty());
            assertThat(CloudWatchMetrics.NAMESPACE).isEqualTo("Cqrs/Outbox");
        });
    }
}
