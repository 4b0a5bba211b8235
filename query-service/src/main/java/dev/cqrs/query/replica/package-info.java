/**
 * Reads from the MySQL replicas through the weighted {@code replicas.db.local} name: the JVM's DNS override for that
 * zone, no DNS caching, fresh connections for consistency waits, and which server answered ({@code X-Served-By}).
 */
package dev.cqrs.query.replica;
