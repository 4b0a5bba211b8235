package dev.cqrs.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The local issuer: Spring Authorization Server as Spring Boot configures it from {@code application.yml} (the
 * authorization-server and form-login filter chains, the clients, OpenID discovery at
 * {@code /.well-known/openid-configuration}, JWKS at {@code /oauth2/jwks}, tokens at {@code /oauth2/token}), plus a
 * signing key kept on disk ({@link SigningKey}), the demo users ({@link DemoUsers}) and the API audience
 * ({@link ApiAudience}).
 */
@SpringBootApplication
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
