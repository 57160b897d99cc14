package io.tessera.local.health;

import io.micronaut.management.health.indicator.annotation.Readiness;
import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.util.List;

/** Readiness of EventBridge: {@code DescribeEventBus} of Tessera's bus. */
@Singleton
@Readiness
class EventBridgeHealth extends AwsDependencyHealth {

    private final EventBridgeClient eventBridge;
    private final String bus;

    EventBridgeHealth(EventBridgeClient eventBridge, ResourcesConfiguration resources) {
        super("eventbridge");
        this.eventBridge = eventBridge;
        this.bus = resources.getEventBus();
    }

    @Override
    List<Check> checks() {
        return List.of(new Check(bus, () -> eventBridge.describeEventBus(request -> request
                .name(bus)
                .overrideConfiguration(config -> config.apiCallTimeout(TIMEOUT)))));
    }
}
