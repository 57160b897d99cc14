package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/** The request itself is malformed in a way bean validation cannot express (a bad cursor). */
public class BadRequestException extends ProblemException {

    public BadRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, detail);
    }
}
