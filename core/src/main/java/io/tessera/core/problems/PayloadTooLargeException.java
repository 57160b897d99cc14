package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/** What the caller wants to store is larger than its tier allows. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String detail) {
        super(HttpStatus.REQUEST_ENTITY_TOO_LARGE, detail);
    }
}
