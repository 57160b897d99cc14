package io.tessera.infra.local;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets Tessera reads, created once with random values, like the CDK stack's generated
 * secrets: the signing key ({@link TesseraResources#SIGNING_KEY_SECRET}).
 */
final class SecretsProvisioner {

    private static final int KEY_BYTES = 48;

    private final SecretsManagerClient secretsManager;

    SecretsProvisioner(SecretsManagerClient secretsManager) {
        this.secretsManager = secretsManager;
    }

    void provision() {
        try {
            secretsManager.describeSecret(request -> request.secretId(TesseraResources.SIGNING_KEY_SECRET));
        } catch (ResourceNotFoundException e) {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            secretsManager.createSecret(request -> request
                    .name(TesseraResources.SIGNING_KEY_SECRET)
                    .description("Signs Tessera's page cursors and seals its sign-in challenge sessions")
                    .secretString(Base64.getUrlEncoder().withoutPadding().encodeToString(key)));
        }
    }
}
