package io.tessera.local.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local process's probes, as an orchestrator asks for them (Kubernetes' liveness and readiness
 * probes, for one): {@code GET /health/liveness} answers 200 while the process serves requests;
 * {@code GET /health/readiness} asks every {@link Readiness} health indicator of an AWS service the
 * process needs ({@link AwsDependencyHealth}) and answers 200 when all are UP, 503 otherwise,
 * with each indicator's status and details. {@code GET /health} keeps its own shape (HealthController).
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProbesController {

    private final List<AwsDependencyHealth> readiness;

    ProbesController(List<AwsDependencyHealth> readiness) {
        this.readiness = readiness;
    }

    @Serdeable
    record Probe(String status, Map<String, Component> components) {
    }

    @Serdeable
    record Component(String status, Object details) {
    }

    @Get("/liveness")
    Probe liveness() {
        return new Probe(HealthStatus.UP.getName(), Map.of());
    }

    @Get("/readiness")
    HttpResponse<Probe> readiness() {
        Map<String, Component> components = new TreeMap<>();
        boolean up = true;
        for (HealthResult result : readiness.parallelStream().map(AwsDependencyHealth::check).toList()) {
            components.put(result.getName(), new Component(result.getStatus().getName(), result.getDetails()));
            up &= HealthStatus.UP.equals(result.getStatus());
        }
        Probe probe = new Probe(up ? HealthStatus.UP.getName() : HealthStatus.DOWN.getName(), components);
        return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(probe);
    }
}
