package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/** 428 (RFC 6585 §3): this update must say which version it replaces ({@code If-Match}); nothing was written. */
public class PreconditionRequiredException extends ProblemException {

    public PreconditionRequiredException(String detail) {
        super(HttpStatus.PRECONDITION_REQUIRED, detail);
    }
}
