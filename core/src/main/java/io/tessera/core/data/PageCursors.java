package io.tessera.core.data;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.secrets.SigningKey;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, integrity-protected page cursors. A cursor is
 * {@code base64url(key ‖ HMAC-SHA256(secret, binding ‖ 0 ‖ key))}, the secret derived from the
 * {@link SigningKey} for page cursors, where {@code key} is
 * DynamoDB's {@code LastEvaluatedKey} (string attributes, as {@code name␟value␟…}) and the binding
 * names the listing exactly: the table or index, the partition, the sort-key prefix, the order,
 * the filter with its values, the tenant and the caller. A cursor that was not handed out for this
 * very listing, to this caller, is refused with 400 before DynamoDB sees it, so no cursor can read
 * another listing's, tenant's or user's items, or reach DynamoDB with a key it would reject.
 */
@Singleton
public class PageCursors {

    private static final char SEPARATOR = '\u001f';
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;
    private static final int MAX_LENGTH = 2048;

    private final SigningKey signingKey;

    PageCursors(SigningKey signingKey) {
        this.signingKey = signingKey;
    }

    /** The cursor of the page after the one that ended at {@code lastEvaluatedKey}; null if there is none. */
    @Nullable
    public String encode(String binding, @Nullable Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(lastEvaluatedKey).forEach((name, value) ->
                text.append(name).append(SEPARATOR).append(value.s()).append(SEPARATOR));
        byte[] payload = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] signature = mac(binding, payload);
        byte[] cursor = Arrays.copyOf(payload, payload.length + signature.length);
        System.arraycopy(signature, 0, cursor, payload.length, signature.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /**
     * The {@code ExclusiveStartKey} a cursor stands for, or null for the first page (no cursor).
     *
     * @throws BadRequestException if the cursor was not handed out for this binding
     */
    @Nullable
    public Map<String, AttributeValue> decode(String binding, @Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            byte[] decoded = Base64.getUrlDecoder().decode(cursor);
            if (decoded.length <= SIGNATURE_BYTES) {
                throw new IllegalArgumentException("too short");
            }
            byte[] payload = Arrays.copyOf(decoded, decoded.length - SIGNATURE_BYTES);
            byte[] signature = Arrays.copyOfRange(decoded, payload.length, decoded.length);
            if (!MessageDigest.isEqual(signature, mac(binding, payload))) {
                throw new IllegalArgumentException("not signed for this listing");
            }
            return lastEvaluatedKey(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("The cursor is not one this listing handed out to you; start again without it.");
        }
    }

    private static Map<String, AttributeValue> lastEvaluatedKey(String text) {
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        if (parts.length < 3 || parts.length % 2 != 1 || !parts[parts.length - 1].isEmpty()) {
            throw new IllegalArgumentException("malformed");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            key.put(parts[i], AttributeValue.fromS(parts[i + 1]));
        }
        return key;
    }

    private byte[] mac(String binding, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(signingKey.derive("page-cursor"), ALGORITHM));
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
