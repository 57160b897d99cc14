package io.tessera.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tessera's own secret: at least 32 random bytes that page cursors are signed with and challenge
 * sessions are sealed with. Each use derives its own key from it ({@link #derive}), so that what
 * one use produces can never pass for another's.
 */
@FunctionalInterface
public interface SigningKey {

    /** The secret's bytes. */
    byte[] bytes();

    /**
     * A 32-byte key for one purpose: HKDF-Expand (RFC 5869 §2.3) with the secret as the
     * pseudorandom key, the purpose as {@code info} and one block of HMAC-SHA256. The secret is
     * generated at random, so the Extract step, which is for input that is not, is left out.
     *
     * @param purpose names the use, e.g. {@code page-cursor}
     */
    default byte[] derive(String purpose) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(bytes(), "HmacSHA256"));
            hmac.update(purpose.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 1);
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
