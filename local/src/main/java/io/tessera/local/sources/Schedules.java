package io.tessera.local.sources;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.tessera.core.resources.EventSourceHandlers;
import io.tessera.core.resources.TesseraResources;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Locally, the EventBridge schedules of AWS: the handler of each {@link TesseraResources#SCHEDULES}
 * entry gets a scheduled event every period, the first one period after startup. A failed run is
 * logged, and the next one comes as planned, as in AWS.
 */
@Singleton
@Requires(env = "local")
class Schedules {

    private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("schedules").factory());
    private final ApplicationContext context;

    Schedules(ApplicationContext context) {
        this.context = context;
    }

    @EventListener
    void start(StartupEvent event) {
        for (TesseraResources.Schedule schedule : TesseraResources.SCHEDULES) {
            EventSourceHandlers.<RequestHandler<ScheduledEvent, ?>>build(schedule.name(), context).ifPresentOrElse(handler -> {
                long period = schedule.period().toSeconds();
                timer.scheduleAtFixedRate(() -> run(schedule, handler), period, period, TimeUnit.SECONDS);
            }, () -> LOG.error("no handler of {} is in this build; it does not run", schedule.name()));
        }
    }

    private static void run(TesseraResources.Schedule schedule, RequestHandler<ScheduledEvent, ?> handler) {
        ScheduledEvent event = new ScheduledEvent();
        event.setSource("aws.events");
        event.setDetailType("Scheduled Event");
        try {
            handler.handleRequest(event, null);
        } catch (RuntimeException e) {
            LOG.error("scheduled run of {} failed", schedule.name(), e);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
