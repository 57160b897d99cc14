package io.tessera.api.text;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/** The validators of Tessera's own text constraints. */
@Factory
class TextValidators {

    @Singleton
    ConstraintValidator<Visible, CharSequence> visible() {
        return (value, annotation, context) -> value != null && !value.toString().isBlank();
    }

    private static final Pattern MAILBOX = Pattern.compile(AsciiEmail.PATTERN);
    private static final Pattern NAME = Pattern.compile(DisplayName.PATTERN);

    @Singleton
    ConstraintValidator<DisplayName, CharSequence> displayName() {
        return (value, annotation, context) -> value != null && NAME.matcher(value).matches();
    }

    @Singleton
    ConstraintValidator<AsciiEmail, CharSequence> asciiEmail() {
        return (value, annotation, context) -> value == null || MAILBOX.matcher(value).matches();
    }

    @Singleton
    ConstraintValidator<TextLength, CharSequence> textLength() {
        return (value, annotation, context) -> {
            if (value == null) {
                return true;
            }
            long codePoints = value.codePoints().count();
            return codePoints >= annotation.intValue("min").orElse(0) && codePoints <= annotation.intValue("max").orElseThrow();
        };
    }
}
