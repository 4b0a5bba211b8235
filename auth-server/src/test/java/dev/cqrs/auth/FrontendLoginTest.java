package dev.cqrs.auth;

import com.nimbusds.jwt.SignedJWT;
import dev.cqrs.contracts.EventJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front end's sign-in as a browser does it, over HTTP: authorization code with PKCE (RFC 7636, S256) for the
 * public client {@code cqrs-frontend}, the demo user on the form login page, the code exchanged with the verifier.
 * The token then names the user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "auth.signing-key-file=target/test-signing-key.json")
class FrontendLoginTest {

    private static final String REDIRECT = "http://localhost:5173/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aliceSignsInWithCodeAndPkceAndGetsAnApiTokenInHerName() throws Exception {
        String verifier = "a-verifier-of-at-least-forty-three-characters-0123456789";
        String code = signIn("alice", "alice-password", challenge(verifier));

        var token = exchange(code, verifier);

        assertThat(token.statusCode()).isEqualTo(200);
        var claims = SignedJWT.parse(EventJson.tree(token.body()).get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getAudience()).containsExactly("cqrs-api");
        assertThat(claims.getStringListClaim("scope")).contains("todos:write", "read");
    }

    @Test
    void theCodeIsWorthNothingWithoutItsVerifier() throws Exception {
        String code = signIn("bob", "bob-password", challenge("the-real-verifier-of-at-least-forty-three-chars-0123"));

        var token = exchange(code, "another-verifier-of-at-least-forty-three-chars-012345");

        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("invalid_grant");
    }

    /** Follows the browser's path from /oauth2/authorize through the login form back to the redirect URI's code. */
    private String signIn(String user, String password, String challenge) throws Exception {
        String authorize = "/oauth2/authorize?response_type=code&client_id=cqrs-frontend&redirect_uri=" + form(REDIRECT)
                + "&scope=" + form("openid todos:write read") + "&code_challenge=" + challenge
                + "&code_challenge_method=S256&state=s1";
        var toLogin = get(url(authorize));
        assertThat(toLogin.statusCode()).isEqualTo(302);
        var loginPage = get(absolute(toLogin.headers().firstValue("Location").orElseThrow()));
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        var loggedIn = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + form(password)
                        + "&_csrf=" + form(csrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        var callback = get(absolute(loggedIn.headers().firstValue("Location").orElseThrow()));
        String location = callback.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?code=").contains("state=s1");
        return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    }

    private HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=cqrs-frontend"
                        + "&code=" + form(code) + "&redirect_uri=" + form(REDIRECT) + "&code_verifier=" + verifier))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String challenge(String verifier) throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha);
    }

    private HttpResponse<String> get(String url) throws Exception {
        // a browser's Accept: only an HTML request is sent to the login page (others get 401)
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : url(location);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
