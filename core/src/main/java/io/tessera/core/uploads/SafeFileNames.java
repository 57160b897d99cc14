package io.tessera.core.uploads;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Turns a client's file name into one that is safe as the last segment of an S3 key and in a
 * download's name: no directories (so no traversal), no control characters, a small character
 * set, at most 100 characters. A name with nothing usable left (say, all Japanese) becomes
 * {@code file}, keeping its extension.
 */
public final class SafeFileNames {

    static final int MAX_LENGTH = 100;
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,9}$");

    private SafeFileNames() {
    }

    public static String of(String fileName) {
        String lastSegment = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String safe = Normalizer.normalize(lastSegment, Normalizer.Form.NFKC)
                .replaceAll("\\p{Cntrl}", "")
                .replaceAll("[^A-Za-z0-9._-]", "_")
                .replaceAll("_{2,}", "_");
        var extensionMatch = EXTENSION.matcher(safe);
        String extension = extensionMatch.find() && extensionMatch.start() > 0 ? extensionMatch.group() : "";
        String stem = safe.substring(0, safe.length() - extension.length()).replaceAll("^[._]+|[._]+$", "");
        if (stem.isEmpty()) {
            stem = "file";
        }
        return stem.substring(0, Math.min(stem.length(), MAX_LENGTH - extension.length())) + extension;
    }
}
