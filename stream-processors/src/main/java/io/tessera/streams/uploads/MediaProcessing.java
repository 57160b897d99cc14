package io.tessera.streams.uploads;

import io.tessera.core.context.CallContext;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.uploads.Processing;
import io.tessera.core.uploads.ThumbnailFormat;
import io.tessera.core.uploads.Upload;
import io.tessera.core.uploads.UploadKeys;
import io.tessera.core.uploads.UploadStatus;
import io.tessera.core.uploads.Uploads;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.Optional;
import java.util.Set;

/**
 * Processes an uploaded object once the completion check accepted it: an image (PNG, JPEG, GIF)
 * gets its dimensions and thumbnails ({@link ImageProcessing}), a PDF its page count
 * ({@link PdfInspection}); the outcome is recorded on the upload once.
 *
 * <p>Both processors receive the same S3 event, in no particular order. This one acts only on an
 * UPLOADED upload, so it never works on bytes the completion check is about to reject: while the
 * upload is PENDING it fails the message ({@link NotSettledYet}), which its queue delivers again
 * later (and, if the check never settles it, moves to the dead-letter queue); a REJECTED or EXPIRED
 * upload is left alone. An upload whose processing is recorded already is left alone too, so a
 * replayed event writes the same thumbnails at most and announces nothing twice.
 */
@Singleton
class MediaProcessing {

    private static final Logger LOG = LoggerFactory.getLogger(MediaProcessing.class);
    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif");
    private static final String PDF = "application/pdf";

    private final S3Client s3;
    private final Uploads uploads;
    private final String bucket;

    MediaProcessing(S3Client s3, Uploads uploads, ResourcesConfiguration resources) {
        this.s3 = s3;
        this.uploads = uploads;
        this.bucket = resources.getUploadsBucket();
    }

    /** The upload an object's processing was recorded on, with its tenant. */
    record Outcome(String tenantId, Upload upload) {
    }

    private boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        }
    }

    /** The upload is still PENDING: the completion check has not judged its object yet. */
    static final class NotSettledYet extends RuntimeException {
        NotSettledYet(String uploadId) {
            super("upload " + uploadId + " is still PENDING; its object is processed once the completion check accepted it");
        }
    }

    /**
     * Processes the object at {@code key} (an S3 object-created notification's key, decoded).
     *
     * @return the upload whose processing this recorded; empty if there was nothing (more) to do
     * @throws NotSettledYet if the upload is still PENDING: retry later
     */
    Optional<Outcome> process(String key) {
        Optional<UploadKeys.Owner> owner = UploadKeys.ownerOf(key);
        if (owner.isEmpty()) {
            // Thumbnails, and strays, which the completion check deletes.
            return Optional.empty();
        }
        String tenantId = owner.get().tenantId();
        return CallContext.system(tenantId, null).call(() -> {
            Optional<Upload> found = uploads.find(owner.get().uploadId()).filter(upload -> upload.key().equals(key));
            if (found.isEmpty() && UploadKeys.directOwnerOf(key).isPresent() && exists(key)) {
                // A direct object becomes an upload when the completion check first sees it.
                throw new NotSettledYet(owner.get().uploadId());
            }
            if (found.isEmpty() || !processes(found.get().contentType())) {
                return Optional.empty();
            }
            Upload upload = found.get();
            if (upload.status() == UploadStatus.PENDING) {
                throw new NotSettledYet(upload.uploadId());
            }
            if (upload.status() != UploadStatus.UPLOADED || upload.processing() != null) {
                return Optional.empty();
            }
            byte[] bytes;
            try {
                bytes = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
            } catch (NoSuchKeyException gone) {
                return Optional.empty();
            }
            Processing processing = upload.contentType().equals(PDF) ? PdfInspection.inspect(bytes)
                    : ImageProcessing.process(bytes, upload.contentType(), (size, thumbnail) -> {
                        ThumbnailFormat format = ThumbnailFormat.of(upload.contentType());
                        s3.putObject(request -> request.bucket(bucket).key(UploadKeys.thumbnail(owner.get(), size.longestSide(), format))
                                .contentType(format.mediaType()), RequestBody.fromBytes(thumbnail));
                    });
            LOG.info("upload {} processed: {}", upload.uploadId(), processing.status());
            if (!uploads.recordProcessing(upload.uploadId(), processing)) {
                return Optional.empty();
            }
            return uploads.find(upload.uploadId()).map(updated -> new Outcome(tenantId, updated));
        });
    }

    private static boolean processes(String contentType) {
        return IMAGES.contains(contentType) || contentType.equals(PDF);
    }
}
