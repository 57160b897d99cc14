package io.tessera.core.events;

import io.micronaut.serde.ObjectMapper;
import io.tessera.core.context.CallContext;
import io.tessera.core.context.TraceContext;
import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Puts events on the {@code tessera} bus; a refused entry is an error, never silently dropped. */
@Singleton
public class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final int MAX_ENTRIES = 10;

    private final EventBridgeClient eventBridge;
    private final ObjectMapper json;
    private final String bus;

    EventPublisher(EventBridgeClient eventBridge, ObjectMapper json, ResourcesConfiguration resources) {
        this.eventBridge = eventBridge;
        this.json = json;
        this.bus = resources.getEventBus();
    }

    /**
     * An event for the bus.
     *
     * @param trace the trace the event belongs to, sent as the entry's X-Ray {@code TraceHeader} (see
     *              "PutEventsRequestEntry" in the EventBridge API reference); empty for a new trace
     */
    public record Event(String source, String detailType, Object detail, Optional<TraceContext> trace) {
    }

    /** Publishes one event in the trace of the work in progress; an event EventBridge refuses is an exception. */
    public void publish(String source, String detailType, Object detail) {
        OptionalInt failed = publishAll(List.of(new Event(source, detailType, detail, Optional.of(CallContext.currentTrace()))));
        if (failed.isPresent()) {
            throw new IllegalStateException("EventBridge refused " + detailType);
        }
    }

    /**
     * Publishes events in order, ten per request; returns the index of the first event EventBridge
     * refused (later ones may have been published too: consumers drop duplicates by event id).
     */
    public OptionalInt publishAll(List<Event> events) {
        for (int start = 0; start < events.size(); start += MAX_ENTRIES) {
            List<Event> chunk = events.subList(start, Math.min(events.size(), start + MAX_ENTRIES));
            List<PutEventsRequestEntry> entries = chunk.stream().map(this::entry).toList();
            PutEventsResponse response = eventBridge.putEvents(request -> request.entries(entries));
            for (int i = 0; i < response.entries().size(); i++) {
                PutEventsResultEntry result = response.entries().get(i);
                if (result.errorCode() != null) {
                    LOG.warn("EventBridge refused {}: {} {}", chunk.get(i).detailType(), result.errorCode(), result.errorMessage());
                    return OptionalInt.of(start + i);
                }
            }
        }
        return OptionalInt.empty();
    }

    private PutEventsRequestEntry entry(Event event) {
        try {
            return PutEventsRequestEntry.builder()
                    .eventBusName(bus)
                    .source(event.source())
                    .detailType(event.detailType())
                    .detail(json.writeValueAsString(event.detail()))
                    .traceHeader(event.trace().orElseGet(CallContext::currentTrace).child().xRayHeader())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
