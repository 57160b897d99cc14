package io.tessera.core.uploads;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a client's file name into one that is safe as the last segment of an S3 key and in a
 * download's name: no directories (so no traversal), no control characters, a small character
 * set, at most 100 characters. A name with nothing usable left (say, all Japanese) becomes
 * {@code file}, keeping its extension. The extension is always one of the declared type's (the
 * bytes are checked to be of that type): a PNG named {@code invoice.html} is saved as
 * {@code invoice.html.png}, so that nobody downloads a file that opens as a page or a script
 * (the Content-Disposition filename is taken from it; OWASP File Upload Cheat Sheet, "Extension
 * Validation"). A type without known extensions gets none.
 */
public final class SafeFileNames {

    static final int MAX_LENGTH = 100;
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,9}$");

    /** The extensions each accepted type may carry, the first being the one given to a name without. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            "image/png", List.of(".png"),
            "image/jpeg", List.of(".jpg", ".jpeg"),
            "image/webp", List.of(".webp"),
            "image/gif", List.of(".gif"),
            "application/pdf", List.of(".pdf"),
            "text/csv", List.of(".csv"),
            "text/plain", List.of(".txt", ".text", ".log"));

    private SafeFileNames() {
    }

    /**
     * @param fileName    the client's name for the file, any string
     * @param contentType the declared media type, e.g. {@code image/png}
     * @return a name of at most {@link #MAX_LENGTH} characters from {@code [A-Za-z0-9._-]}, ending in
     *         an extension of {@code contentType} (a type without known
     *         extensions gets none: the dot of the client's extension becomes {@code _})
     */
    public static String of(String fileName, String contentType) {
        String safe = of(fileName);
        List<String> allowed = EXTENSIONS.getOrDefault(contentType, List.of());
        var extension = EXTENSION.matcher(safe);
        if (extension.find() && allowed.contains(extension.group().toLowerCase(Locale.ROOT))) {
            return safe;
        }
        if (allowed.isEmpty()) {
            return extension.find(0) ? safe.substring(0, extension.start()) + "_" + safe.substring(extension.start() + 1) : safe;
        }
        String wanted = allowed.get(0);
        return safe.substring(0, Math.min(safe.length(), MAX_LENGTH - wanted.length())) + wanted;
    }

    private static String of(String fileName) {
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
