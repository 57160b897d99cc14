package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/** The thing asked for does not exist, or belongs to another tenant (the two are not told apart). */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, detail);
    }
}
