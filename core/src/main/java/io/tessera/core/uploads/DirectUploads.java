package io.tessera.core.uploads;

import io.tessera.core.resources.IdentityPoolResources;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.TenantStatus;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.UserDirectory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Objects a user put straight into their own folder ({@code tenants/<tenantId>/direct/<userId>/…},
 * with the credentials of {@link IdentityPoolResources}) become uploads like granted ones: the
 * object declares its type and size, and from there the completion check and the processors treat
 * it as any PENDING upload. Only an enabled user of an active tenant gets one; any other object in
 * such a folder is not an upload (the completion check deletes it).
 */
@Singleton
class DirectUploads {

    private final S3Client s3;
    private final Uploads uploads;
    private final UserDirectory users;
    private final TenantProfiles profiles;
    private final UploadsConfiguration configuration;
    private final Clock clock;
    private final String bucket;

    DirectUploads(S3Client s3, Uploads uploads, UserDirectory users, TenantProfiles profiles, UploadsConfiguration configuration,
                  Clock clock, ResourcesConfiguration resources) {
        this.s3 = s3;
        this.uploads = uploads;
        this.users = users;
        this.profiles = profiles;
        this.configuration = configuration;
        this.clock = clock;
        this.bucket = resources.getUploadsBucket();
    }

    /**
     * The PENDING upload of the object at {@code key}, recorded now if it was not yet; runs in the
     * tenant's call context.
     *
     * @param owner    the folder's tenant and user, read from the key
     * @param uploadId the upload's id for that key ({@link UploadKeys#ownerOf})
     * @return empty if the folder's user may not upload (unknown, disabled, tenant not active) or the object is gone
     */
    Optional<Upload> register(UploadKeys.DirectOwner owner, String key, String uploadId) {
        boolean mayUpload = users.find(owner.userId()).filter(TenantUser::enabled).isPresent()
                && profiles.get().filter(tenant -> tenant.status() == TenantStatus.ACTIVE).isPresent();
        if (!mayUpload) {
            return Optional.empty();
        }
        HeadObjectResponse object;
        try {
            object = s3.headObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        }
        String type = object.contentType() == null ? "application/octet-stream" : object.contentType();
        Instant now = clock.instant();
        uploads.createIfAbsent(new Upload(uploadId, owner.userId(), SafeFileNames.of(owner.name(), type), type, object.contentLength(), key,
                UploadStatus.PENDING, now, now.plus(configuration.getPendingTtl()), null, null, null, null, null));
        return uploads.find(uploadId);
    }
}
