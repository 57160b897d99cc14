package io.tessera.infra.local;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets Tessera reads, created once with random values, like the CDK stack's generated
 * secrets: the page cursors' signing key ({@link TesseraResources#CURSOR_KEY_SECRET}).
 */
final class SecretsProvisioner {

    private static final int KEY_BYTES = 48;

    private final SecretsManagerClient secretsManager;

    SecretsProvisioner(SecretsManagerClient secretsManager) {
        this.secretsManager = secretsManager;
    }

    void provision() {
        try {
            secretsManager.describeSecret(request -> request.secretId(TesseraResources.CURSOR_KEY_SECRET));
        } catch (ResourceNotFoundException e) {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            secretsManager.createSecret(request -> request
                    .name(TesseraResources.CURSOR_KEY_SECRET)
                    .description("Signs Tessera's page cursors")
                    .secretString(Base64.getUrlEncoder().withoutPadding().encodeToString(key)));
        }
    }
}
