package io.tessera.streams.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An EventBridge event as a rule delivers it to an SQS queue. AWS may add envelope fields, so
 * unknown ones are ignored here (and only here).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope<T>(String id, String source, @JsonProperty("detail-type") String detailType, T detail) {
}
