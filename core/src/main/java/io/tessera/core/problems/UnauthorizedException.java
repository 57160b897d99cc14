package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/** The caller could not be authenticated (wrong credentials, bad token). */
public class UnauthorizedException extends ProblemException {

    public UnauthorizedException(String detail) {
        super(HttpStatus.UNAUTHORIZED, detail);
    }
}
