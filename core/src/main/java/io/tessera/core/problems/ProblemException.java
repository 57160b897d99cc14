package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/**
 * A failure the caller can act on, rendered as an RFC 9457 problem document by one exception
 * handler at the HTTP edge. Domain code throws the subclasses below and never builds responses.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;

    protected ProblemException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    protected ProblemException(HttpStatus status, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
