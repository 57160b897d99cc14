package io.tessera.api.text;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * An email address in ASCII, as RFC 5321 writes one: visible ASCII characters only ({@code !}
 * to {@code ~}). {@code @Email} alone accepts any Unicode, and a look-alike such as the Kelvin
 * sign (U+212A) would reach another mailbox or be case-mapped onto another user's address.
 * openapi.yaml's email fields carry the same pattern.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
public @interface AsciiEmail {

    String message() default "must be an email address in ASCII (RFC 5321): letters, digits and symbols, no spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
