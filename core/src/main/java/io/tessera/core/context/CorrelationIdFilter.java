package io.tessera.core.context;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request a correlation id and a trace before anything else runs (so even a
 * rejected token gets them). The correlation id is the client's {@code X-Correlation-Id} when it is
 * sane, a new one otherwise, and is echoed on every response. The trace is the caller's W3C
 * {@code traceparent}, else API Gateway's X-Ray {@code X-Amzn-Trace-Id}, else the trace of the Lambda
 * invocation (the X-Ray header Micronaut's handler puts in the {@code com.amazonaws.xray.traceHeader}
 * system property), else a new one. Both are carried on by {@link CallContext}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CorrelationIdFilter implements Ordered {

    public static final String HEADER = "X-Correlation-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String XRAY_TRACE_HEADER = "X-Amzn-Trace-Id";
    private static final String ATTRIBUTE = "tessera.correlationId";
    private static final String TRACE_ATTRIBUTE = "tessera.trace";
    private static final String STARTED_ATTRIBUTE = "tessera.startedNanos";
    private static final Pattern SANE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String LAMBDA_TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private final Clock clock;

    CorrelationIdFilter(Clock clock) {
        this.clock = clock;
    }

    /** The request's correlation id; assigned by this filter, so present on every routed request. */
    public static String correlationIdOf(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(CallContext::newCorrelationId);
    }

    /** When the request reached the first filter, in {@link System#nanoTime()} units; present on every routed request. */
    public static long startedNanosOf(HttpRequest<?> request) {
        return request.getAttribute(STARTED_ATTRIBUTE, Long.class).orElseGet(System::nanoTime);
    }

    /** The request's trace; assigned by this filter, so present on every routed request. */
    public static TraceContext traceOf(HttpRequest<?> request) {
        return request.getAttribute(TRACE_ATTRIBUTE, TraceContext.class).orElseGet(() -> TraceContext.newTrace(Clock.systemUTC()));
    }

    @RequestFilter
    void assign(HttpRequest<?> request) {
        request.setAttribute(STARTED_ATTRIBUTE, System.nanoTime());
        String sent = request.getHeaders().get(HEADER);
        request.setAttribute(ATTRIBUTE, sent != null && SANE_CORRELATION_ID.matcher(sent).matches() ? sent : CallContext.newCorrelationId());
        // Two traceparent headers are invalid together (W3C Trace Context §3.2), two X-Ray headers likewise.
        request.setAttribute(TRACE_ATTRIBUTE, TraceContext.fromTraceparent(onlyValue(request, TRACEPARENT))
                .or(() -> TraceContext.fromXRayHeader(onlyValue(request, XRAY_TRACE_HEADER)))
                .or(() -> TraceContext.fromXRayHeader(System.getProperty(LAMBDA_TRACE_PROPERTY)))
                .orElseGet(() -> TraceContext.newTrace(clock)));
    }

    @Nullable
    private static String onlyValue(HttpRequest<?> request, String header) {
        List<String> values = request.getHeaders().getAll(header);
        return values.size() == 1 ? values.getFirst() : null;
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header(HEADER, correlationIdOf(request));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
