package io.tessera.core.resources;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * The names this process uses for its AWS resources. They default to {@link TesseraResources};
 * the CDK stack passes its own through the environment (a bucket name, for one, is global in AWS).
 */
@ConfigurationProperties("tessera.resources")
public interface ResourcesConfiguration {

    @NotBlank
    @Bindable(defaultValue = TesseraResources.MAIN_TABLE_NAME)
    String getMainTable();

    @NotBlank
    @Bindable(defaultValue = TesseraResources.CONNECTIONS_TABLE_NAME)
    String getConnectionsTable();

    @NotBlank
    @Bindable(defaultValue = TesseraResources.ANALYTICS_TABLE_NAME)
    String getAnalyticsTable();

    @NotBlank
    @Bindable(defaultValue = TesseraResources.UPLOADS_BUCKET_NAME)
    String getUploadsBucket();

    @NotBlank
    @Bindable(defaultValue = TesseraResources.EVENT_BUS)
    String getEventBus();

    /** The Secrets Manager secret (name or ARN) holding the {@code SigningKey}. */
    @NotBlank
    @Bindable(defaultValue = TesseraResources.SIGNING_KEY_SECRET)
    String getSigningKeySecret();
}
