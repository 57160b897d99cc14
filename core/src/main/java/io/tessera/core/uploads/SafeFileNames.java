package io.tessera.core.uploads;

import io.tessera.core.problems.BadRequestException;

import java.text.Normalizer;

/**
 * Turns a client's file name into one that is safe as the last segment of an S3 key and in a
 * download's name: no directories (so no traversal), no control characters, a small character
 * set, at most 100 characters.
 */
public final class SafeFileNames {

    static final int MAX_LENGTH = 100;

    private SafeFileNames() {
    }

    public static String of(String fileName) {
        String lastSegment = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String safe = Normalizer.normalize(lastSegment, Normalizer.Form.NFKC)
                .replaceAll("\\p{Cntrl}", "")
                .replaceAll("[^A-Za-z0-9._-]", "_")
                .replaceAll("_{2,}", "_")
                .replaceAll("^[._]+", "");
        if (safe.length() > MAX_LENGTH) {
            int dot = safe.lastIndexOf('.');
            String extension = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
            safe = safe.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.' || c == '_')) {
            throw new BadRequestException("The file name has no usable characters.");
        }
        return safe;
    }
}
