package io.tessera.api.problems;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.tessera.core.problems.BadRequestException;

/**
 * {@code ?limit=} or {@code ?status=} is a client bug, but Micronaut binds an empty value like an
 * absent one; refused here so that it gets the 400 the contract promises. An empty
 * {@code cursor} is the first page, as the contract says.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class EmptyQueryValueFilter {

    @RequestFilter
    void refuseEmptyValues(HttpRequest<?> request) {
        request.getParameters().forEach((name, values) -> {
            if (!name.equals("cursor") && values.stream().anyMatch(String::isEmpty)) {
                throw new BadRequestException("The query parameter " + name + " has no value; leave it out instead.");
            }
        });
    }
}
