package dev.cqrs.query.replica;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static java.net.spi.InetAddressResolver.LookupPolicy.IPV4;
import static java.net.spi.InetAddressResolver.LookupPolicy.IPV6;
import static java.net.spi.InetAddressResolver.LookupPolicy.IPV6_FIRST;

/**
 * Answers names in one zone by asking one DNS server directly, and hands every other lookup to the JDK's built-in
 * resolver. Each call sends a fresh query (dnsjava's {@link org.xbill.DNS.Lookup} cache is deliberately not used), so
 * a weighted record is re-drawn for every new connection.
 */
final class ZoneDnsResolver implements InetAddressResolver {

    private final DnsZone zone;
    private final Resolver dns;
    private final InetAddressResolver builtin;

    ZoneDnsResolver(DnsZone zone, Resolver dns, InetAddressResolver builtin) {
        this.zone = zone;
        this.dns = dns;
        this.builtin = builtin;
    }

    @Override
    public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
        if (!zone.contains(host)) {
            return builtin.lookupByName(host, policy);
        }
        List<InetAddress> addresses = new ArrayList<>();
        boolean v4 = (policy.characteristics() & IPV4) != 0;
        boolean v6 = (policy.characteristics() & IPV6) != 0;
        boolean v6First = (policy.characteristics() & IPV6_FIRST) != 0;
        if (v6 && v6First) {
            addresses.addAll(query(host, Type.AAAA));
        }
        if (v4) {
            addresses.addAll(query(host, Type.A));
        }
        if (v6 && !v6First) {
            addresses.addAll(query(host, Type.AAAA));
        }
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host + ": no address in zone " + zone.name());
        }
        return addresses.stream();
    }

    @Override
    public String lookupByAddress(byte[] address) throws UnknownHostException {
        return builtin.lookupByAddress(address);
    }

    private List<InetAddress> query(String host, int type) throws UnknownHostException {
        Message response;
        try {
            Record question = Record.newRecord(Name.fromString(host, Name.root), type, DClass.IN);
            response = dns.send(Message.newQuery(question));
        } catch (TextParseException e) {
            throw unknownHost(host, "not a DNS name", e);
        } catch (IOException e) {
            throw unknownHost(host, "DNS query failed", e);
        }
        return addressesIn(host, response);
    }

    /** The addresses in an answer, named {@code host}; pure, so it is unit-tested without a server. */
    static List<InetAddress> addressesIn(String host, Message response) throws UnknownHostException {
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            throw new UnknownHostException(host + ": NXDOMAIN");
        }
        if (rcode != Rcode.NOERROR) {
            throw new UnknownHostException(host + ": DNS answered " + Rcode.string(rcode));
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (Record answer : response.getSection(Section.ANSWER)) {
            if (answer instanceof ARecord a) {
                addresses.add(InetAddress.getByAddress(host, a.getAddress().getAddress()));
            } else if (answer instanceof AAAARecord aaaa) {
                addresses.add(InetAddress.getByAddress(host, aaaa.getAddress().getAddress()));
            }
        }
        return addresses;
    }

    private static UnknownHostException unknownHost(String host, String reason, Exception cause) {
        UnknownHostException exception = new UnknownHostException(host + ": " + reason + ": " + cause);
        exception.initCause(cause);
        return exception;
    }
}
