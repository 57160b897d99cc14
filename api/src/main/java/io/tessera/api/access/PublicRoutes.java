package io.tessera.api.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.RouteAttributes;

import java.util.List;

/** Public endpoints (health, sign-in, signup) do not depend on who calls: a token sent along is ignored there. */
final class PublicRoutes {

    private PublicRoutes() {
    }

    static boolean isPublic(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request)
                .map(route -> List.of(route.getAnnotationMetadata().stringValues(Secured.class)).contains(SecurityRule.IS_ANONYMOUS))
                .orElse(false);
    }
}
