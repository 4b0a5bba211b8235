package dev.cqrs.query.replica;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs a read in a read-only transaction and reports which server ran it. The transaction binds one connection for
 * its whole length, so {@code @@server_id} is read on the very connection that served the query.
 */
@Component
public class ReplicaReads {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    ReplicaReads(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public <T> Served<T> read(Supplier<T> query) {
        return readOnly.execute(status -> {
            long serverId = jdbc.sql("SELECT @@server_id").query(Long.class).single();
            return new Served<>(query.get(), serverId);
        });
    }
}
