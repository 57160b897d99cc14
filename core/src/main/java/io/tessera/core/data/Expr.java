package io.tessera.core.data;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/**
 * A DynamoDB expression (condition, update or filter) with its placeholders. Names are written
 * {@code #name} and values {@code :value} in the expression.
 */
public record Expr(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    public static Expr of(String expression) {
        return new Expr(expression, Map.of(), Map.of());
    }

    public Expr name(String placeholder, String attribute) {
        Map<String, String> more = new HashMap<>(names);
        more.put(placeholder, attribute);
        return new Expr(expression, more, values);
    }

    public Expr value(String placeholder, AttributeValue value) {
        Map<String, AttributeValue> more = new HashMap<>(values);
        more.put(placeholder, value);
        return new Expr(expression, names, more);
    }

    public Expr value(String placeholder, String value) {
        return value(placeholder, AttributeValue.fromS(value));
    }

    public Expr value(String placeholder, long value) {
        return value(placeholder, AttributeValue.fromN(Long.toString(value)));
    }

    /** Both expressions must hold; placeholders must not clash. */
    public Expr and(Expr other) {
        Expr placeholders = withPlaceholdersOf(other);
        return new Expr("(" + expression + ") AND (" + other.expression + ")", placeholders.names, placeholders.values);
    }

    /**
     * This expression with the other's placeholders too: DynamoDB takes one set of placeholders
     * for all expressions of a request (update and condition, key condition and filter).
     */
    Expr withPlaceholdersOf(Expr other) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.putAll(other.names);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.putAll(other.values);
        return new Expr(expression, allNames, allValues);
    }

    Map<String, String> namesOrNull() {
        return names.isEmpty() ? null : names;
    }

    Map<String, AttributeValue> valuesOrNull() {
        return values.isEmpty() ? null : values;
    }
}
