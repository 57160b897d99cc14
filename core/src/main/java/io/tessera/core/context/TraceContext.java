package io.tessera.core.context;

import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trace a piece of work belongs to, so that one request can be followed through the REST call,
 * the order item, the outbox event, the queue message and the push. It is read from a W3C
 * {@code traceparent} header (W3C Trace Context, §3.2) or an AWS X-Ray trace header
 * ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}, see "Tracing
 * header" in the X-Ray developer guide), carried on as a {@code traceparent} in events and items, and
 * written to every log line as {@code traceId}.
 *
 * <p>Both formats carry the same 128 bits: an X-Ray root's 8 hex digits of epoch seconds and 24
 * random hex digits, concatenated, are the W3C trace id. New traces are made the same way, so every
 * trace id Tessera starts is also a valid X-Ray trace id.
 *
 * @param traceId  32 lowercase hex digits, not all zero
 * @param parentId 16 lowercase hex digits, not all zero: the span (X-Ray segment) that caused this work
 */
public record TraceContext(String traceId, String parentId) {

    /** Version 00 exactly; a later version may append fields after the flags (W3C Trace Context §3.2.4). */
    private static final Pattern TRACEPARENT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-.*)?", Pattern.DOTALL);
    private static final Pattern XRAY_ROOT = Pattern.compile("(?:^|;)\\s*Root=1-([0-9a-f]{8})-([0-9a-f]{24})\\s*(?:;|$)");
    private static final Pattern XRAY_PARENT = Pattern.compile("(?:^|;)\\s*Parent=([0-9a-f]{16})\\s*(?:;|$)");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern PARENT_ID = Pattern.compile("[0-9a-f]{16}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_PARENT_ID = "0".repeat(16);
    private static final HexFormat HEX = HexFormat.of();

    public TraceContext {
        if (!TRACE_ID.matcher(traceId).matches() || traceId.equals(INVALID_TRACE_ID)) {
            throw new IllegalArgumentException("not a trace id: " + traceId);
        }
        if (!PARENT_ID.matcher(parentId).matches() || parentId.equals(INVALID_PARENT_ID)) {
            throw new IllegalArgumentException("not a parent id: " + parentId);
        }
    }

    /** A new trace, its id X-Ray-compatible (epoch seconds first). */
    public static TraceContext newTrace(Clock clock) {
        return new TraceContext("%08x".formatted(clock.instant().getEpochSecond()) + randomHex(12), newSpanId());
    }

    /**
     * @return the trace of a W3C {@code traceparent} value, or empty when absent or invalid: version
     *         {@code ff}, all-zero ids, anything but lowercase hex, or (for version 00) anything after the
     *         flags. A later version is read by its first four fields, as the specification asks.
     */
    public static Optional<TraceContext> fromTraceparent(@Nullable String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        Matcher matcher = TRACEPARENT.matcher(traceparent.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String version = matcher.group(1);
        boolean invalid = version.equals("ff") || version.equals("00") && matcher.group(4) != null
                || matcher.group(2).equals(INVALID_TRACE_ID) || matcher.group(3).equals(INVALID_PARENT_ID);
        return invalid ? Optional.empty() : Optional.of(new TraceContext(matcher.group(2), matcher.group(3)));
    }

    /**
     * @param header an X-Ray trace header ({@code X-Amzn-Trace-Id}, Lambda's {@code _X_AMZN_TRACE_ID},
     *               an SQS message's {@code AWSTraceHeader})
     * @return its trace, with a new parent id when the header names none; empty when absent or malformed
     */
    public static Optional<TraceContext> fromXRayHeader(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher root = XRAY_ROOT.matcher(header);
        if (!root.find()) {
            return Optional.empty();
        }
        String traceId = root.group(1) + root.group(2);
        if (traceId.equals(INVALID_TRACE_ID)) {
            return Optional.empty();
        }
        Matcher parent = XRAY_PARENT.matcher(header);
        String parentId = parent.find() && !parent.group(1).equals(INVALID_PARENT_ID) ? parent.group(1) : newSpanId();
        return Optional.of(new TraceContext(traceId, parentId));
    }

    /** The same trace, seen from a new span: what a hop (an event, a message) passes on. */
    public TraceContext child() {
        return new TraceContext(traceId, newSpanId());
    }

    /** @return this trace as a W3C {@code traceparent} value, sampled */
    public String traceparent() {
        return "00-" + traceId + "-" + parentId + "-01";
    }

    /** @return this trace as an X-Ray trace header, sampled */
    public String xRayHeader() {
        return "Root=1-" + traceId.substring(0, 8) + "-" + traceId.substring(8) + ";Parent=" + parentId + ";Sampled=1";
    }

    private static String newSpanId() {
        String id = randomHex(8);
        return id.equals(INVALID_PARENT_ID) ? newSpanId() : id;
    }

    /** Trace ids identify, they do not authorize: a fast generator serves (as OpenTelemetry's does). */
    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HEX.formatHex(random);
    }
}
