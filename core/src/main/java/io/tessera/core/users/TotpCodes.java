package io.tessera.core.users;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

/**
 * The codes an authenticator app shows for a TOTP secret (RFC 6238 with Cognito's parameters:
 * HMAC-SHA1, 30-second steps, 6 digits; the secret in RFC 4648 base32). Tessera never needs them
 * (Cognito checks codes); the local provisioner and the tests use them where a person would read
 * their phone.
 */
public final class TotpCodes {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final long STEP_SECONDS = 30;

    private TotpCodes() {
    }

    /** The 6-digit code for {@code base32Secret} at {@code at}, e.g. {@code "042917"}. */
    public static String at(String base32Secret, Instant at) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(decode(base32Secret), "HmacSHA1"));
            byte[] hash = hmac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(at.getEpochSecond() / STEP_SECONDS).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA1", e);
        }
    }

    /** RFC 4648 §6 base32, case and padding ignored. */
    static byte[] decode(String base32) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toUpperCase(Locale.ROOT).replace("=", "").toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                bytes.write(buffer >> (bits - 8) & 0xff);
                bits -= 8;
            }
        }
        return bytes.toByteArray();
    }
}
