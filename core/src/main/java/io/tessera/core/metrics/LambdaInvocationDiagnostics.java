package io.tessera.core.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultDiagnosticInfoPopulator;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import jakarta.inject.Singleton;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * What Micronaut's Lambda handlers call at the start of each invocation, with Powertools' keys
 * instead of Micronaut's own: {@code function_request_id}, {@code function_name},
 * {@code function_version}, {@code function_arn}, {@code function_memory_size}, {@code cold_start},
 * {@code xray_trace_id} and {@code service} join every log line of the invocation (see "Logging" in the
 * Powertools for AWS Lambda (Java) documentation), so Tessera's lines join with Lambda's own; the
 * first invocation also counts a {@code ColdStart}.
 */
@Singleton
@Replaces(DefaultDiagnosticInfoPopulator.class)
public class LambdaInvocationDiagnostics implements DiagnosticInfoPopulator {

    private final TenantMetrics metrics;

    LambdaInvocationDiagnostics(TenantMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void populateMappingDiagnosticContextValues(Context invocation) {
        // Before the logging keys: initializing them marks the cold start as done.
        metrics.coldStart(invocation);
        PowertoolsLogging.initializeLogging(invocation);
    }

    @Override
    public void populateMappingDiagnosticContextWithXrayTraceId() {
        // initializeLogging has put xray_trace_id already.
    }
}
