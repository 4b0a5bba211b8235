package dev.cqrs.query.replica;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZoneDnsResolverTest {

    private static final Name REPLICAS = Name.fromConstantString("replicas.db.local.");

    @Test
    void takesTheAddressRecordsOfAnAnswerNamedAsAsked() throws Exception {
        Message response = answer(Rcode.NOERROR,
                new CNAMERecord(REPLICAS, DClass.IN, 1, Name.fromConstantString("r1.db.local.")),
                new ARecord(Name.fromConstantString("r1.db.local."), DClass.IN, 1,
                        InetAddress.getByAddress(new byte[]{127, 0, 0, 12})),
                new AAAARecord(Name.fromConstantString("r1.db.local."), DClass.IN, 1,
                        InetAddress.getByAddress(new byte[16])));

        List<InetAddress> addresses = ZoneDnsResolver.addressesIn("replicas.db.local", response);

        assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.12", "0:0:0:0:0:0:0:0");
        assertThat(addresses).extracting(InetAddress::getHostName).containsOnly("replicas.db.local");
    }

    @Test
    void noSuchNameIsAnUnknownHost() {
        assertThatThrownBy(() -> ZoneDnsResolver.addressesIn("nope.db.local", answer(Rcode.NXDOMAIN)))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("NXDOMAIN");
        assertThatThrownBy(() -> ZoneDnsResolver.addressesIn("x.db.local", answer(Rcode.SERVFAIL)))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("SERVFAIL");
    }

    @Test
    void namesOutsideTheZoneGoToTheBuiltInResolver() throws Exception {
        RecordingResolver builtin = new RecordingResolver();
        // No DNS client at all: a name outside the zone must never reach it.
        ZoneDnsResolver resolver = new ZoneDnsResolver(new DnsZone("db.local"), null, builtin);

        List<InetAddress> addresses = resolver.lookupByName("example.org",
                InetAddressResolver.LookupPolicy.of(InetAddressResolver.LookupPolicy.IPV4)).toList();

        assertThat(builtin.names).containsExactly("example.org");
        assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("192.0.2.1");
    }

    private static Message answer(int rcode, Record... records) {
        Message message = Message.newQuery(Record.newRecord(REPLICAS, Type.A, DClass.IN));
        message.getHeader().setRcode(rcode);
        for (Record record : records) {
            message.addRecord(record, Section.ANSWER);
        }
        return message;
    }

    private static final class RecordingResolver implements InetAddressResolver {
        final List<String> names = new ArrayList<>();

        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            names.add(host);
            return Stream.of(InetAddress.getByAddress(host, new byte[]{(byte) 192, 0, 2, 1}));
        }

        @Override
        public String lookupByAddress(byte[] addr) {
            throw new UnsupportedOperationException();
        }
    }
}
