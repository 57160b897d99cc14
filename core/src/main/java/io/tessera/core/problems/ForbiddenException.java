package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/** The caller is known but not allowed to do this. */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, detail);
    }
}
