package dev.cqrs.auth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;

/**
 * Access tokens name the APIs as their audience ({@code aud}, RFC 7519 §4.1.3; RFC 9068 §3) rather than the client
 * they were issued to (Spring Authorization Server's default), so the services accept exactly the tokens minted for
 * them ({@code spring.security.oauth2.resourceserver.jwt.audiences}). ID tokens keep the client as audience (OpenID
 * Connect Core §2).
 */
@Configuration(proxyBeanMethods = false)
class ApiAudience {

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> apiAudienceCustomizer(@Value("${auth.audience}") String audience) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(audience));
            }
        };
    }
}
