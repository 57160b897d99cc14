package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/** 412 (RFC 9110 §15.5.13): the resource changed since the version the client read ({@code If-Match}); nothing was written. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, detail);
    }
}
