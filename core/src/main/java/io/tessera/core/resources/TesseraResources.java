package io.tessera.core.resources;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The AWS resources Tessera runs on, defined once. The local provisioner creates them in the
 * emulator, the CDK stack declares them for AWS, and the application's configuration defaults to
 * these names, so the three cannot drift apart.
 */
public final class TesseraResources {

    private TesseraResources() {
    }

    public record Index(String name, String partitionKey, String sortKey) {
    }

    /** A DynamoDB table: string keys, on-demand billing; {@code stream} means NEW_AND_OLD_IMAGES. */
    public record Table(String name, String partitionKey, Optional<String> sortKey, List<Index> indexes,
                        Optional<String> ttlAttribute, boolean stream) {
    }

    /**
     * An SQS queue with its dead-letter queue, which receives a message after {@code maxReceives}
     * failed receives. Its consumer (an SQS event source mapping in AWS, a poller locally) is the
     * handler class marked {@code @EventSourceMapping(name)}.
     */
    public record Queue(String name, String deadLetterName, int maxReceives, int visibilityTimeoutSeconds) {
    }

    /** An EventBridge rule on the {@link #EVENT_BUS} bus that forwards matching events to an SQS queue. */
    public record Rule(String name, String eventPattern, Queue target) {
    }

    public static final String USER_POOL = "tessera-users";
    public static final String USER_POOL_CLIENT = "tessera-app";
    public static final String TENANT_ID_ATTRIBUTE = "tenantId";
    public static final List<String> GROUPS = List.of(Roles.PLATFORM_ADMINS, Roles.TENANT_ADMINS, Roles.MEMBERS);

    public static final String MAIN_TABLE_NAME = "tessera-main";
    public static final String CONNECTIONS_TABLE_NAME = "tessera-connections";
    public static final String ANALYTICS_TABLE_NAME = "tessera-analytics";
    public static final String UPLOADS_BUCKET_NAME = "tessera-uploads";
    public static final String EVENT_BUS = "tessera";
    /** The Secrets Manager secret whose string is the signing key of cursors and challenge sessions (at least 32 random bytes). */
    public static final String SIGNING_KEY_SECRET = "tessera-signing-key";
    /** Uploaded objects live under {@code tenants/<tenantId>/uploads/<uploadId>/<name>}. */
    public static final String UPLOADS_PREFIX = "tenants/";

    /** Single-table design: every tenant's items under {@code TENANT#id}; two overloaded indexes for listings. */
    public static final Table MAIN_TABLE = new Table(MAIN_TABLE_NAME, "pk", Optional.of("sk"),
            List.of(new Index("gsi1", "gsi1pk", "gsi1sk"), new Index("gsi2", "gsi2pk", "gsi2sk")),
            Optional.of("expiresAt"), true);

    public static final Table CONNECTIONS_TABLE = new Table(CONNECTIONS_TABLE_NAME, "connectionId", Optional.empty(),
            List.of(new Index("byTenant", "tenantId", "userConnection")),
            Optional.of("expiresAt"), false);

    public static final Table ANALYTICS_TABLE = new Table(ANALYTICS_TABLE_NAME, "pk", Optional.of("sk"),
            List.of(), Optional.of("expiresAt"), false);

    public static final List<Table> TABLES = List.of(MAIN_TABLE, CONNECTIONS_TABLE, ANALYTICS_TABLE);

    /** Checkout requests on their way to the order creator. */
    public static final String ORDERS_QUEUE_NAME = "tessera-orders";
    public static final Queue ORDERS_QUEUE = new Queue(ORDERS_QUEUE_NAME, "tessera-orders-dlq", 5, 60);

    /** Order events on their way to the WebSocket notifier. */
    public static final String NOTIFY_QUEUE_NAME = "tessera-notify";
    public static final Queue NOTIFY_QUEUE = new Queue(NOTIFY_QUEUE_NAME, "tessera-notify-dlq", 5, 30);

    /** Tenants whose analytics changed while pushes were throttled: a delayed message flushes the last state. */
    public static final String ANALYTICS_PUSH_QUEUE_NAME = "tessera-analytics-push";
    public static final Queue ANALYTICS_PUSH_QUEUE = new Queue(ANALYTICS_PUSH_QUEUE_NAME, "tessera-analytics-push-dlq", 5, 30);

    /** The uploads bucket's object-created notifications (from {@link #UPLOAD_EVENTS_TOPIC}), on their way to the completion check. */
    public static final String UPLOADS_QUEUE_NAME = "tessera-uploads";
    public static final Queue UPLOADS_QUEUE = new Queue(UPLOADS_QUEUE_NAME, "tessera-uploads-dlq", 5, 60);

    /**
     * The same notifications on their way to the media processor (image thumbnails and dimensions,
     * PDF page counts). Decoding a large image takes longer than a check: its consumer gets a minute.
     */
    public static final String UPLOAD_MEDIA_QUEUE_NAME = "tessera-upload-media";
    public static final Queue UPLOAD_MEDIA_QUEUE = new Queue(UPLOAD_MEDIA_QUEUE_NAME, "tessera-upload-media-dlq", 5, 120);

    /**
     * What may end WebSocket connections: users' and tenants' access changes from the bus, and each
     * connection's own expiry timer (delayed messages); the consumer closes what lost its authority.
     */
    public static final String CONNECTIONS_QUEUE_NAME = "tessera-connections";
    public static final Queue CONNECTIONS_QUEUE = new Queue(CONNECTIONS_QUEUE_NAME, "tessera-connections-dlq", 5, 30);

    public static final List<Queue> QUEUES = List.of(ORDERS_QUEUE, NOTIFY_QUEUE, ANALYTICS_PUSH_QUEUE, UPLOADS_QUEUE, UPLOAD_MEDIA_QUEUE,
            CONNECTIONS_QUEUE);

    /**
     * An SNS topic and the queues subscribed to it. Every subscription delivers raw (Amazon SNS
     * Developer Guide, "Amazon SNS raw message delivery"): a queue's message body is what was
     * published, here S3's own event notification, exactly as S3 would send it to a queue.
     */
    public record Topic(String name, List<Queue> subscribers) {
    }

    /**
     * The uploads bucket's object-created notifications (under {@link #UPLOADS_PREFIX}), fanned out
     * to one queue per processor, so that each processor retries and dead-letters on its own.
     */
    public static final String UPLOAD_EVENTS_TOPIC_NAME = "tessera-upload-events";
    public static final Topic UPLOAD_EVENTS_TOPIC = new Topic(UPLOAD_EVENTS_TOPIC_NAME, List.of(UPLOADS_QUEUE, UPLOAD_MEDIA_QUEUE));

    public static final List<Topic> TOPICS = List.of(UPLOAD_EVENTS_TOPIC);

    /**
     * A consumer of a table's stream (a DynamoDB Streams event source mapping in AWS, a poller
     * locally): how many times a failing batch is retried, and the queue that then receives the
     * failed record so the rest of the shard can go on. Its handler is the class marked
     * {@code @EventSourceMapping(name)}.
     *
     * @param batchingWindow how long to gather records into a batch before calling the handler
     *                       (the mapping's MaximumBatchingWindowInSeconds): fewer, larger batches
     *                       where latency matters less than cost
     */
    public record StreamConsumer(String name, Table table, int batchSize, Duration batchingWindow, int maxRetries, String failureQueue) {
    }

    /**
     * Publishes OrderCreated and OrderStatusChanged from the orders' writes, UserAccessChanged and
     * TenantStatusChanged from the users' and tenants' (the outbox).
     */
    public static final String OUTBOX_NAME = "outbox";
    public static final StreamConsumer OUTBOX = new StreamConsumer(OUTBOX_NAME, MAIN_TABLE, 100, Duration.ZERO, 5, "tessera-outbox-dlq");

    /**
     * Keeps the per-tenant analytics aggregates, exactly once per stream record. Its pushes go out
     * at most once a second per tenant anyway, so a second of batching costs clients nothing and
     * makes one transaction count many orders.
     */
    public static final String ANALYTICS_NAME = "analytics";
    public static final StreamConsumer ANALYTICS = new StreamConsumer(ANALYTICS_NAME, MAIN_TABLE, 100, Duration.ofSeconds(1), 5,
            "tessera-analytics-dlq");

    public static final List<StreamConsumer> STREAM_CONSUMERS = List.of(OUTBOX, ANALYTICS);

    public static final Rule CHECKOUT_RULE = new Rule("tessera-checkout-to-orders",
            "{\"source\":[\"tessera.basket\"],\"detail-type\":[\"CheckoutRequested\"]}", ORDERS_QUEUE);

    public static final Rule ORDER_EVENTS_RULE = new Rule("tessera-order-events-to-notify",
            "{\"source\":[\"tessera.orders\"],\"detail-type\":[\"OrderCreated\",\"OrderStatusChanged\"]}", NOTIFY_QUEUE);

    public static final Rule ACCESS_CHANGES_RULE = new Rule("tessera-access-changes-to-connections",
            "{\"source\":[\"tessera.tenants\"],\"detail-type\":[\"UserAccessChanged\",\"TenantStatusChanged\"]}", CONNECTIONS_QUEUE);

    public static final List<Rule> RULES = List.of(CHECKOUT_RULE, ORDER_EVENTS_RULE, ACCESS_CHANGES_RULE);

    /**
     * A job run every {@code period}: in AWS an EventBridge rule with a schedule expression invokes
     * its handler; locally a timer calls the same handler (moto runs no schedules).
     */
    public record Schedule(String name, Duration period) {

        /** The EventBridge schedule expression, e.g. {@code rate(1 hour)}. */
        public String expression() {
            long hours = period.toHours();
            return "rate(" + hours + (hours == 1 ? " hour)" : " hours)");
        }
    }

    /** Removes signups nobody confirmed in time (PendingSignups). */
    public static final String SIGNUP_CLEANUP_NAME = "tessera-signup-cleanup";
    public static final Schedule SIGNUP_CLEANUP = new Schedule(SIGNUP_CLEANUP_NAME, Duration.ofHours(1));

    public static final List<Schedule> SCHEDULES = List.of(SIGNUP_CLEANUP);
}
