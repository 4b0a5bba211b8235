package dev.cqrs.query.web;

import dev.cqrs.security.ApiSecurity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import static dev.cqrs.contracts.auth.Scopes.READ;
import static dev.cqrs.security.ApiSecurity.scope;

/**
 * Every query needs scope {@code read} (the README's endpoint × scope table); tokens, 401/403 and the open paths are
 * {@link ApiSecurity}'s.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, @Value("${auth.scope-prefix:}") String scopePrefix) {
        return ApiSecurity.chain(http, json, scopePrefix, api -> api
                .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(scope(READ))
                .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority(scope(READ)));
    }

    @Bean
    OAuth2TokenValidator<Jwt> usableSubject() {
        return ApiSecurity.usableSubject();
    }
}
