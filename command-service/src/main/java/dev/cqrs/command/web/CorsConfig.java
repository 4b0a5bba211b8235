package dev.cqrs.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.util.List;

/**
 * Lets browser front ends from the configured origins send commands. A servlet filter rather than MVC's CORS
 * mapping, because idempotent replays and 413s are answered by filters before MVC runs and need the headers too.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

    /** Not named "corsFilter": Spring Security's CORS support takes a bean of that name to be a CorsFilter. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterRegistration(@Value("${cors.allowed-origins}") List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Content-Type", "If-Match", "Idempotency-Key", "X-Correlation-Id", "Authorization"));
        cors.setExposedHeaders(List.of("Location", "ETag", "X-Consistency-Token", "X-Correlation-Id",
                "Idempotent-Replayed"));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        var registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
