package io.tessera.core.uploads;

import io.tessera.core.resources.TesseraResources;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where uploaded objects live in the uploads bucket (SPEC §5):
 * {@code tenants/<tenantId>/uploads/<uploadId>/<safe name>} for granted uploads, and
 * {@code tenants/<tenantId>/direct/<userId>/<any name>} for what a user puts straight into their
 * own folder with identity-pool credentials (the upload of such an object is named by its key:
 * one upload per key); and what the media processor derives from them:
 * {@code tenants/<tenantId>/thumbnails/<uploadId>/<longest side>.<png|jpg>}, under the same
 * tenant's prefix but outside its uploads. The server builds every key it grants, and the
 * processors read the owner back from any key, all here.
 */
public final class UploadKeys {

    private static final Pattern KEY = Pattern.compile(Pattern.quote(TesseraResources.UPLOADS_PREFIX)
            + "([a-z0-9]{1,64})/uploads/([A-Za-z0-9-]{1,64})/[^/]+");

    private static final Pattern DIRECT = Pattern.compile(Pattern.quote(TesseraResources.UPLOADS_PREFIX)
            + "([a-z0-9]{1,64})/direct/([A-Za-z0-9-]{1,64})/(.+)");

    private static final Pattern THUMBNAIL = Pattern.compile(Pattern.quote(TesseraResources.UPLOADS_PREFIX)
            + "[a-z0-9]{1,64}/thumbnails/[A-Za-z0-9-]{1,64}/[0-9]{1,5}\\.(png|jpg)");

    private UploadKeys() {
    }

    /** Whose an object is: the tenant and the upload its key names. */
    public record Owner(String tenantId, String uploadId) {
    }

    /** The key of an upload's object; {@code safeName} is what {@link SafeFileNames} made of the client's name. */
    public static String of(String tenantId, String uploadId, String safeName) {
        return TesseraResources.UPLOADS_PREFIX + tenantId + "/uploads/" + uploadId + "/" + safeName;
    }

    /** An object of a user's own folder: the tenant, the user, and the rest of the key as the user named it. */
    public record DirectOwner(String tenantId, String userId, String name) {
    }

    /** The owner a key names (a granted upload's, or a direct one's), or empty if it is not an upload's key. */
    public static Optional<Owner> ownerOf(String key) {
        Matcher parts = KEY.matcher(key);
        if (parts.matches()) {
            return Optional.of(new Owner(parts.group(1), parts.group(2)));
        }
        return directOwnerOf(key).map(direct -> new Owner(direct.tenantId(), directUploadId(key)));
    }

    /** The tenant and user whose folder a key is in, or empty if it is not in a user's folder. */
    public static Optional<DirectOwner> directOwnerOf(String key) {
        Matcher parts = DIRECT.matcher(key);
        return parts.matches() ? Optional.of(new DirectOwner(parts.group(1), parts.group(2), parts.group(3))) : Optional.empty();
    }

    /** The id of the upload of a direct object: a name-based UUID of its key (RFC 9562 §5.3). */
    private static String directUploadId(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The prefix of every thumbnail of an upload, ending in {@code /}. */
    public static String thumbnailsOf(Owner owner) {
        return TesseraResources.UPLOADS_PREFIX + owner.tenantId() + "/thumbnails/" + owner.uploadId() + "/";
    }

    /** The key of an upload's thumbnail whose longest side is {@code size} pixels. */
    public static String thumbnail(Owner owner, int size, ThumbnailFormat format) {
        return thumbnailsOf(owner) + size + "." + format.extension();
    }

    /**
     * Whether a key is one the media processor writes: S3 notifies of those objects too, and they
     * are neither uploads nor strays.
     */
    public static boolean isThumbnail(String key) {
        return THUMBNAIL.matcher(key).matches();
    }
}
