package io.tessera.core.uploads;

import io.tessera.core.context.CallContext;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.problems.PayloadTooLargeException;
import io.tessera.core.problems.TooManyRequestsException;
import io.tessera.core.problems.UnprocessableException;
import io.tessera.core.problems.UnsupportedMediaTypeException;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.TierLimits;
import io.tessera.core.tenants.Tiers;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Grants an upload: the server chooses the key, checks the type against the allowlist (415), the
 * size against what any tier allows (400) and against the tenant's tier (413) and the storage
 * quota, pending uploads included (422), records the upload PENDING and signs a PUT bound to that
 * key, type and size. Grants of one tenant are recorded one after the other (each names the grant
 * count it checked the quota against), so concurrent requests cannot share the last free bytes;
 * the uploads in progress are read from an index, which in AWS may lag a just-recorded grant by
 * moments, and the completion check holds the quota for what is stored in any case.
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

    private static final int MAX_ATTEMPTS = 8;

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
        String safeName = SafeFileNames.of(fileName, type);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            long grantsSeen = uploads.grantsSoFar();
            Tenant tenant = profiles.get().orElseThrow();
            checkLimits(tenant, sizeBytes);
            String uploadId = UUID.randomUUID().toString();
            Instant now = clock.instant();
            Upload upload = new Upload(uploadId, CallContext.caller().userId(), safeName, type, sizeBytes,
                    UploadKeys.of(tenant.id(), uploadId, safeName), UploadStatus.PENDING, now,
                    now.plus(configuration.getPendingTtl()), null, null, null, null, null);
            if (uploads.createIfNoGrantSince(grantsSeen, upload)) {
                return new Grant(upload, urls.upload(upload.key(), type, sizeBytes), now.plus(urls.ttl()));
            }
            pauseBeforeRetry(attempt);
        }
        throw new TooManyRequestsException("Too many uploads are being requested at once for this tenant; retry.", Duration.ofSeconds(1));
    }

    /** The tier's size limit (413) and the storage quota with the uploads in progress (422). */
    private void checkLimits(Tenant tenant, long sizeBytes) {
        TierLimits limits = tiers.of(tenant.tier());
        if (sizeBytes > limits.getMaxUploadBytes()) {
            throw new PayloadTooLargeException("The " + tenant.tier().wireName() + " tier allows uploads of up to "
                    + limits.getMaxUploadBytes() + " bytes.");
        }
        if (tenant.storageUsedBytes() + uploads.pendingBytes() + sizeBytes > limits.getStorageQuotaBytes()) {
            throw new UnprocessableException("The tenant's storage quota of " + limits.getStorageQuotaBytes()
                    + " bytes would be exceeded (uploads in progress count).");
        }
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5L << attempt, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
