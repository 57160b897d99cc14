package io.tessera.local.sources;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where each local stream consumer left off, kept in the state directory like an event source
 * mapping keeps its checkpoint, so restarting the process does not replay the whole stream. A
 * checkpoint of another stream (the emulator restarted with fresh tables) is ignored.
 */
@Singleton
@Requires(env = "local")
class StreamCheckpoints {

    private final Path directory;

    StreamCheckpoints(@Value("${tessera.local.state-dir:.local}") String stateDirectory) {
        this.directory = Path.of(stateDirectory, "stream-checkpoints");
    }

    Optional<String> of(String consumer, String streamArn) {
        Path file = directory.resolve(consumer);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] saved = Files.readString(file).strip().split("\\s+");
            return saved.length == 2 && saved[0].equals(streamArn) ? Optional.of(saved[1]) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void save(String consumer, String streamArn, String sequenceNumber) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(consumer), streamArn + " " + sequenceNumber + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
