package io.tessera.core.resources;

import io.micronaut.context.ApplicationContext;
import io.tessera.core.uploads.UploadsConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration interfaces of core: their defaults, and the environment's overrides. */
class ConfigurationTest {

    @Test
    void resourceNamesDefaultToTheDefinitionsAndTheStackMayOverrideEach() {
        try (ApplicationContext defaults = ApplicationContext.run();
             ApplicationContext deployed = ApplicationContext.run(Map.of(
                     "tessera.resources.uploads-bucket", "tessera-uploads-123456789012",
                     "tessera.resources.signing-key-secret", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:cursor"))) {
            ResourcesConfiguration local = defaults.getBean(ResourcesConfiguration.class);
            ResourcesConfiguration aws = deployed.getBean(ResourcesConfiguration.class);

            assertThat(local.getMainTable()).isEqualTo(TesseraResources.MAIN_TABLE_NAME);
            assertThat(local.getUploadsBucket()).isEqualTo(TesseraResources.UPLOADS_BUCKET_NAME);
            assertThat(local.getSigningKeySecret()).isEqualTo(TesseraResources.SIGNING_KEY_SECRET);
            assertThat(aws.getUploadsBucket()).isEqualTo("tessera-uploads-123456789012");
            assertThat(aws.getSigningKeySecret()).startsWith("arn:aws:secretsmanager:");
            assertThat(aws.getMainTable()).isEqualTo(TesseraResources.MAIN_TABLE_NAME);
        }
    }

    @Test
    void uploadsAcceptImagesPdfAndTextForTenMinutesUnlessConfiguredOtherwise() {
        try (ApplicationContext defaults = ApplicationContext.run();
             ApplicationContext configured = ApplicationContext.run(Map.of("tessera.uploads.url-ttl", "2m",
                     "tessera.uploads.allowed-content-types", "image/png"))) {
            UploadsConfiguration uploads = defaults.getBean(UploadsConfiguration.class);

            assertThat(uploads.getAllowedContentTypes()).contains("image/png", "image/jpeg", "application/pdf");
            assertThat(uploads.getUrlTtl()).isEqualTo(Duration.ofMinutes(10));
            assertThat(configured.getBean(UploadsConfiguration.class).getUrlTtl()).isEqualTo(Duration.ofMinutes(2));
            assertThat(configured.getBean(UploadsConfiguration.class).getAllowedContentTypes()).containsExactly("image/png");
        }
    }
}
