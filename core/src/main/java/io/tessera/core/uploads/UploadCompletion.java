package io.tessera.core.uploads;

import io.micronaut.context.annotation.Requires;
import io.tessera.core.context.CallContext;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.TierLimits;
import io.tessera.core.tenants.Tiers;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.Optional;

/**
 * Checks an object that arrived in the uploads bucket against what was asked for, because the
 * presigned request's limits are only as good as the store that enforces them: the real size and
 * stored type must match the pending upload of that tenant at exactly that key, fit the tier, and
 * the bytes themselves must be of the declared type ({@link ContentTypeDetection}: an HTML page
 * stored as {@code image/png} is not a PNG). A matching object makes the upload UPLOADED; anything
 * else is deleted, and its upload (if any) REJECTED with the reason. An accepted object replaced
 * later (another ETag at the key) is deleted too, and its upload REJECTED. An object in a user's own
 * folder becomes an upload first ({@link DirectUploads}), then goes the same way.
 */
// Only where a detector is packaged (the stream processors): other functions must still start.
@Requires(beans = ContentTypeDetection.class)
@Singleton
public class UploadCompletion {

    private static final String QUOTA_USED_UP = "The tenant's storage quota is used up.";

    private static final Logger LOG = LoggerFactory.getLogger(UploadCompletion.class);

    private final S3Client s3;
    private final Uploads uploads;
    private final TenantProfiles profiles;
    private final Tiers tiers;
    private final ContentTypeDetection detection;
    private final DirectUploads directUploads;
    private final UploadsConfiguration configuration;
    private final String bucket;

    UploadCompletion(S3Client s3, Uploads uploads, TenantProfiles profiles, Tiers tiers, ContentTypeDetection detection,
                     DirectUploads directUploads, UploadsConfiguration configuration, ResourcesConfiguration resources) {
        this.s3 = s3;
        this.uploads = uploads;
        this.profiles = profiles;
        this.tiers = tiers;
        this.detection = detection;
        this.directUploads = directUploads;
        this.configuration = configuration;
        this.bucket = resources.getUploadsBucket();
    }

    /** The upload an object completed or was rejected for, with its tenant; empty if it belonged to none. */
    public record Outcome(String tenantId, Upload upload) {
    }

    /**
     * Checks the object at {@code key} (an S3 object-created notification's key, decoded).
     *
     * @return the upload it completed or rejected; empty if it settled nothing (a thumbnail, a stray, an upload already settled)
     */
    public Optional<Outcome> complete(String key) {
        if (UploadKeys.isThumbnail(key)) {
            return Optional.empty();
        }
        Optional<UploadKeys.Owner> owner = UploadKeys.ownerOf(key);
        if (owner.isEmpty()) {
            delete(key, "it is not at an upload's key");
            return Optional.empty();
        }
        String tenantId = owner.get().tenantId();
        String uploadId = owner.get().uploadId();
        return CallContext.system(tenantId, null).call(() -> {
            Optional<Upload> found = uploads.find(uploadId).filter(upload -> upload.key().equals(key))
                    .or(() -> UploadKeys.directOwnerOf(key).flatMap(direct -> directUploads.register(direct, key, uploadId)));
            if (found.isEmpty()) {
                delete(key, "no upload of tenant " + tenantId + " waits for it");
                return Optional.empty();
            }
            Upload upload = found.get();
            if (upload.status() == UploadStatus.UPLOADED) {
                return replaced(upload) ? uploads.find(uploadId).map(updated -> new Outcome(tenantId, updated)) : Optional.empty();
            }
            HeadObjectResponse object;
            TierLimits limits = tiers.of(profiles.get().orElseThrow().tier());
            Optional<String> refusal;
            try {
                object = s3.headObject(request -> request.bucket(bucket).key(key));
                refusal = refusal(upload, object, limits).or(() -> contentRefusal(upload));
            } catch (NoSuchKeyException gone) {
                return Optional.empty();
            }
            if (refusal.isPresent()) {
                reject(upload, refusal.get());
            } else if (!uploads.markUploaded(uploadId, object.contentLength(), object.eTag(), limits.getStorageQuotaBytes())) {
                // Another object took the quota's last bytes meanwhile, or another delivery already settled this one.
                uploads.find(uploadId).filter(pending -> pending.status() == UploadStatus.PENDING)
                        .ifPresent(pending -> reject(pending, QUOTA_USED_UP));
            }
            return uploads.find(uploadId).map(updated -> new Outcome(tenantId, updated));
        });
    }

    /**
     * Whether the object of an accepted upload was replaced since it was checked (another ETag, or
     * another stored type):
     * then the object and its thumbnails are deleted and the upload REJECTED. The same object
     * announced again (a redelivered notification) is left alone.
     */
    private boolean replaced(Upload upload) {
        HeadObjectResponse object;
        try {
            object = s3.headObject(request -> request.bucket(bucket).key(upload.key()));
        } catch (NoSuchKeyException gone) {
            return false;
        }
        // A copy onto itself keeps the ETag but may change the type the object is served as.
        if (object.eTag().equals(upload.etag()) && upload.contentType().equals(object.contentType())) {
            return false;
        }
        String reason = "The object was replaced after it had been checked.";
        delete(upload.key(), reason);
        UploadKeys.ownerOf(upload.key()).ifPresent(owner -> s3.listObjectsV2Paginator(request -> request.bucket(bucket)
                        .prefix(UploadKeys.thumbnailsOf(owner))).contents()
                .forEach(thumbnail -> s3.deleteObject(request -> request.bucket(bucket).key(thumbnail.key()))));
        return uploads.markReplaced(upload, reason);
    }

    private void reject(Upload upload, String reason) {
        delete(upload.key(), reason);
        uploads.markRejected(upload.uploadId(), reason);
    }

    private Optional<String> refusal(Upload upload, HeadObjectResponse object, TierLimits limits) {
        if (upload.status() != UploadStatus.PENDING) {
            return Optional.of("The upload was " + upload.status().name().toLowerCase() + " when the object arrived.");
        }
        if (object.contentLength() != upload.declaredBytes()) {
            return Optional.of("The object has " + object.contentLength() + " bytes; " + upload.declaredBytes() + " were declared.");
        }
        if (!upload.contentType().equals(object.contentType())) {
            return Optional.of("The object is " + object.contentType() + "; " + upload.contentType() + " was declared.");
        }
        if (!configuration.getAllowedContentTypes().contains(upload.contentType())) {
            return Optional.of("Uploads of " + upload.contentType() + " are not accepted.");
        }
        if (object.contentLength() > limits.getMaxUploadBytes()) {
            return Optional.of("The tier allows uploads of " + limits.getMaxUploadBytes() + " bytes.");
        }
        return Optional.empty();
    }

    /** Whether the object's bytes are what was declared; read only once everything cheaper has passed. */
    private Optional<String> contentRefusal(Upload upload) {
        byte[] head = s3.getObject(request -> request.bucket(bucket).key(upload.key()).range("bytes=0-" + (ContentTypeDetection.HEAD_BYTES - 1)),
                ResponseTransformer.toBytes()).asByteArray();
        String detected = detection.detect(head);
        return bytesAre(upload.contentType(), detected) ? Optional.empty()
                : Optional.of("The object's bytes are " + detected + "; " + upload.contentType() + " was declared.");
    }

    /**
     * Whether bytes detected as {@code detected} may be stored as {@code declared}: the same type,
     * or plain text for a text type (CSV has no signature: its bytes are plain text).
     */
    static boolean bytesAre(String declared, String detected) {
        return declared.equals(detected) || declared.startsWith("text/") && detected.equals("text/plain");
    }

    private void delete(String key, String reason) {
        LOG.warn("deleting uploaded object {}: {}", key, reason);
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }
}
