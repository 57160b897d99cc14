package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.Duration;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.tessera.infra.cdk.Access.ANALYTICS_TABLE;
import static io.tessera.infra.cdk.Access.CONNECTIONS_TABLE;
import static io.tessera.infra.cdk.Access.MAIN_TABLE;
import static io.tessera.infra.cdk.Access.MAIN_TABLE_READ;
import static io.tessera.infra.cdk.Access.PUBLISH_EVENTS;
import static io.tessera.infra.cdk.Access.PUSH;
import static io.tessera.infra.cdk.Access.READ_CURSOR_KEY;
import static io.tessera.infra.cdk.Access.SCHEDULE_ANALYTICS_PUSH;
import static io.tessera.infra.cdk.Access.SCHEDULE_CONNECTION_CHECK;
import static io.tessera.infra.cdk.Access.UPLOADS_SIGN;
import static io.tessera.infra.cdk.Access.UPLOADS_VERIFY;
import static io.tessera.infra.cdk.Access.USER_ADMINISTRATION;

/**
 * Every Lambda entry point: the module whose jar holds it, its size, and what it may touch. The
 * queue and stream consumers come from {@link TesseraResources}; a consumer that has no access
 * entry here stops synthesis, so a new handler's permissions are always a decision, never a default.
 */
final class EntryPoints {

    enum Module { API, REALTIME, STREAM_PROCESSORS }

    record EntryPoint(String id, Module module, String handler, int memoryMb, Duration timeout, Set<Access> access) {
    }

    static final String API_HANDLER = "io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction";
    static final String WEBSOCKET_HANDLER = "io.tessera.realtime.aws.WebSocketHandler";
    static final String CONNECT_AUTHORIZER = "io.tessera.realtime.aws.ConnectAuthorizer";

    static final EntryPoint API = new EntryPoint("Api", Module.API, API_HANDLER, 2048, Duration.seconds(20),
            EnumSet.of(MAIN_TABLE, ANALYTICS_TABLE, PUBLISH_EVENTS, UPLOADS_SIGN, USER_ADMINISTRATION, READ_CURSOR_KEY));
    static final EntryPoint WEBSOCKET = new EntryPoint("WebSocket", Module.REALTIME, WEBSOCKET_HANDLER, 1024, Duration.seconds(10),
            EnumSet.of(MAIN_TABLE_READ, CONNECTIONS_TABLE, PUSH, SCHEDULE_CONNECTION_CHECK));
    static final EntryPoint AUTHORIZER = new EntryPoint("ConnectAuthorizer", Module.REALTIME, CONNECT_AUTHORIZER, 1024, Duration.seconds(10),
            EnumSet.of(MAIN_TABLE_READ));

    /** Stream consumers may take a minute per batch; nothing else bounds them. */
    private static final Duration STREAM_CONSUMER_TIMEOUT = Duration.seconds(60);
    private static final int CONSUMER_MEMORY_MB = 1024;

    private static final Map<String, Set<Access>> CONSUMER_ACCESS = Map.of(
            TesseraResources.ORDERS_QUEUE.consumer(), EnumSet.of(MAIN_TABLE),
            TesseraResources.NOTIFY_QUEUE.consumer(), EnumSet.of(MAIN_TABLE, CONNECTIONS_TABLE, PUSH),
            TesseraResources.ANALYTICS_PUSH_QUEUE.consumer(), EnumSet.of(ANALYTICS_TABLE, CONNECTIONS_TABLE, PUSH, SCHEDULE_ANALYTICS_PUSH),
            TesseraResources.UPLOADS_QUEUE.consumer(), EnumSet.of(MAIN_TABLE, UPLOADS_VERIFY, CONNECTIONS_TABLE, PUSH),
            TesseraResources.CONNECTIONS_QUEUE.consumer(), EnumSet.of(PUSH, SCHEDULE_CONNECTION_CHECK),
            TesseraResources.OUTBOX.handler(), EnumSet.of(PUBLISH_EVENTS),
            TesseraResources.ANALYTICS.handler(), EnumSet.of(ANALYTICS_TABLE, CONNECTIONS_TABLE, PUSH, SCHEDULE_ANALYTICS_PUSH));

    private EntryPoints() {
    }

    static List<EntryPoint> all() {
        return Stream.of(Stream.of(API, WEBSOCKET, AUTHORIZER),
                        TesseraResources.QUEUES.stream().map(EntryPoints::queueConsumer),
                        TesseraResources.STREAM_CONSUMERS.stream().map(EntryPoints::streamConsumer))
                .flatMap(entryPoints -> entryPoints)
                .toList();
    }

    /**
     * Half the queue's visibility timeout: Lambda refuses a consumer that may run longer than a
     * message stays invisible, and the margin keeps a slow batch from being delivered twice.
     */
    static EntryPoint queueConsumer(TesseraResources.Queue queue) {
        return new EntryPoint(Names.handlerId(queue.consumer()), Module.STREAM_PROCESSORS, queue.consumer(), CONSUMER_MEMORY_MB,
                Duration.seconds(queue.visibilityTimeoutSeconds() / 2), accessOf(queue.consumer()));
    }

    static EntryPoint streamConsumer(TesseraResources.StreamConsumer consumer) {
        return new EntryPoint(Names.handlerId(consumer.handler()), Module.STREAM_PROCESSORS, consumer.handler(), CONSUMER_MEMORY_MB,
                STREAM_CONSUMER_TIMEOUT, accessOf(consumer.handler()));
    }

    private static Set<Access> accessOf(String handler) {
        return Optional.ofNullable(CONSUMER_ACCESS.get(handler)).orElseThrow(() -> new IllegalStateException(
                handler + " consumes a queue or stream but has no access entry in " + EntryPoints.class.getSimpleName()));
    }
}
