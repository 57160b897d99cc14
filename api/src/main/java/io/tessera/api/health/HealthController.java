package io.tessera.api.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.data.MainTableProbe;

/** Public liveness and readiness: is the app up, and does AWS (or the emulator) answer? */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
class HealthController {

    private final MainTableProbe probe;
    private final String endpoint;

    HealthController(MainTableProbe probe, @Value("${aws.endpoint.url:aws}") String endpoint) {
        this.probe = probe;
        this.endpoint = endpoint;
    }

    @Serdeable
    record Health(String status, Aws aws) {
    }

    /** @param endpoint the AWS endpoint override in use, or {@code aws} when talking to real AWS */
    @Serdeable
    record Aws(String endpoint, boolean reachable) {
    }

    @Get
    HttpResponse<Health> health() {
        boolean reachable = probe.answers();
        Health health = new Health(reachable ? "UP" : "DOWN", new Aws(endpoint, reachable));
        return HttpResponse.status(reachable ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(health);
    }
}
