package io.tessera.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The captured standard output of the running local system ({@code .local/app.log}, where
 * {@code scripts/run-local --detach} and {@code scripts/test-all} send it): one JSON object per
 * line, log lines and CloudWatch Embedded Metric Format lines alike.
 */
public final class AppLog {

    private static final Path FILE = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve(".local/app.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppLog() {
    }

    /** Every JSON line written so far; lines that are not JSON (the banner) are left out. */
    public static List<JsonNode> lines() {
        try {
            return Files.readAllLines(FILE).stream().map(AppLog::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<JsonNode> parse(String line) {
        if (!line.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(line));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
