package dev.cqrs.query.replica;

import java.util.Locale;
import java.util.Objects;

/**
 * A DNS zone such as {@code db.local}: it contains the apex and every name below it, compared case-insensitively and
 * with or without the trailing root dot.
 */
record DnsZone(String name) {

    DnsZone {
        Objects.requireNonNull(name, "name");
        name = normalize(name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("zone must not be empty");
        }
    }

    boolean contains(String host) {
        if (host == null) {
            return false;
        }
        String candidate = normalize(host);
        return candidate.equals(name) || candidate.endsWith("." + name);
    }

    private static String normalize(String dnsName) {
        String trimmed = dnsName.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
