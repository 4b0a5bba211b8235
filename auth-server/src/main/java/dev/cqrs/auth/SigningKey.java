package dev.cqrs.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RS256 signing key (RFC 7518 §3.3) of every token, as a private JWK (RFC 7517) in {@code auth.signing-key-file}:
 * generated (RSA 2048) at the first start and read back afterwards, so tokens issued before a restart stay valid and
 * the services' cached JWKS stays right. Replaces Spring Boot's default, a new key per start. The file is written
 * owner-only, whole or not at all (temp file, then an atomic move).
 */
@Configuration(proxyBeanMethods = false)
class SigningKey {

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${auth.signing-key-file}") Path file)
            throws IOException, ParseException, JOSEException {
        return new ImmutableJWKSet<>(new JWKSet(loadOrCreate(file)));
    }

    static RSAKey loadOrCreate(Path file) throws IOException, ParseException, JOSEException {
        if (Files.exists(file)) {
            return RSAKey.parse(Files.readString(file));
        }
        RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                .generate();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "signing-key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, key.toJSONString());
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }
}
