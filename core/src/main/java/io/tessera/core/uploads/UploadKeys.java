package io.tessera.core.uploads;

import io.tessera.core.resources.TesseraResources;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where uploaded objects live in the uploads bucket (SPEC §5):
 * {@code tenants/<tenantId>/uploads/<uploadId>/<safe name>}, and what the media processor derives
 * from them: {@code tenants/<tenantId>/thumbnails/<uploadId>/<longest side>.<png|jpg>}, under the
 * same tenant's prefix but outside its uploads. The server builds every key, and the processors
 * read the owner back from it, all here.
 */
public final class UploadKeys {

    private static final Pattern KEY = Pattern.compile(Pattern.quote(TesseraResources.UPLOADS_PREFIX)
            + "([a-z0-9]{1,64})/uploads/([A-Za-z0-9-]{1,64})/[^/]+");

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

    /** The owner a key names, or empty if it is not an upload's key. */
    public static Optional<Owner> ownerOf(String key) {
        Matcher parts = KEY.matcher(key);
        return parts.matches() ? Optional.of(new Owner(parts.group(1), parts.group(2))) : Optional.empty();
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
