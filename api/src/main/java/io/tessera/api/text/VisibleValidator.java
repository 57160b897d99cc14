package io.tessera.api.text;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

@Factory
class VisibleValidator {

    @Singleton
    ConstraintValidator<Visible, CharSequence> visible() {
        return (value, annotation, context) -> value != null && !value.toString().isBlank();
    }
}
