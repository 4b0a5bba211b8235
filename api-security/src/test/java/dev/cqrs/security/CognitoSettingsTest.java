package dev.cqrs.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the AWS settings of the services (infra/aws Identity) rely on: an empty AUTH_AUDIENCES turns Spring Boot's
 * audience check off (Cognito access tokens have no {@code aud}), and a token's subject must be usable as an actor.
 */
class CognitoSettingsTest {

    @Test
    void anEmptyAudienceListMeansNoAudienceCheck() {
        var properties = new Binder(new MapConfigurationPropertySource(
                Map.of("spring.security.oauth2.resourceserver.jwt.audiences", "")))
                .bindOrCreate("spring.security.oauth2.resourceserver", OAuth2ResourceServerProperties.class);

        assertThat(properties.getJwt().getAudiences()).isEmpty();
    }

    @Test
    void aSubjectIsUsableOnlyAsAPlainShortToken() {
        var validator = ApiSecurity.usableSubject();

        assertThat(validator.validate(jwt("cqrs-tests")).hasErrors()).isFalse();
        assertThat(validator.validate(jwt("6f1c2a4e-1d2b-4c3d-9e8f-0a1b2c3d4e5f")).hasErrors()).isFalse();
        assertThat(validator.validate(jwt("alice smith")).hasErrors()).isTrue();
        assertThat(validator.validate(jwt("x".repeat(101))).hasErrors()).isTrue();
    }

    private static Jwt jwt(String subject) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
