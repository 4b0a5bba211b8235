package dev.cqrs.command.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * An issuer the test controls, for tokens the real one will not mint: any subject, an expiry in the past. It serves
 * what the service reads from an issuer, over real HTTP on a loopback port: the OpenID discovery document
 * ({@code /.well-known/openid-configuration}: {@code issuer}, {@code jwks_uri}) and its public JWKS (RFC 7517), so
 * the service validates these tokens exactly as it validates the auth-server's.
 */
final class TestIssuer implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;
    final String uri;

    TestIssuer() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        uri = "http://127.0.0.1:" + server.getAddress().getPort();
        serve("/.well-known/openid-configuration", "{\"issuer\":\"" + uri + "\",\"jwks_uri\":\"" + uri + "/jwks\","
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        serve("/jwks", new JWKSet(key.toPublicJWK()).toString());
        server.start();
    }

    /** A token of this issuer for the API audience, valid for 5 minutes. */
    String token(String subject, String scope) throws JOSEException {
        return token(uri, subject, scope, Instant.now().plusSeconds(300));
    }

    /**
     * A token signed with this issuer's key, claiming issuer {@code iss} and expiring at {@code expiresAt} (more
     * than the validator's 60 s clock skew in the past makes it expired).
     */
    String token(String iss, String subject, String scope, Instant expiresAt) throws JOSEException {
        return sign(key, new JWTClaimsSet.Builder().issuer(iss).subject(subject).audience("cqrs-api")
                .claim("scope", scope).issueTime(Date.from(expiresAt.minusSeconds(600)))
                .expirationTime(Date.from(expiresAt)).build());
    }

    /** A token right in every claim but signed by a key this issuer never published. */
    String tokenSignedByAnotherKey(String subject, String scope) throws JOSEException {
        RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        return sign(other, new JWTClaimsSet.Builder().issuer(uri).subject(subject).audience("cqrs-api")
                .claim("scope", scope).expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
