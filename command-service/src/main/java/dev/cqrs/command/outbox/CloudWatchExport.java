package dev.cqrs.command.outbox;

import dev.cqrs.contracts.observability.CloudWatchMetrics;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Exports the outbox gauges to CloudWatch under exactly the names the CDK alarms watch ({@link CloudWatchMetrics}:
 * namespace {@code Cqrs/Outbox}, no dimensions), with Micrometer's CloudWatch registry beside the Prometheus one.
 * On only where {@code management.cloudwatch.metrics.export.enabled=true} (the ECS task definition); off locally.
 * Every other meter stays off CloudWatch: each exported metric is a billed custom metric.
 * <p>
 * Spring Boot has no auto-configuration for this registry, hence this class. The client takes region, credentials and
 * endpoint from the SDK's standard settings only; PutMetricData creates nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "management.cloudwatch.metrics.export.enabled", havingValue = "true")
class CloudWatchExport {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CloudWatchAsyncClient cloudWatchAsyncClient() {
        return CloudWatchAsyncClient.create();
    }

    /** Reports every {@code step} (default one minute, the alarms' period); closing it publishes one last time. */
    @Bean
    CloudWatchMeterRegistry cloudWatchMeterRegistry(
            CloudWatchAsyncClient client,
            @Value("${management.cloudwatch.metrics.export.step:1m}") Duration step) {
        CloudWatchConfig config = new CloudWatchConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String namespace() {
                return CloudWatchMetrics.NAMESPACE;
            }

            @Override
            public Duration step() {
                return step;
            }
        };
        CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config, Clock.SYSTEM, client);
        registry.config().meterFilter(onlyTheAlarmedMetrics());
        return registry;
    }

    /** Renames the exported meters to their CloudWatch names without tags (dimensions), and denies all others. */
    static MeterFilter onlyTheAlarmedMetrics() {
        Map<String, String> cloudWatchName = CloudWatchMetrics.EXPORTED.stream()
                .collect(Collectors.toMap(CloudWatchMetrics.Exported::meterName, CloudWatchMetrics.Exported::metricName));
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String name = cloudWatchName.get(id.getName());
                return name == null ? id : id.withName(name).replaceTags(Tags.empty());
            }

            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return cloudWatchName.containsValue(id.getName()) ? MeterFilterReply.ACCEPT : MeterFilterReply.DENY;
            }
        };
    }
}
