package dev.cqrs.query.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of {@code GET /api/pipeline} ({@code pipeline.*}): where the other services' metrics are (base URLs; the
 * path {@code /actuator/prometheus} is appended), how long one scrape may take, and how long a snapshot is reused.
 *
 * @param commandService base URL of command-service (local default http://127.0.0.1:8080)
 * @param projector      base URL of the projector's local runner (http://127.0.0.1:8083)
 * @param auditWorker    base URL of the audit worker (http://127.0.0.1:8082)
 * @param scrapeTimeout  a service slower than this counts as down for the snapshot
 * @param cacheFor       a snapshot younger than this is answered again instead of scraping anew
 */
@ConfigurationProperties("pipeline")
record PipelineProperties(
        @DefaultValue("http://127.0.0.1:8080") URI commandService,
        @DefaultValue("http://127.0.0.1:8083") URI projector,
        @DefaultValue("http://127.0.0.1:8082") URI auditWorker,
        @DefaultValue("1s") Duration scrapeTimeout,
        @DefaultValue("1s") Duration cacheFor) {
}
