package io.tessera.api.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} stays {@code about:blank}, so {@code title} is the
 * HTTP reason phrase and {@code detail} says what went wrong in this occurrence.
 *
 * @param errors one entry per invalid input, when the request broke validation rules
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type,
                      String title,
                      int status,
                      @Nullable String detail,
                      @Nullable String instance,
                      @Nullable String correlationId,
                      @Nullable List<InvalidParam> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** @param name the input's path, e.g. {@code login.request.password} or {@code items[0].quantity} */
    @Serdeable
    public record InvalidParam(String name, String reason) {
    }
}
