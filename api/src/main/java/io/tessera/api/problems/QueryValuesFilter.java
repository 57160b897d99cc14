package io.tessera.api.problems;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.tessera.core.problems.BadRequestException;

/**
 * Every query parameter of the API takes one value. {@code ?limit=} (empty) or
 * {@code ?limit=2&limit=100} (twice) is a client bug, which Micronaut would bind as an absent
 * value or refuse in its own words; refused here with the 400 the contract promises. An empty
 * {@code cursor} is the first page, as the contract says.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class QueryValuesFilter {

    @RequestFilter
    void refuseEmptyOrRepeatedValues(HttpRequest<?> request) {
        request.getParameters().forEach((name, values) -> {
            if (values.size() > 1) {
                throw new BadRequestException("The query parameter " + name + " was given more than once; give it once.");
            }
            if (!name.equals("cursor") && values.stream().anyMatch(String::isEmpty)) {
                throw new BadRequestException("The query parameter " + name + " has no value; leave it out instead.");
            }
        });
    }
}
