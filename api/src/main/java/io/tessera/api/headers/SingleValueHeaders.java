package io.tessera.api.headers;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.tessera.core.context.CorrelationIdFilter;
import io.tessera.core.problems.BadRequestException;

import java.util.List;

/**
 * A header that carries one value, sent twice, is 400: which one a server, a proxy or a cache
 * would take is anyone's guess (RFC 9110 §5.3 allows repeating only list-valued fields), so a
 * second {@code Authorization}, {@code Idempotency-Key} or {@code If-Match} is refused before
 * anything else looks at the request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SingleValueHeaders implements Ordered {

    static final List<String> SINGLE_VALUED = List.of(HttpHeaders.AUTHORIZATION, IdempotencyKeys.HEADER, HttpHeaders.IF_MATCH,
            HttpHeaders.CONTENT_TYPE, CorrelationIdFilter.HEADER);

    @RequestFilter
    void refuseRepeatedHeaders(HttpRequest<?> request) {
        for (String name : SINGLE_VALUED) {
            if (request.getHeaders().getAll(name).size() > 1) {
                throw new BadRequestException("The header " + name + " was sent more than once; send it once.");
            }
        }
    }

    @Override
    public int getOrder() {
        // After the correlation id is assigned and after Micronaut's CORS filter (METRICS.after()),
        // so that a browser can read this 400 too; before the token is read.
        return ServerFilterPhase.METRICS.after() + 1;
    }
}
