package io.tessera.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one cold-start run executes, in a JVM of its own: what Lambda's Java runtime does for a
 * function's first invocation. It builds the handler class by its no-argument constructor (which
 * starts the function's application context), hands it one API Gateway proxy event and reports
 * the instants its main method began, the handler was built and the response was ready, and the
 * process's peak resident memory (VmHWM).
 * Lambda's runtime would also read the event from JSON; here the event object is built in code.
 *
 * <p>Arguments: the handler class and the request path. A bearer token, if any, comes from the
 * environment ({@code BENCH_BEARER_TOKEN}) so that it does not show in process listings.
 */
public final class FirstEvent {

    /** The line the launcher looks for in this program's output. */
    static final String REPORT = "bench-first-event";

    private FirstEvent() {
    }

    public static void main(String[] args) throws Exception {
        Instant main = Instant.now();
        String handlerClass = args[0];
        String path = args[1];
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler =
                (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                        Class.forName(handlerClass).getConstructor().newInstance();
        Instant built = Instant.now();
        APIGatewayProxyResponseEvent response = handler.handleRequest(event(path, System.getenv("BENCH_BEARER_TOKEN")), null);
        Instant answered = Instant.now();
        System.out.printf("%s status=%d main-epoch-micros=%d built-epoch-micros=%d answered-epoch-micros=%d vmhwm-kb=%d%n",
                REPORT, response.getStatusCode(), micros(main), micros(built), micros(answered), peakResidentKilobytes());
        System.exit(0);
    }

    /** A GET through a REST API's {proxy+} resource, shaped like the events API Gateway sends. */
    private static APIGatewayProxyRequestEvent event(String path, String bearerToken) {
        Map<String, String> headers = new HashMap<>(Map.of(
                "Accept", "application/json",
                "Host", "abc123.execute-api.us-east-1.amazonaws.com",
                "X-Forwarded-Proto", "https"));
        if (bearerToken != null && !bearerToken.isBlank()) {
            headers.put("Authorization", "Bearer " + bearerToken);
        }
        Map<String, List<String>> multiValueHeaders = new HashMap<>();
        headers.forEach((name, value) -> multiValueHeaders.put(name, List.of(value)));
        return new APIGatewayProxyRequestEvent()
                .withResource("/{proxy+}")
                .withPath(path)
                .withHttpMethod("GET")
                .withHeaders(headers)
                .withMultiValueHeaders(multiValueHeaders)
                .withPathParameters(Map.of("proxy", path.substring(1)))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withAccountId("123456789012")
                        .withResourceId("abc123")
                        .withStage("prod")
                        .withRequestId("bench-cold-start")
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity()
                                .withSourceIp("203.0.113.10")
                                .withUserAgent("tessera-bench"))
                        .withResourcePath("/{proxy+}")
                        .withHttpMethod("GET")
                        .withApiId("abc123")
                        .withProtocol("HTTP/1.1"))
                .withIsBase64Encoded(false);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static long peakResidentKilobytes() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1L);
    }
}
