package io.tessera.core.problems;

import io.micronaut.http.HttpStatus;

/** The declared content type is not accepted. */
public class UnsupportedMediaTypeException extends ProblemException {

    public UnsupportedMediaTypeException(String detail) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
    }
}
