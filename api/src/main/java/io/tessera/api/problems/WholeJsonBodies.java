package io.tessera.api.problems;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.tessera.core.json.JsonText;
import io.tessera.core.problems.BadRequestException;

/**
 * A JSON request body is one JSON value and nothing after it ({@link JsonText}): the JSON
 * reader behind the controllers stops after the first value, so {@code {...}garbage} or two
 * objects in a row would otherwise be accepted as the first one. Refused with 400 before any
 * controller runs, so nothing is written.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class WholeJsonBodies implements Ordered {

    @RequestFilter
    void refuseContentAfterTheValue(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (body != null && body.length > 0 && isJson(request) && JsonText.hasContentAfterTheValue(body)) {
            throw new BadRequestException("The body must be one JSON value with nothing after it.");
        }
    }

    /** A body without a Content-Type is read as JSON too. */
    private static boolean isJson(HttpRequest<?> request) {
        return request.getContentType()
                .map(type -> type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))
                .orElse(true);
    }

    @Override
    public int getOrder() {
        // After the caller is known: an unauthenticated request gets its 401 first.
        return ServerFilterPhase.SECURITY.after() + 30;
    }
}
