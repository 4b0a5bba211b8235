package dev.cqrs.query.replica;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where to send lookups for one zone instead of the system resolver, from {@code DNS_OVERRIDE_ZONE} and
 * {@code DNS_OVERRIDE_SERVER} ({@code host:port}). Read from system properties or the environment rather than Spring
 * configuration because the JDK loads the resolver before, and independently of, the application context.
 */
record DnsOverrideSettings(DnsZone zone, String serverHost, int serverPort) {

    static final String ZONE = "DNS_OVERRIDE_ZONE";
    static final String SERVER = "DNS_OVERRIDE_SERVER";

    /** Both set: an override; both unset: none (AWS, where the VPC resolver answers); one alone: a mistake. */
    static Optional<DnsOverrideSettings> from(UnaryOperator<String> settings) {
        String zone = blankToNull(settings.apply(ZONE));
        String server = blankToNull(settings.apply(SERVER));
        if (zone == null && server == null) {
            return Optional.empty();
        }
        if (zone == null || server == null) {
            throw new IllegalArgumentException(ZONE + " and " + SERVER + " must be set together (got " + ZONE + "="
                    + zone + ", " + SERVER + "=" + server + ")");
        }
        return Optional.of(parse(new DnsZone(zone), server));
    }

    static Optional<DnsOverrideSettings> fromSystem() {
        return from(key -> System.getProperty(key, System.getenv(key)));
    }

    /** Parses {@code host:port}, {@code [v6]:port} or a bare host (port 53). */
    private static DnsOverrideSettings parse(DnsZone zone, String server) {
        URI uri;
        try {
            uri = new URI("dns://" + server);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(SERVER + " must be host:port, was " + server, e);
        }
        String host = uri.getHost();
        if (host == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            throw new IllegalArgumentException(SERVER + " must be host:port, was " + server);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new DnsOverrideSettings(zone, host, uri.getPort() < 0 ? 53 : uri.getPort());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
