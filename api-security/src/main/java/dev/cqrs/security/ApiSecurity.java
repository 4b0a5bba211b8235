package dev.cqrs.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bearer-token setup of both HTTP APIs: an OAuth2 resource server (RFC 6750) that accepts only JWT access tokens
 * (RFC 7519, RFC 9068) of the configured issuer, verified by Spring Security against the issuer's JWKS, {@code iss},
 * {@code aud} and {@code exp}/{@code nbf} (Spring Boot properties
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code audiences}). Each service adds its endpoint
 * × scope rules ({@link #chain}); a scope {@code s} of the token's {@code scope} claim is the authority
 * {@code SCOPE_s} ({@link #scope(String)}).
 *
 * <p>Errors are RFC 9457 problem details ({@code application/problem+json}) like the services' other errors, and keep
 * RFC 6750's {@code WWW-Authenticate: Bearer ...} header: 401 without a token or with one that fails validation
 * (expired, another issuer or audience, bad signature), 403 when the token lacks the endpoint's scope.
 *
 * <p>Open without a token: the actuator's health (liveness, readiness), info and prometheus endpoints, Swagger UI and
 * the OpenAPI document, {@code /error}, and the RFC 9728 resource metadata that 401s point to. Everything else needs a token: an endpoint no rule names is refused.
 * CORS preflights carry no token: they are answered from the service's CORS settings before any check.
 *
 * <p>Stateless (no session, no cookies), so CSRF protection does not apply and is off.
 */
public final class ApiSecurity {

    /** Reachable without a token (probes, scraping, API docs). */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/info", "/actuator/prometheus", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs",
            "/v3/api-docs/**", "/error", "/.well-known/oauth-protected-resource");

    /** A subject the services can record as the actor (events, audit, idempotency keys): a plain ASCII token. */
    private static final Pattern USABLE_SUBJECT = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

    private ApiSecurity() {
    }

    /** The authority a token has when its {@code scope} claim lists {@code scope}. */
    public static String scope(String scope) {
        return "SCOPE_" + scope;
    }

    /**
     * The filter chain: public paths, then {@code apiRules}, then everything else denied.
     *
     * @param scopePrefix a prefix the issuer puts before each scope, removed before matching (Amazon Cognito's
     *                    resource-server identifier, e.g. {@code cqrs-api/}); empty for the local issuer
     */
    public static SecurityFilterChain chain(HttpSecurity http, JsonMapper json, String scopePrefix,
                                            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>
                                                    .AuthorizationManagerRequestMatcherRegistry> apiRules) {
        var problems = new Problems(json);
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(scopes(scopePrefix));
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll();
                    apiRules.customize(requests);
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                // a preflight carries no token: answered from the service's CORS settings (its filter or Spring MVC's)
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * A token validator each service declares as a bean (Spring Boot adds it to the issuer's checks): the subject
     * must be 1 to 100 characters of {@code [A-Za-z0-9._:@-]}, since it is recorded as the actor in events, logs and
     * idempotency keys; a token without a usable {@code sub} is 401 {@code invalid_token}.
     */
    public static OAuth2TokenValidator<Jwt> usableSubject() {
        return new JwtClaimValidator<String>(JwtClaimNames.SUB,
                sub -> sub != null && USABLE_SUBJECT.matcher(sub).matches());
    }

    /** The verified token's subject ({@code sub}) on this request; empty without a token (an open path). */
    public static Optional<String> subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token
                ? Optional.ofNullable(token.getToken().getSubject()) : Optional.empty();
    }

    private static Converter<Jwt, Collection<GrantedAuthority>> scopes(String prefix) {
        return jwt -> {
            Object claim = jwt.getClaims().get("scope");
            List<String> scopes = claim instanceof Collection<?> list ? list.stream().map(String::valueOf).toList()
                    : claim instanceof String text ? List.of(text.trim().split("\\s+")) : List.of();
            return scopes.stream()
                    .filter(s -> !s.isEmpty() && s.startsWith(prefix))
                    .map(s -> (GrantedAuthority) new SimpleGrantedAuthority(scope(s.substring(prefix.length()))))
                    .toList();
        };
    }

    /** 401 and 403 as problem details, after Spring Security's bearer handlers set status and WWW-Authenticate. */
    private record Problems(JsonMapper json) {
        private static final BearerTokenAuthenticationEntryPoint BEARER = new BearerTokenAuthenticationEntryPoint();
        private static final BearerTokenAccessDeniedHandler DENIED = new BearerTokenAccessDeniedHandler();

        void unauthorized(HttpServletRequest request, HttpServletResponse response,
                          org.springframework.security.core.AuthenticationException e) throws IOException {
            BEARER.commence(request, response, e);
            boolean tokenSent = request.getHeader("Authorization") != null;
            write(request, response, HttpStatus.UNAUTHORIZED, tokenSent
                    ? "The bearer token is not valid here: " + e.getMessage()
                    : "Send an access token of this API's issuer: Authorization: Bearer <token>");
        }

        void forbidden(HttpServletRequest request, HttpServletResponse response,
                       org.springframework.security.access.AccessDeniedException e) throws IOException {
            DENIED.handle(request, response, e);
            write(request, response, HttpStatus.FORBIDDEN,
                    "The token lacks the scope this endpoint needs (see the README's endpoint × scope table)");
        }

        private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                           String detail) throws IOException {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", status.getReasonPhrase());
            problem.put("status", status.value());
            problem.put("detail", detail);
            problem.put("instance", request.getRequestURI());
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(problem));
        }
    }
}
