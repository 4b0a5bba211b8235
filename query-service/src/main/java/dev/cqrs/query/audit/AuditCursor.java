package dev.cqrs.query.audit;

import dev.cqrs.query.web.InvalidQueryException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
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
        // Sort keys are "<occurredAt>#<eventId>"; anything else was not issued by this service.
        if (sortKey.indexOf('#') < 1) {
            throw invalid(token);
        }
        return new AuditCursor(sortKey);
    }

    Map<String, AttributeValue> exclusiveStartKey(String partitionKey) {
        return Map.of("pk", AttributeValue.fromS(partitionKey), "sk", AttributeValue.fromS(sortKey));
    }

    private static InvalidQueryException invalid(String token) {
        return new InvalidQueryException("cursor", "is not a cursor this service issued: " + token);
    }
}
