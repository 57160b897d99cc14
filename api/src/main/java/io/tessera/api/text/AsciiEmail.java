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
 * An email address as RFC 5321 §4.1.2 writes one, in ASCII: a dot-atom local part and a host name
 * as the domain ({@link #PATTERN}, the same pattern openapi.yaml's email fields carry). Quoted local
 * parts and address literals are not accepted. {@code @Email} alone accepts any Unicode and domains
 * such as {@code example.com*}; a look-alike such as the Kelvin sign (U+212A) would reach another
 * mailbox or be case-mapped onto another user's address.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
public @interface AsciiEmail {

    /** Dot-atom local part {@code @} host name (RFC 5321 §4.1.2, §4.1.3 without literals). */
    String PATTERN = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

    String message() default "must be an email address such as name@example.com, in ASCII (RFC 5321)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
