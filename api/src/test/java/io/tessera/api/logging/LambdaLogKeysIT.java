package io.tessera.api.logging;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.serde.ObjectMapper;
import io.tessera.api.support.ApiLambda;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request through the API's Lambda handler logs, on whatever thread its controller runs, the
 * invocation's Lambda context under Powertools' keys and the request's trace and correlation ids.
 */
class LambdaLogKeysIT {

    @Test
    void aControllerOnABlockingThreadLogsTheInvocationsLambdaKeysAndTheRequestsTraceId() throws IOException {
        try (ApiLambda lambda = new ApiLambda(Map.of(LogKeysProbeController.ENABLED, "true"))) {
            APIGatewayProxyResponseEvent response = lambda.getInInvocation("/test/log-keys", Map.of(
                    "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    "X-Correlation-Id", "corr-lambda-keys"), new Invocation());

            assertThat(response.getStatusCode()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, String> keys = ObjectMapper.getDefault().readValue(response.getBody(), Map.class);
            assertThat(keys).containsEntry("function_request_id", Invocation.REQUEST_ID)
                    .containsEntry("function_name", "tessera-api")
                    .containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
                    .containsEntry("correlationId", "corr-lambda-keys")
                    .containsKey("cold_start");
        }
    }

    /** A Lambda invocation context as the runtime hands it to a handler. */
    private static final class Invocation implements Context {
        static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e812345678";

        public String getAwsRequestId() {
            return REQUEST_ID;
        }

        public String getLogGroupName() {
            return "/aws/lambda/tessera-api";
        }

        public String getLogStreamName() {
            return "2026/11/29/[$LATEST]0123456789abcdef";
        }

        public String getFunctionName() {
            return "tessera-api";
        }

        public String getFunctionVersion() {
            return "$LATEST";
        }

        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:tessera-api";
        }

        public CognitoIdentity getIdentity() {
            return null;
        }

        public ClientContext getClientContext() {
            return null;
        }

        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        public int getMemoryLimitInMB() {
            return 1024;
        }

        public LambdaLogger getLogger() {
            return null;
        }
    }
}
