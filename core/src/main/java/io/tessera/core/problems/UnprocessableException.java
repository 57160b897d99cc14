package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/** The request is well formed but breaks a rule (a limit, a mismatched idempotent replay). */
public class UnprocessableException extends ProblemException {

    public UnprocessableException(String detail) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, detail);
    }
}
