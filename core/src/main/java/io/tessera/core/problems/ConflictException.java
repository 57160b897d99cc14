package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/** The request is valid but clashes with the current state (a duplicate, an illegal transition, a lost race). */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, detail);
    }
}
