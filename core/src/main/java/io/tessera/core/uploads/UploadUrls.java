package io.tessera.core.uploads;

import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * Presigned S3 requests. An upload URL signs the object's key, its {@code Content-Type} and its
 * {@code Content-Length}, so S3 refuses a request with another type or size; it expires with the
 * configured TTL (at most 15 minutes).
 */
@Singleton
public class UploadUrls {

    private final S3Presigner presigner;
    private final String bucket;
    private final Duration ttl;

    UploadUrls(S3Presigner presigner, ResourcesConfiguration resources, UploadsConfiguration configuration) {
        this.presigner = presigner;
        this.bucket = resources.getUploadsBucket();
        this.ttl = configuration.getUrlTtl().compareTo(UploadsConfiguration.MAX_URL_TTL) > 0
                ? UploadsConfiguration.MAX_URL_TTL : configuration.getUrlTtl();
    }

    /** A presigned PUT and the headers the client must send with it, exactly. */
    public record SignedRequest(String method, URL url, Map<String, String> headers) {
    }

    /**
     * A PUT that may only create the object: {@code If-None-Match: *} is signed with it (S3 User
     * Guide, "Add preconditions to S3 operations with conditional requests"), so the same URL sent
     * again after the upload was checked is refused (412) instead of replacing checked bytes.
     */
    public SignedRequest upload(String key, String contentType, long sizeBytes) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(request -> request
                .signatureDuration(ttl)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType).contentLength(sizeBytes).ifNoneMatch("*")));
        return new SignedRequest("PUT", signed.url(), Map.of(
                "Content-Type", contentType,
                "Content-Length", Long.toString(sizeBytes),
                "If-None-Match", "*"));
    }

    /**
     * A presigned GET of an upload's object, served as the type its bytes were checked to be and as
     * an attachment whatever the object's metadata says (S3 API Reference, GetObject's response
     * header overrides), so that metadata changed after the check cannot make it render as a page.
     */
    public URL download(String key, String fileName, String contentType) {
        return presigner.presignGetObject(request -> request
                .signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(key)
                        .responseContentType(contentType)
                        .responseContentDisposition("attachment; filename=\"" + fileName + "\""))).url();
    }

    /**
     * A presigned GET of a thumbnail, served as its image type whatever the object says (so that
     * nothing stored at the key can be served as a page), for the same short time as downloads.
     */
    public URL thumbnail(String key, ThumbnailFormat format) {
        return presigner.presignGetObject(request -> request
                .signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(key).responseContentType(format.mediaType()))).url();
    }

    public Duration ttl() {
        return ttl;
    }
}
