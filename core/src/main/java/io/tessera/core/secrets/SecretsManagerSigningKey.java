package io.tessera.core.secrets;

import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.charset.StandardCharsets;

/**
 * The signing key from AWS Secrets Manager: the UTF-8 bytes of the secret string named by
 * {@code tessera.resources.signing-key-secret} (a generated secret in the CDK stack; one the local
 * provisioner creates in the emulator). Read once, when a process first needs it, so that requests
 * that never do (most) never wait for it. Rotating the secret invalidates the cursors and challenge
 * sessions handed out before: clients start the listing or the sign-in again.
 */
@Singleton
class SecretsManagerSigningKey implements SigningKey {

    private static final int MIN_KEY_BYTES = 32;

    private final SecretsManagerClient secretsManager;
    private final String secretId;
    private volatile byte[] key;

    SecretsManagerSigningKey(SecretsManagerClient secretsManager, ResourcesConfiguration resources) {
        this.secretsManager = secretsManager;
        this.secretId = resources.getSigningKeySecret();
    }

    @Override
    public byte[] bytes() {
        byte[] known = key;
        if (known == null) {
            known = secretsManager.getSecretValue(request -> request.secretId(secretId)).secretString().getBytes(StandardCharsets.UTF_8);
            if (known.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("the signing key secret " + secretId + " is shorter than " + MIN_KEY_BYTES + " bytes");
            }
            key = known;
        }
        return known;
    }
}
