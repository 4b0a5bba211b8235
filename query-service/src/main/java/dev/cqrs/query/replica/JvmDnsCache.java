package dev.cqrs.query.replica;

import java.security.Security;

/**
 * Turns off the JVM's own cache of name lookups.
 *
 * <p>The replica hostname is a weighted record (PowerDNS {@code pickwrandom} locally, a Route 53 weighted record in
 * AWS): each DNS answer names one replica, chosen at random by weight. {@link java.net.InetAddress} keeps a positive
 * answer for 30 s by default (forever with a security manager), so every physical connection opened in that window
 * would go to the same replica and the weights would mean nothing. With a TTL of 0 each new connection asks DNS
 * again; the pool opens connections rarely (see {@code maxLifetime}), so the extra lookups cost next to nothing.
 *
 * <p>The JDK reads these properties once, at the first lookup, so this must run before any name is resolved: first
 * thing in {@code main}, and in tests from a JUnit launcher listener.
 */
public final class JvmDnsCache {

    static final String POSITIVE_TTL = "networkaddress.cache.ttl";
    static final String NEGATIVE_TTL = "networkaddress.cache.negative.ttl";

    private JvmDnsCache() {
    }

    public static void disable() {
        Security.setProperty(POSITIVE_TTL, "0");
        // A failed lookup is cached for 10 s by default; a DNS hiccup should not fail new connections for that long.
        Security.setProperty(NEGATIVE_TTL, "0");
    }
}
