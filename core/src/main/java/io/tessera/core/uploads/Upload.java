package io.tessera.core.uploads;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A file a user of the current tenant uploads straight to S3.
 *
 * @param key           where the object goes: {@code tenants/<tenantId>/uploads/<uploadId>/<safe name>}
 * @param declaredBytes the size the client declared, which the presigned request binds
 * @param sizeBytes     the stored object's real size, once UPLOADED
 * @param expiresAt     when a PENDING upload is given up
 * @param processing    what the media processor made of an UPLOADED image or PDF; null until then and for other types
 */
public record Upload(String uploadId, String ownerId, String fileName, String contentType, long declaredBytes,
                     String key, UploadStatus status, Instant createdAt, Instant expiresAt,
                     @Nullable Long sizeBytes, @Nullable String etag, @Nullable Instant completedAt,
                     @Nullable String rejectionReason, @Nullable Processing processing) {
}
