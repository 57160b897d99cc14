package io.tessera.core.data;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.problems.BadRequestException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opaque page cursors: a DynamoDB {@code LastEvaluatedKey} (string attributes only) as
 * base64url. A decoded cursor must belong to the partition being queried, so a cursor crafted
 * from another tenant's keys is refused instead of being handed to DynamoDB.
 */
final class Cursor {

    private static final char SEPARATOR = '\u001f';
    private static final int MAX_LENGTH = 2048;

    private Cursor() {
    }

    @Nullable
    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(lastEvaluatedKey).forEach((name, value) ->
                text.append(name).append(SEPARATOR).append(value.s()).append(SEPARATOR));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Nullable
    static Map<String, AttributeValue> decode(@Nullable String cursor, String partitionAttribute, String partitionValue) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1);
            if (parts.length % 2 != 1 || !parts[parts.length - 1].isEmpty()) {
                throw new IllegalArgumentException("malformed");
            }
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (int i = 0; i + 1 < parts.length; i += 2) {
                key.put(parts[i], AttributeValue.fromS(parts[i + 1]));
            }
            AttributeValue partition = key.get(partitionAttribute);
            if (partition == null || !partitionValue.equals(partition.s())) {
                throw new IllegalArgumentException("foreign partition");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("The cursor is not one this listing handed out.");
        }
    }
}
