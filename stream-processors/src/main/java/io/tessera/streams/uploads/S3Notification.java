package io.tessera.streams.uploads;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The parts of an S3 event notification the completion check needs. S3 adds fields over time,
 * so unknown ones are ignored; its test event has no records at all.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
record S3Notification(@JsonProperty("Records") @Nullable List<Record> records) {

    List<Record> objectsCreated() {
        return records == null ? List.of() : records.stream()
                .filter(record -> record.eventName() != null && record.eventName().startsWith("ObjectCreated"))
                .toList();
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Record(@Nullable String eventName, S3 s3) {

        /** Keys arrive URL-encoded, spaces as '+'. */
        String key() {
            return URLDecoder.decode(s3.object().key(), StandardCharsets.UTF_8);
        }
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record S3(S3Object object) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record S3Object(String key) {
    }
}
