package io.tessera.api.uploads;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.text.TextLength;
import io.tessera.api.text.Visible;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.problems.NotFoundException;
import io.tessera.core.resources.Roles;
import io.tessera.core.uploads.Processing;
import io.tessera.core.uploads.ProcessingStatus;
import io.tessera.core.uploads.ThumbnailFormat;
import io.tessera.core.uploads.ThumbnailSize;
import io.tessera.core.uploads.Upload;
import io.tessera.core.uploads.UploadKeys;
import io.tessera.core.uploads.UploadRequests;
import io.tessera.core.uploads.UploadStatus;
import io.tessera.core.uploads.UploadUrls;
import io.tessera.core.uploads.Uploads;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Presigned uploads straight to S3, and their outcome with a download link. */
@Controller("/uploads")
@Secured({Roles.TENANT_ADMINS, Roles.MEMBERS})
class UploadsController {

    private final UploadRequests requests;
    private final Uploads uploads;
    private final UploadUrls urls;

    UploadsController(UploadRequests requests, Uploads uploads, UploadUrls urls) {
        this.requests = requests;
        this.uploads = uploads;
        this.urls = urls;
    }

    @Serdeable
    record UploadRequest(@Visible @TextLength(max = 255) String fileName,
                         @NotBlank @TextLength(max = 100) @Pattern(regexp = "[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+") String contentType,
                         @NotNull @Min(1) Long sizeBytes) {
    }

    /** Send the file with exactly {@code method}, {@code url} and {@code headers}, before {@code expiresAt}. */
    @Serdeable
    record UploadGrant(UploadView upload, String method, String url, Map<String, String> headers, Instant expiresAt) {
    }

    @Serdeable
    record UploadView(String uploadId, String ownerId, String fileName, String contentType, long declaredBytes,
                      UploadStatus status, Instant createdAt, @Nullable Long sizeBytes, @Nullable Instant completedAt,
                      @Nullable String rejectionReason, @Nullable String downloadUrl, @Nullable ProcessingView processing) {

        static UploadView of(Upload upload, @Nullable String downloadUrl, @Nullable List<ThumbnailView> thumbnails) {
            return new UploadView(upload.uploadId(), upload.ownerId(), upload.fileName(), upload.contentType(),
                    upload.declaredBytes(), upload.status(), upload.createdAt(), upload.sizeBytes(), upload.completedAt(),
                    upload.rejectionReason(), downloadUrl, ProcessingView.of(upload.processing(), thumbnails));
        }

        static UploadView of(Upload upload) {
            return of(upload, null, null);
        }
    }

    /** What the media processor made of an image or PDF; thumbnails only on GET /uploads/{uploadId}. */
    @Serdeable
    record ProcessingView(ProcessingStatus status, @Nullable String reason, @Nullable Integer width, @Nullable Integer height,
                          @Nullable Integer pageCount, @Nullable List<ThumbnailView> thumbnails) {

        @Nullable
        static ProcessingView of(@Nullable Processing processing, @Nullable List<ThumbnailView> thumbnails) {
            return processing == null ? null : new ProcessingView(processing.status(), processing.reason(), processing.width(),
                    processing.height(), processing.pageCount(), thumbnails);
        }
    }

    @Serdeable
    record ThumbnailView(int size, int width, int height, String contentType, String url) {
    }

    @Post
    @Status(HttpStatus.CREATED)
    UploadGrant request(@Body @Valid UploadRequest request) {
        UploadRequests.Grant grant = requests.grant(request.fileName(), request.contentType(), request.sizeBytes());
        return new UploadGrant(UploadView.of(grant.upload()), grant.request().method(), grant.request().url().toString(),
                grant.request().headers(), grant.expiresAt());
    }

    @Get
    Page<UploadView> list(@QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                          @QueryValue @Nullable @TextLength(max = 2048) String cursor) {
        CallContext caller = CallContext.caller();
        PageRequest page = PageRequest.of(limit, cursor);
        return (isAdmin(caller) ? uploads.listOfTenant(page) : uploads.listOfOwner(caller.userId(), page))
                .map(UploadView::of);
    }

    /**
     * An UPLOADED upload comes with a short-lived download URL, and a processed image with its
     * thumbnails' URLs. Another member's upload is 404, like a missing one.
     */
    @Get("/{uploadId}")
    UploadView get(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String uploadId) {
        CallContext caller = CallContext.caller();
        Upload upload = uploads.find(uploadId).filter(found -> isAdmin(caller) || found.ownerId().equals(caller.userId()))
                .orElseThrow(() -> new NotFoundException("There is no upload " + uploadId + "."));
        if (upload.status() != UploadStatus.UPLOADED) {
            return UploadView.of(upload);
        }
        return UploadView.of(upload, urls.download(upload.key(), upload.fileName(), upload.contentType()).toString(), thumbnails(upload));
    }

    /** The thumbnails of a processed image, at the keys of the upload's own tenant and id; none for a refused file or a PDF. */
    @Nullable
    private List<ThumbnailView> thumbnails(Upload upload) {
        Processing processing = upload.processing();
        if (processing == null) {
            return null;
        }
        UploadKeys.Owner owner = UploadKeys.ownerOf(upload.key()).orElseThrow();
        ThumbnailFormat format = ThumbnailFormat.of(upload.contentType());
        // A REFUSED image may have its declared dimensions but has no thumbnail sizes.
        return processing.thumbnailSizes().stream().map(size -> {
            ThumbnailSize.Dimensions fitted = size.fit(processing.width(), processing.height());
            return new ThumbnailView(size.longestSide(), fitted.width(), fitted.height(), format.mediaType(),
                    urls.thumbnail(UploadKeys.thumbnail(owner, size.longestSide(), format), format).toString());
        }).toList();
    }

    private static boolean isAdmin(CallContext caller) {
        return caller.hasRole(Roles.TENANT_ADMINS);
    }
}
