package io.tessera.core.context;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** W3C Trace Context {@code traceparent} and X-Ray trace headers, and how a trace follows the work. */
class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aTraceparentGivesItsTraceAndParentAndIsWrittenBackTheSame() {
        TraceContext trace = TraceContext.fromTraceparent("00-" + TRACE_ID + "-00f067aa0ba902b7-01").orElseThrow();

        assertThat(trace.traceId()).isEqualTo(TRACE_ID);
        assertThat(trace.parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.traceparent()).isEqualTo("00-" + TRACE_ID + "-00f067aa0ba902b7-01");
    }

    @Test
    void malformedOrAllZeroTraceparentsAreIgnored() {
        assertThat(TraceContext.fromTraceparent(null)).isEmpty();
        assertThat(TraceContext.fromTraceparent("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceContext.fromTraceparent("00-" + TRACE_ID + "-0000000000000000-01")).isEmpty();
        assertThat(TraceContext.fromTraceparent("00-" + TRACE_ID.toUpperCase() + "-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceContext.fromTraceparent("00-" + TRACE_ID + "-00f067aa0ba902b7-01\n{\"injected\":1}")).isEmpty();
        assertThat(TraceContext.fromTraceparent("01-" + TRACE_ID + "-00f067aa0ba902b7")).isEmpty();
        assertThat(TraceContext.fromTraceparent("ff-" + TRACE_ID + "-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceContext.fromTraceparent("00-" + TRACE_ID + "-00f067aa0ba902b7-01-extra")).isEmpty();
    }

    @Test
    void aLaterVersionIsReadByItsFirstFourFields() {
        assertThat(TraceContext.fromTraceparent("cc-" + TRACE_ID + "-00f067aa0ba902b7-01-what-the-future-will-be-like"))
                .map(TraceContext::traceId).hasValue(TRACE_ID);
        assertThat(TraceContext.fromTraceparent("01-" + TRACE_ID + "-00f067aa0ba902b7-09")).map(TraceContext::traceId).hasValue(TRACE_ID);
        assertThat(TraceContext.fromTraceparent("01-" + TRACE_ID + "-00f067aa0ba902b7-01.extra")).isEmpty();
    }

    @Test
    void anXRayHeaderAndATraceparentOfTheSameTraceHaveTheSameTraceId() {
        TraceContext trace = TraceContext.fromXRayHeader("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1").orElseThrow();

        assertThat(trace.traceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        assertThat(trace.parentId()).isEqualTo("53995c3f42cd8ad8");
        assertThat(trace.xRayHeader()).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
    }

    @Test
    void anXRayHeaderWithoutParentGetsANewOneAndAMalformedOneIsIgnored() {
        TraceContext trace = TraceContext.fromXRayHeader("Sampled=0;Root=1-5759e988-bd862e3fe1be46a994272793").orElseThrow();

        assertThat(trace.traceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        assertThat(trace.parentId()).matches("[0-9a-f]{16}");
        assertThat(TraceContext.fromXRayHeader("Root=2-5759e988-bd862e3fe1be46a994272793")).isEmpty();
        assertThat(TraceContext.fromXRayHeader("Root=1-5759e988")).isEmpty();
    }

    @Test
    void aNewTraceStartsWithTheEpochSecondsAsXRayRequires() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(0x5759e988L), ZoneOffset.UTC);

        TraceContext trace = TraceContext.newTrace(clock);

        assertThat(trace.traceId()).startsWith("5759e988").hasSize(32);
        assertThat(trace.xRayHeader()).startsWith("Root=1-5759e988-");
    }

    @Test
    void aChildKeepsTheTraceWithANewParent() {
        TraceContext trace = TraceContext.fromTraceparent("00-" + TRACE_ID + "-00f067aa0ba902b7-01").orElseThrow();

        TraceContext child = trace.child();

        assertThat(child.traceId()).isEqualTo(TRACE_ID);
        assertThat(child.parentId()).isNotEqualTo(trace.parentId());
    }

    @Test
    void contextsMadeInsideWorkJoinItsTraceAndItsTraceIdIsInTheLoggingMdc() {
        TraceContext trace = TraceContext.fromTraceparent("00-" + TRACE_ID + "-00f067aa0ba902b7-01").orElseThrow();
        CallContext request = new CallContext("acme", "user-1", Set.of(), "corr-1", trace);

        request.run(() -> {
            assertThat(MDC.get(CallContext.TRACE_ID)).isEqualTo(TRACE_ID);
            assertThat(CallContext.system("acme", null).trace()).isEqualTo(trace);
        });
        assertThat(MDC.get(CallContext.TRACE_ID)).isNull();
    }

    @Test
    void aContextTakesTheTraceAnEventCarriedOrKeepsItsOwn() {
        CallContext context = new CallContext("acme", null, Set.of(), "corr-1");
        TraceContext carried = TraceContext.fromTraceparent("00-" + TRACE_ID + "-00f067aa0ba902b7-01").orElseThrow();

        assertThat(context.inTrace(Optional.of(carried)).trace()).isEqualTo(carried);
        assertThat(context.inTrace(Optional.empty()).trace()).isEqualTo(context.trace());
    }
}
