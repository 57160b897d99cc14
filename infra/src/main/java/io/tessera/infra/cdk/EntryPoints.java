package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.Duration;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.tessera.infra.cdk.Access.ACCOUNT_CLEANUP;
import static io.tessera.infra.cdk.Access.ANALYTICS_TABLE;
import static io.tessera.infra.cdk.Access.CONNECTIONS_TABLE;
import static io.tessera.infra.cdk.Access.MAIN_TABLE;
import static io.tessera.infra.cdk.Access.MAIN_TABLE_READ;
import static io.tessera.infra.cdk.Access.PUBLISH_EVENTS;
import static io.tessera.infra.cdk.Access.PUSH;
import static io.tessera.infra.cdk.Access.READ_SIGNING_KEY;
import static io.tessera.infra.cdk.Access.SCHEDULE_ANALYTICS_PUSH;
import static io.tessera.infra.cdk.Access.SCHEDULE_CONNECTION_CHECK;
import static io.tessera.infra.cdk.Access.UPLOADS_PROCESS;
import static io.tessera.infra.cdk.Access.UPLOADS_SIGN;
import static io.tessera.infra.cdk.Access.UPLOADS_VERIFY;
import static io.tessera.infra.cdk.Access.USER_ADMINISTRATION;

/**
 * Every Lambda entry point: the module whose jar holds it, its size, and what it may touch. The
 * queue and stream consumers come from {@link TesseraResources}; a source without a consumer here
 * stops synthesis, so a new handler's permissions are always a decision, never a default.
 */
public final class EntryPoints {

    enum Module { API, REALTIME, STREAM_PROCESSORS }

    record EntryPoint(String id, Module module, String handler, int memoryMb, Duration timeout, Set<Access> access) {
    }

    /** Micronaut's API Gateway proxy function (lazy singletons outside SnapStart), which runs the api module's controllers. */
    static final String API_HANDLER = "io.tessera.api.ApiFunction";
    static final String WEBSOCKET_HANDLER = "io.tessera.realtime.aws.WebSocketHandler";
    static final String CONNECT_AUTHORIZER = "io.tessera.realtime.aws.ConnectAuthorizer";

    static final EntryPoint API = new EntryPoint("Api", Module.API, API_HANDLER, 2048, Duration.seconds(20),
            EnumSet.of(MAIN_TABLE, ANALYTICS_TABLE, PUBLISH_EVENTS, UPLOADS_SIGN, USER_ADMINISTRATION, READ_SIGNING_KEY));
    static final EntryPoint WEBSOCKET = new EntryPoint("WebSocket", Module.REALTIME, WEBSOCKET_HANDLER, 1024, Duration.seconds(10),
            EnumSet.of(MAIN_TABLE_READ, CONNECTIONS_TABLE, PUSH, SCHEDULE_CONNECTION_CHECK));
    static final EntryPoint AUTHORIZER = new EntryPoint("ConnectAuthorizer", Module.REALTIME, CONNECT_AUTHORIZER, 1024, Duration.seconds(10),
            EnumSet.of(MAIN_TABLE_READ));

    /** Scheduled jobs may take five minutes a run. */
    private static final Duration SCHEDULED_TIMEOUT = Duration.minutes(5);

    /** Stream consumers may take a minute per batch; nothing else bounds them. */
    private static final Duration STREAM_CONSUMER_TIMEOUT = Duration.seconds(60);
    private static final int CONSUMER_MEMORY_MB = 1024;

    /**
     * The consumer of each queue, stream and schedule: its handler (the class the stream-processors
     * jar marks {@code @EventSourceMapping(source)} or {@code @ScheduleTarget(source)}, as
     * {@code EventSourceMappingsTest} checks on that jar) and what it may touch.
     */
    private record Consumer(String source, String handler, Set<Access> access) {
    }

    private static final List<Consumer> CONSUMERS = List.of(
            new Consumer(TesseraResources.ORDERS_QUEUE_NAME, "io.tessera.streams.orders.OrderCreatorHandler", EnumSet.of(MAIN_TABLE)),
            new Consumer(TesseraResources.NOTIFY_QUEUE_NAME, "io.tessera.streams.notify.OrderNotifierHandler",
                    EnumSet.of(MAIN_TABLE, CONNECTIONS_TABLE, PUSH)),
            new Consumer(TesseraResources.ANALYTICS_PUSH_QUEUE_NAME, "io.tessera.streams.analytics.AnalyticsPushHandler",
                    EnumSet.of(ANALYTICS_TABLE, CONNECTIONS_TABLE, PUSH, SCHEDULE_ANALYTICS_PUSH)),
            new Consumer(TesseraResources.UPLOADS_QUEUE_NAME, "io.tessera.streams.uploads.UploadCompletionHandler",
                    EnumSet.of(MAIN_TABLE, UPLOADS_VERIFY, CONNECTIONS_TABLE, PUSH)),
            new Consumer(TesseraResources.UPLOAD_MEDIA_QUEUE_NAME, "io.tessera.streams.uploads.UploadMediaHandler",
                    EnumSet.of(MAIN_TABLE, UPLOADS_PROCESS, CONNECTIONS_TABLE, PUSH)),
            new Consumer(TesseraResources.CONNECTIONS_QUEUE_NAME, "io.tessera.streams.connections.ConnectionChecksHandler",
                    EnumSet.of(PUSH, SCHEDULE_CONNECTION_CHECK)),
            new Consumer(TesseraResources.OUTBOX_NAME, "io.tessera.streams.outbox.OutboxPublisherHandler", EnumSet.of(PUBLISH_EVENTS)),
            new Consumer(TesseraResources.ANALYTICS_NAME, "io.tessera.streams.analytics.AnalyticsAggregatorHandler",
                    EnumSet.of(ANALYTICS_TABLE, CONNECTIONS_TABLE, PUSH, SCHEDULE_ANALYTICS_PUSH)),
            new Consumer(TesseraResources.SIGNUP_CLEANUP_NAME, "io.tessera.streams.signups.PendingSignupCleanupHandler",
                    EnumSet.of(MAIN_TABLE, ACCOUNT_CLEANUP)));

    private EntryPoints() {
    }

    static List<EntryPoint> all() {
        return Stream.of(Stream.of(API, WEBSOCKET, AUTHORIZER),
                        TesseraResources.QUEUES.stream().map(EntryPoints::queueConsumer),
                        TesseraResources.SCHEDULES.stream().map(EntryPoints::scheduled),
                        TesseraResources.STREAM_CONSUMERS.stream().map(EntryPoints::streamConsumer))
                .flatMap(entryPoints -> entryPoints)
                .toList();
    }

    /**
     * Half the queue's visibility timeout: Lambda refuses a consumer that may run longer than a
     * message stays invisible, and the margin keeps a slow batch from being delivered twice.
     */
    static EntryPoint queueConsumer(TesseraResources.Queue queue) {
        Consumer consumer = consumerOf(queue.name());
        return new EntryPoint(Names.handlerId(consumer.handler()), Module.STREAM_PROCESSORS, consumer.handler(), CONSUMER_MEMORY_MB,
                Duration.seconds(queue.visibilityTimeoutSeconds() / 2), consumer.access());
    }

    static EntryPoint scheduled(TesseraResources.Schedule schedule) {
        Consumer consumer = consumerOf(schedule.name());
        return new EntryPoint(Names.handlerId(consumer.handler()), Module.STREAM_PROCESSORS, consumer.handler(), CONSUMER_MEMORY_MB,
                SCHEDULED_TIMEOUT, consumer.access());
    }

    static EntryPoint streamConsumer(TesseraResources.StreamConsumer stream) {
        Consumer consumer = consumerOf(stream.name());
        return new EntryPoint(Names.handlerId(consumer.handler()), Module.STREAM_PROCESSORS, consumer.handler(), CONSUMER_MEMORY_MB,
                STREAM_CONSUMER_TIMEOUT, consumer.access());
    }

    /** The class name of the handler of a source (a queue's, a stream consumer's or a schedule's name). */
    public static String handlerOf(String source) {
        return consumerOf(source).handler();
    }

    /** Which handler consumes which source. */
    static Map<String, String> handlersBySource() {
        return CONSUMERS.stream().collect(Collectors.toMap(Consumer::source, Consumer::handler));
    }

    private static Consumer consumerOf(String source) {
        return CONSUMERS.stream().filter(consumer -> consumer.source().equals(source)).findFirst()
                .orElseThrow(() -> new IllegalStateException(source + " has no consumer in " + EntryPoints.class.getSimpleName()
                        + ": its handler and its access are a decision, never a default"));
    }
}
