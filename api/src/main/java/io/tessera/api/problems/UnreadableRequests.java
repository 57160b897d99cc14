package io.tessera.api.problems;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.annotation.Body;
import io.tessera.core.problems.InvalidValueException;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says, in the API's own terms, why a request could not be read: never in the words of the
 * parser or framework that found out (their messages name Java types, parser features and
 * internal limits). Tessera's own refusals of a value ({@link InvalidValueException}, such as
 * {@code unknown tier: gold}) are passed on as they are.
 */
final class UnreadableRequests {

    static final String NOT_JSON = "The body is not well-formed JSON (RFC 8259).";
    static final String TOO_DEEP = "The body nests deeper, or holds longer values, than this API reads.";
    static final String WRONG_SHAPE = "The body does not have the shape openapi.yaml gives this operation:"
            + " check the field names, their JSON types, and that no field appears twice.";
    static final String BAD_TARGET = "The request target is not a valid URI (RFC 3986).";
    static final String BAD_PARAMETERS = "The request's path or query parameters could not be read:"
            + " give them in the form the endpoint's documentation shows.";
    static final String BODY_MISSING = "This operation needs a JSON body in the shape openapi.yaml gives it; the request had none.";

    /** Whether the request carried a body, and whether its method is one that carries one. */
    enum RequestBody { SENT, MISSING, NOT_CARRIED }

    private UnreadableRequests() {
    }

    /**
     * @param cause the root cause Micronaut reports for a 400
     * @param body  whether the request carried a body: without one, a shape it could not have had is
     *              not the reason
     */
    static String explain(Throwable cause, RequestBody body) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable error = cause; error != null && !chain.contains(error); error = error.getCause()) {
            chain.add(error);
        }
        if (has(chain, StreamConstraintsException.class)) {
            return TOO_DEEP;
        }
        if (has(chain, StreamReadException.class)) {
            return NOT_JSON;
        }
        Optional<InvalidValueException> refused = first(chain, InvalidValueException.class);
        if (refused.isPresent()) {
            return refused.get().getMessage();
        }
        if (has(chain, URISyntaxException.class)) {
            return BAD_TARGET;
        }
        return first(chain, ConversionErrorException.class)
                .filter(conversion -> !conversion.getArgument().getAnnotationMetadata().hasAnnotation(Body.class))
                .map(conversion -> "The value of " + conversion.getArgument().getName()
                        + " could not be read; give it in the form openapi.yaml shows.")
                .orElse(switch (body) {
                    case SENT -> WRONG_SHAPE;
                    case MISSING -> BODY_MISSING;
                    case NOT_CARRIED -> BAD_PARAMETERS;
                });
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return first(chain, type).isPresent();
    }

    private static <T extends Throwable> Optional<T> first(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
