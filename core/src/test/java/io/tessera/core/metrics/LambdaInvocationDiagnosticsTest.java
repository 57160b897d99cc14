package io.tessera.core.metrics;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda context keys every log line of an invocation carries (Powertools' names). */
class LambdaInvocationDiagnosticsTest {

    @Test
    void micronautsLambdaHandlersPutPowertoolsLambdaContextKeysInTheLoggingMdc() {
        try (ApplicationContext context = ApplicationContext.run()) {
            DiagnosticInfoPopulator diagnostics = context.getBean(DiagnosticInfoPopulator.class);

            diagnostics.populateMappingDiagnosticContextValues(new Invocation());

            assertThat(diagnostics).isInstanceOf(LambdaInvocationDiagnostics.class);
            assertThat(MDC.get("function_request_id")).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e812345678");
            assertThat(MDC.get("function_name")).isEqualTo("tessera-api");
            assertThat(MDC.get("function_memory_size")).isEqualTo("1024");
            assertThat(MDC.get("cold_start")).isIn("true", "false");
        } finally {
            MDC.clear();
        }
    }

    /** A Lambda invocation context as the runtime hands it to a handler. */
    private static final class Invocation implements Context {
        public String getAwsRequestId() { return "c6af9ac6-7b61-11e6-9a41-93e812345678"; }
        public String getLogGroupName() { return "/aws/lambda/tessera-api"; }
        public String getLogStreamName() { return "2026/11/29/[$LATEST]abc"; }
        public String getFunctionName() { return "tessera-api"; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:tessera-api"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 30_000; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() { return null; }
    }
}
