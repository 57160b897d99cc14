package io.tessera.core.secrets;

import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a value that Tessera hands to a client and must get back unchanged, unread, and only in
 * the context it was handed out for: AES-256-GCM (NIST SP 800-38D) under a key derived from the
 * {@link SigningKey} for the purpose, with the context as additional authenticated data. A seal
 * is {@code base64url(nonce ‖ ciphertext ‖ tag)}, with a random 96-bit nonce and a 128-bit tag;
 * opened with another purpose or context, or altered in any bit, it does not open at all.
 */
@Singleton
public class Seals {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_SEAL_CHARS = 16 * 1024;

    private final SigningKey signingKey;
    private final SecureRandom random = new SecureRandom();

    Seals(SigningKey signingKey) {
        this.signingKey = signingKey;
    }

    /**
     * @param purpose what the seal is for, e.g. {@code cognito-challenge}; one derived key each
     * @param context what the seal is bound to, e.g. the username it was handed out to
     * @return the sealed value, URL-safe base64 without padding
     */
    public String seal(String purpose, String context, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = crypt(Cipher.ENCRYPT_MODE, purpose, context, nonce, value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }

    /** The value sealed for this purpose and context, or empty if {@code sealed} is not such a seal. */
    public Optional<String> open(String purpose, String context, String sealed) {
        if (sealed.length() > MAX_SEAL_CHARS) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getUrlDecoder().decode(sealed);
            if (decoded.length < NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            byte[] nonce = Arrays.copyOf(decoded, NONCE_BYTES);
            byte[] ciphertext = Arrays.copyOfRange(decoded, NONCE_BYTES, decoded.length);
            return Optional.of(new String(crypt(Cipher.DECRYPT_MODE, purpose, context, nonce, ciphertext), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws AEADBadTagException when opening a seal of another purpose or context, or an altered one */
    private byte[] crypt(int mode, String purpose, String context, byte[] nonce, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, new SecretKeySpec(signingKey.derive("seal:" + purpose), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(input);
    }
}
