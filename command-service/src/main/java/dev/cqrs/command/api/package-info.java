/**
 * What every command endpoint shares, used by the feature controllers: If-Match → expected version, the version a
 * command reached → ETag and X-Consistency-Token, and the dates the database can store. Depends on {@code dispatch}
 * only.
 */
package dev.cqrs.command.api;
