package dev.cqrs.query;

import dev.cqrs.query.replica.JvmDnsCache;
import dev.cqrs.query.replica.ZoneDnsResolverProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QueryServiceApplication {

    public static void main(String[] args) {
        // Before anything can resolve a name: the JVM caches positive answers for 30 s by default, which would pin
        // every new pool connection to whichever replica the weighted record named first.
        JvmDnsCache.disable();
        ZoneDnsResolverProvider.loadNow();
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
