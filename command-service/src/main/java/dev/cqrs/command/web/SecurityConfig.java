package dev.cqrs.command.web;

import dev.cqrs.security.ApiSecurity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import static dev.cqrs.contracts.auth.Scopes.AUDIT_WRITE;
import static dev.cqrs.contracts.auth.Scopes.EMPLOYEES_WRITE;
import static dev.cqrs.contracts.auth.Scopes.OUTBOX_ADMIN;
import static dev.cqrs.contracts.auth.Scopes.TODOS_WRITE;
import static dev.cqrs.security.ApiSecurity.scope;

/**
 * Which scope each command needs (the README's endpoint × scope table); tokens, 401/403 and the open paths are
 * {@link ApiSecurity}'s. A request refused here never reaches the idempotency filter or a handler: nothing is written.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, @Value("${auth.scope-prefix:}") String scopePrefix) {
        return ApiSecurity.chain(http, json, scopePrefix, api -> api
                .requestMatchers("/api/todos", "/api/todos/**").hasAuthority(scope(TODOS_WRITE))
                .requestMatchers("/api/employees", "/api/employees/**").hasAuthority(scope(EMPLOYEES_WRITE))
                .requestMatchers("/api/audit").hasAuthority(scope(AUDIT_WRITE))
                .requestMatchers("/api/outbox/**").hasAuthority(scope(OUTBOX_ADMIN)));
    }

    @Bean
    OAuth2TokenValidator<Jwt> usableSubject() {
        return ApiSecurity.usableSubject();
    }
}
