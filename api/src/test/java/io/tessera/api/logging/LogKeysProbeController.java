package io.tessera.api.logging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.MDC;

import java.util.Map;
import java.util.TreeMap;

/** Test only: what a controller on a blocking thread would log with, i.e. its MDC. */
@Controller("/test/log-keys")
@Requires(property = LogKeysProbeController.ENABLED, value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
class LogKeysProbeController {

    static final String ENABLED = "test.log-keys-probe";

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    Map<String, String> logKeys() {
        Map<String, String> keys = MDC.getCopyOfContextMap();
        return keys == null ? Map.of() : new TreeMap<>(keys);
    }
}
