package io.tessera.core.uploads;

import io.tessera.core.resources.TesseraResources;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where uploaded objects live in the uploads bucket (SPEC §5):
 * {@code tenants/<tenantId>/uploads/<uploadId>/<safe name>}. The server builds every key, and the
 * completion check reads the owner back from it, both here.
 */
public final class UploadKeys {

    private static final Pattern KEY = Pattern.compile(Pattern.quote(TesseraResources.UPLOADS_PREFIX)
            + "([a-z0-9]{1,64})/uploads/([A-Za-z0-9-]{1,64})/[^/]+");

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
}
