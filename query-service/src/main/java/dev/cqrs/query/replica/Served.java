package dev.cqrs.query.replica;

/**
 * A query result together with the {@code @@server_id} of the database server that produced it.
 *
 * @param serverId 2 or 3 for the replicas; 1 would mean the primary answered, which the replica hostname must not do
 */
public record Served<T>(T result, long serverId) {

    /** Response header naming the server that answered, so clients and tests can see the replica routing work. */
    public static final String HEADER = "X-Served-By";

    public String serverIdHeaderValue() {
        return Long.toString(serverId);
    }
}
