package dev.cqrs.query.audit;

import dev.cqrs.contracts.store.AuditItemFormat;
import dev.cqrs.query.web.InvalidQueryException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;

/**
 * Where the previous page of a time range ended: the last item's table key. Its sort key starts with occurredAt, so
 * it also names the day bucket to continue in, and with the index key ({@code gsi1sk = sk}) it is the complete
 * ExclusiveStartKey of the {@code byDay} Query for that day.
 */
record AuditRangeCursor(String partitionKey, String sortKey) {

    private static final char SEPARATOR = '|';

    String encode() {
        // The sort key ("<timestamp>#<eventId>") holds no separator; the partition key goes last, whatever it holds.
        String plain = sortKey + SEPARATOR + partitionKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static AuditRangeCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            if (separator <= AuditItemFormat.TIMESTAMP_LENGTH || separator == plain.length() - 1
                    || !plain.startsWith(AuditItemFormat.SEPARATOR, AuditItemFormat.TIMESTAMP_LENGTH)) {
                throw invalid(token);
            }
            AuditRangeCursor cursor = new AuditRangeCursor(plain.substring(separator + 1),
                    plain.substring(0, separator));
            // Keys DynamoDB would reject are the client's fault: 400 here rather than the table's error, a 503.
            if (!AuditKeyLimits.fits(cursor.partitionKey(), AuditKeyLimits.MAX_PARTITION_KEY_BYTES)
                    || !AuditKeyLimits.fits(cursor.sortKey(), AuditKeyLimits.MAX_SORT_KEY_BYTES)) {
                throw invalid(token);
            }
            cursor.occurredAt();
            return cursor;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(token);
        }
    }

    Instant occurredAt() {
        return Instant.parse(sortKey.substring(0, AuditItemFormat.TIMESTAMP_LENGTH));
    }

    LocalDate day() {
        return AuditItemFormat.dayOf(occurredAt());
    }

    Map<String, AttributeValue> exclusiveStartKey() {
        return Map.of(AuditItemFormat.PK, AttributeValue.fromS(partitionKey),
                AuditItemFormat.SK, AttributeValue.fromS(sortKey),
                AuditItemFormat.DAY_PK, AttributeValue.fromS(AuditItemFormat.dayPartitionKey(day())),
                AuditItemFormat.DAY_SK, AttributeValue.fromS(sortKey));
    }

    private static InvalidQueryException invalid(String token) {
        return new InvalidQueryException("cursor", "is not a cursor this service issued: " + token);
    }
}
