package io.tessera.core.uploads;

import io.tessera.core.context.CallContext;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.problems.PayloadTooLargeException;
import io.tessera.core.problems.UnprocessableException;
import io.tessera.core.problems.UnsupportedMediaTypeException;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.TierLimits;
import io.tessera.core.tenants.Tiers;
import io.tessera.core.uploads.SafeFileNames;
import io.tessera.core.uploads.Upload;
import io.tessera.core.uploads.UploadStatus;
import io.tessera.core.uploads.UploadUrls;
import io.tessera.core.uploads.Uploads;
import io.tessera.core.uploads.UploadsConfiguration;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Grants an upload: the server chooses the key, checks the type against the allowlist (415), the
 * size against what any tier allows (400) and against the tenant's tier (413) and the storage quota, pending uploads included (422), records the
 * upload PENDING and signs a PUT bound to that key, type and size.
 */
@Singleton
public class UploadRequests {

    private final Uploads uploads;
    private final UploadUrls urls;
    private final TenantProfiles profiles;
    private final Tiers tiers;
    private final UploadsConfiguration configuration;
    private final Clock clock;

    UploadRequests(Uploads uploads, UploadUrls urls, TenantProfiles profiles, Tiers tiers,
                   UploadsConfiguration configuration, Clock clock) {
        this.uploads = uploads;
        this.urls = urls;
        this.profiles = profiles;
        this.tiers = tiers;
        this.configuration = configuration;
        this.clock = clock;
    }

    public record Grant(Upload upload, UploadUrls.SignedRequest request, Instant expiresAt) {
    }

    public Grant grant(String fileName, String type, long sizeBytes) {
        if (!configuration.getAllowedContentTypes().contains(type)) {
            throw new UnsupportedMediaTypeException("Uploads of " + type + " are not accepted; allowed: "
                    + String.join(", ", configuration.getAllowedContentTypes()) + ".");
        }
        if (sizeBytes > tiers.largestUploadBytes()) {
            throw new BadRequestException("No tier allows uploads of more than " + tiers.largestUploadBytes() + " bytes.");
        }
        Tenant tenant = profiles.get().orElseThrow();
        TierLimits limits = tiers.of(tenant.tier());
        if (sizeBytes > limits.getMaxUploadBytes()) {
            throw new PayloadTooLargeException("The " + tenant.tier().wireName() + " tier allows uploads of up to "
                    + limits.getMaxUploadBytes() + " bytes.");
        }
        if (tenant.storageUsedBytes() + uploads.pendingBytes() + sizeBytes > limits.getStorageQuotaBytes()) {
            throw new UnprocessableException("The tenant's storage quota of " + limits.getStorageQuotaBytes()
                    + " bytes would be exceeded (uploads in progress count).");
        }
        String safeName = SafeFileNames.of(fileName);
        String uploadId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Upload upload = new Upload(uploadId, CallContext.current().orElseThrow().userId(), safeName, type, sizeBytes,
                UploadKeys.of(tenant.id(), uploadId, safeName), UploadStatus.PENDING, now,
                now.plus(configuration.getPendingTtl()), null, null, null, null);
        uploads.create(upload);
        return new Grant(upload, urls.upload(upload.key(), type, sizeBytes), now.plus(urls.ttl()));
    }
}
