package io.tessera.core.events;

import io.micronaut.serde.ObjectMapper;
import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Puts events on the {@code tessera} bus; a refused entry is an error, never silently dropped. */
@Singleton
public class EventPublisher {

    private final EventBridgeClient eventBridge;
    private final ObjectMapper json;
    private final String bus;

    EventPublisher(EventBridgeClient eventBridge, ObjectMapper json, ResourcesConfiguration resources) {
        this.eventBridge = eventBridge;
        this.json = json;
        this.bus = resources.getEventBus();
    }

    public void publish(String source, String detailType, Object detail) {
        String detailJson;
        try {
            detailJson = json.writeValueAsString(detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PutEventsResponse response = eventBridge.putEvents(request -> request.entries(entry -> entry
                .eventBusName(bus)
                .source(source)
                .detailType(detailType)
                .detail(detailJson)));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            PutEventsResultEntry failed = response.entries().getFirst();
            throw new IllegalStateException("EventBridge refused " + detailType + ": " + failed.errorCode() + " " + failed.errorMessage());
        }
    }
}
