package io.tessera.core.context;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who a piece of work is done for. It comes from the verified ID token at the edge of a REST or
 * WebSocket request (or, for a message on an open connection, from the connection it arrived on,
 * which was registered from one), and for system work from the item or event being worked on: a
 * stream record's or queue message's tenant, the tenant a platform admin acts on
 * ({@link #actingOn}), the tenant being signed up. The tenant-scoped data layer reads the tenant
 * from here and nowhere else, and while the context is in scope on a thread its ids are in the
 * logging MDC.
 *
 * @param tenantId      the tenant, or null for work that belongs to no tenant (signup, platform admin)
 * @param userId        the Cognito {@code sub} of the caller, or null for system work
 * @param roles         the caller's Cognito groups
 * @param correlationId follows the work through REST, stream records, events, queues and pushes
 * @param trace         the trace the work belongs to; travels beside the correlation id
 */
public record CallContext(@Nullable String tenantId,
                          @Nullable String userId,
                          Set<String> roles,
                          String correlationId,
                          TraceContext trace) implements ThreadPropagatedContextElement<Map<String, String>> {

    public static final String TENANT_ID = "tenantId";
    public static final String USER_ID = "userId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String TRACE_ID = "traceId";

    public CallContext {
        roles = Set.copyOf(roles);
    }

    /** A context in the trace of the work in progress, or in a new trace when there is none. */
    public CallContext(@Nullable String tenantId, @Nullable String userId, Set<String> roles, String correlationId) {
        this(tenantId, userId, roles, correlationId, currentTrace());
    }

    /** The trace of the work in progress, or a new one when there is none. */
    public static TraceContext currentTrace() {
        return current().map(CallContext::trace).orElseGet(() -> TraceContext.newTrace(Clock.systemUTC()));
    }

    public static CallContext system(@Nullable String tenantId, @Nullable String correlationId) {
        return new CallContext(tenantId, null, Set.of(), correlationId == null ? newCorrelationId() : correlationId);
    }

    public static String newCorrelationId() {
        return UUID.randomUUID().toString();
    }

    public static Optional<CallContext> current() {
        return PropagatedContext.find().flatMap(context -> context.find(CallContext.class));
    }

    /** The context of the work in progress, for code that only ever runs inside one (a request, a handler). */
    public static CallContext caller() {
        return current().orElseThrow(() -> new IllegalStateException("no call context in scope"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The same caller, acting on another tenant: how a platform admin's change lands in that tenant. */
    public CallContext actingOn(String otherTenantId) {
        return new CallContext(otherTenantId, userId, roles, correlationId, trace);
    }

    /** The same caller, in the trace an event or message carried (unchanged when it carried none). */
    public CallContext inTrace(Optional<TraceContext> carried) {
        return carried.map(other -> new CallContext(tenantId, userId, roles, correlationId, other)).orElse(this);
    }

    /** Runs {@code work} with this context in scope, on top of whatever context is already there. */
    public <T> T call(Supplier<T> work) {
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(this).propagate()) {
            return work.get();
        }
    }

    public void run(Runnable work) {
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(this).propagate()) {
            work.run();
        }
    }

    @Override
    public Map<String, String> updateThreadContext() {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        putOrRemove(TENANT_ID, tenantId);
        putOrRemove(USER_ID, userId);
        putOrRemove(CORRELATION_ID, correlationId);
        MDC.put(TRACE_ID, trace.traceId());
        return previous;
    }

    @Override
    public void restoreThreadContext(Map<String, String> previous) {
        if (previous == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }

    private static void putOrRemove(String key, @Nullable String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
