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
 * A name people read (a tenant's, a product's): at least one character that shows, and none that
 * hides or disguises text: no control characters (Unicode category Cc), no line or paragraph
 * separators, no zero-width space, word joiner or byte order mark, and none of the explicit
 * bidirectional embeddings, overrides and isolates (Unicode Standard Annex #9, §2), which reorder
 * how the rest of a name is shown (UTS #39 and the Trojan Source paper, CVE-2021-42574). Spaces,
 * and joiners and marks needed by some scripts (ZWJ, ZWNJ, LRM, RLM, soft hyphen), are allowed
 * between visible characters. openapi.yaml's name fields carry the same {@link #PATTERN}.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
public @interface DisplayName {

    /** Characters never allowed in a name. */
    String HIDDEN = "\\u0000-\\u001F\\u007F-\\u009F\\u200B\\u2028\\u2029\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF";
    /** Characters allowed between visible ones, which do not show alone. */
    String BLANK = " \\u00A0\\u00AD\\u1680\\u2000-\\u200A\\u200C-\\u200F\\u202F\\u205F\\u3000";
    /** No hidden character, and at least one that is neither hidden nor blank. */
    String PATTERN = "^[^" + HIDDEN + "]*[^" + HIDDEN + BLANK + "][^" + HIDDEN + "]*$";

    String message() default "must be a name that shows: no control, invisible or text-direction characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
