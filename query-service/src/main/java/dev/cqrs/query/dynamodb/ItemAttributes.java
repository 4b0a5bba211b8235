package dev.cqrs.query.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** Reads attributes of a DynamoDB item as the read models store them: absent values are absent attributes. */
public final class ItemAttributes {

    private ItemAttributes() {
    }

    /** A string attribute, or null if absent. */
    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** A number attribute, or null if absent. */
    public static Long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Long.valueOf(value.n());
    }
}
