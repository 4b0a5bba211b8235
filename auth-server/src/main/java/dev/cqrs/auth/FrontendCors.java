package dev.cqrs.auth;

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
 * The browser front end (a public client on another origin, {@code http://localhost:5173}) reads the discovery
 * document and the keys and exchanges its code at the token endpoint with {@code fetch}: those endpoints answer its
 * origin (CORS), ahead of Spring Security, so a preflight needs no credentials. The authorization endpoint and the
 * login form are navigations, not fetches, and get no CORS headers. Not named "corsFilter": Spring Security takes a
 * bean of that name to be its own CORS filter.
 */
@Configuration(proxyBeanMethods = false)
class FrontendCors {

    @Bean
    FilterRegistrationBean<CorsFilter> frontendCorsFilter(
            @Value("${cors.allowed-origins:http://localhost:5173}") List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "Authorization"));
        var source = new UrlBasedCorsConfigurationSource();
        for (String path : List.of("/.well-known/**", "/oauth2/jwks", "/oauth2/token", "/oauth2/revoke", "/userinfo")) {
            source.registerCorsConfiguration(path, cors);
        }
        var registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
