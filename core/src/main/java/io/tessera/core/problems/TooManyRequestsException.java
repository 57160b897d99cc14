package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

import java.time.Duration;

/** A rate or attempt limit is used up (the tenant's request rate, code attempts); the caller may retry after {@link #retryAfter()}. */
public class TooManyRequestsException extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
