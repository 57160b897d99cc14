package io.tessera.core.problems;

/**
 * A value Tessera does not accept, said in words a client can act on (e.g. {@code unknown tier:
 * gold}). Thrown while a request is read, it is the detail of the 400; elsewhere it is the
 * {@link IllegalArgumentException} it extends.
 */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String message) {
        super(message);
    }
}
