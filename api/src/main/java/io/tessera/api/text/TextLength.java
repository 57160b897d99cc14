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
 * A string's length as JSON Schema's {@code minLength} and {@code maxLength} count it, in Unicode
 * code points (JSON Schema Validation §6.3.1), so openapi.yaml's limits and the server's are the
 * same: {@code @Size} counts UTF-16 units, which makes an emoji count twice. Null is valid (combine
 * with {@code @NotNull} or {@link Visible}).
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
public @interface TextLength {

    int min() default 0;

    int max();

    String message() default "must have {min} to {max} characters (Unicode code points)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
