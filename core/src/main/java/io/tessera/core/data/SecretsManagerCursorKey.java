package io.tessera.core.data;

import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.charset.StandardCharsets;

/**
 * The cursor key from AWS Secrets Manager: the UTF-8 bytes of the secret string named by
 * {@code tessera.resources.cursor-key-secret} (a generated secret in the CDK stack; one the local
 * provisioner creates in the emulator). Read once, at the first cursor a process signs or checks,
 * so that requests without pagination never wait for it. Rotating the secret makes the cursors
 * handed out before invalid (400): clients start the listing again.
 */
@Singleton
class SecretsManagerCursorKey implements CursorKey {

    private static final int MIN_KEY_BYTES = 32;

    private final SecretsManagerClient secretsManager;
    private final String secretId;
    private volatile byte[] key;

    SecretsManagerCursorKey(SecretsManagerClient secretsManager, ResourcesConfiguration resources) {
        this.secretsManager = secretsManager;
        this.secretId = resources.getCursorKeySecret();
    }

    @Override
    public byte[] bytes() {
        byte[] known = key;
        if (known == null) {
            known = secretsManager.getSecretValue(request -> request.secretId(secretId)).secretString().getBytes(StandardCharsets.UTF_8);
            if (known.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("the cursor key secret " + secretId + " is shorter than " + MIN_KEY_BYTES + " bytes");
            }
            key = known;
        }
        return known;
    }
}
