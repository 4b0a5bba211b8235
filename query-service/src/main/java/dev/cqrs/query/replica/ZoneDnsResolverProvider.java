package dev.cqrs.query.replica;

import org.xbill.DNS.SimpleResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lets the JVM resolve the weighted replica hostname through a DNS server of our choosing, so the local stack behaves
 * like AWS, where the VPC resolver answers the Route 53 weighted record. Hand-written because the JDK's built-in
 * resolver can only ask the system resolver ({@code /etc/resolv.conf}), and pointing the whole machine at the local
 * PowerDNS is not something a service should do.
 *
 * <p>Registered in {@code META-INF/services}; the JDK loads it at the first name lookup. With
 * {@code DNS_OVERRIDE_ZONE}/{@code DNS_OVERRIDE_SERVER} unset it returns the built-in resolver itself: a pure
 * pass-through.
 */
public final class ZoneDnsResolverProvider extends InetAddressResolverProvider {

    // java.util.logging: the JDK may load this before any logging framework is set up; JUL is always there.
    private static final Logger LOG = Logger.getLogger(ZoneDnsResolverProvider.class.getName());
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Makes the JDK load its resolver now, on the calling thread. The JDK finds providers with the thread's context
     * class loader, and in the executable jar only the application's threads have one that sees this class: were the
     * first lookup made on another thread, the built-in resolver would be used for good, silently.
     */
    public static void loadNow() {
        try {
            InetAddress.getAllByName("localhost");
        } catch (UnknownHostException e) {
            LOG.warning(() -> "localhost does not resolve: " + e.getMessage());
        }
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        Optional<DnsOverrideSettings> settings = DnsOverrideSettings.fromSystem();
        if (settings.isEmpty()) {
            return configuration.builtinResolver();
        }
        DnsOverrideSettings override = settings.get();
        SimpleResolver dns = new SimpleResolver(serverAddress(override, configuration.builtinResolver()));
        dns.setTimeout(QUERY_TIMEOUT);
        LOG.info(() -> "Names in zone " + override.zone().name() + " are resolved by DNS server "
                + override.serverHost() + ":" + override.serverPort());
        return new ZoneDnsResolver(override.zone(), dns, configuration.builtinResolver());
    }

    @Override
    public String name() {
        return "zone-override";
    }

    /** Resolved with the built-in resolver: resolving it through ourselves would recurse. */
    private static InetSocketAddress serverAddress(DnsOverrideSettings override, InetAddressResolver builtin) {
        try {
            InetAddress address = builtin.lookupByName(override.serverHost(),
                            InetAddressResolver.LookupPolicy.of(InetAddressResolver.LookupPolicy.IPV4
                                    | InetAddressResolver.LookupPolicy.IPV6))
                    .findFirst()
                    .orElseThrow(() -> new UnknownHostException(override.serverHost()));
            return new InetSocketAddress(address, override.serverPort());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("DNS_OVERRIDE_SERVER host not found: " + override.serverHost(), e);
        }
    }
}
