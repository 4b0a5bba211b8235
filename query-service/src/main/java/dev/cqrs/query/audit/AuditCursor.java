package dev.cqrs.query.audit;

import dev.cqrs.contracts.store.AuditItemFormat;
import dev.cqrs.query.web.InvalidQueryException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;

/**
 * Where the previous audit page ended: the sort key of its last item. With the partition key, which the request
 * names anyway, that is the DynamoDB ExclusiveStartKey of the next page. Only the sort key travels, so a cursor can
 * never lead into another entity's partition.
 */
record AuditCursor(String sortKey) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    static AuditCursor decode(String token) {
        String sortKey;
        try {
            sortKey = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        // Sort keys are "<occurredAt, fixed width>#<eventId>", within DynamoDB's key size; anything else was not
        // issued by this service (and an oversized key would be the table's error, a 503, for the client's fault).
        if (!AuditKeyLimits.fits(sortKey, AuditKeyLimits.MAX_SORT_KEY_BYTES)
                || sortKey.length() <= AuditItemFormat.TIMESTAMP_LENGTH + 1
                || !sortKey.startsWith(AuditItemFormat.SEPARATOR, AuditItemFormat.TIMESTAMP_LENGTH)
                || !isInstant(sortKey.substring(0, AuditItemFormat.TIMESTAMP_LENGTH))) {
            throw invalid(token);
        }
        return new AuditCursor(sortKey);
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    Map<String, AttributeValue> exclusiveStartKey(String partitionKey) {
        return Map.of(AuditItemFormat.PK, AttributeValue.fromS(partitionKey),
                AuditItemFormat.SK, AttributeValue.fromS(sortKey));
    }

    private static InvalidQueryException invalid(String token) {
        return new InvalidQueryException("cursor", "is not a cursor this service issued: " + token);
    }
}
