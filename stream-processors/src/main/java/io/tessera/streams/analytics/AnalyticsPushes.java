package io.tessera.streams.analytics;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.analytics.AnalyticsReader;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.AnalyticsItems;
import io.tessera.core.data.Expr;
import io.tessera.core.push.Channel;
import io.tessera.core.push.FanOut;
import io.tessera.core.resources.Roles;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code analytics.updated} to the tenant admins subscribed to {@code analytics}, at most once per
 * tenant per second however many orders arrive. A change that comes inside the second is not
 * lost: it marks the tenant pending and queues a delayed flush, which pushes the state as it is then.
 */
@Singleton
class AnalyticsPushes {

    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final String PUSH = "PUSH";

    private final FanOut fanOut;
    private final AnalyticsReader reader;
    private final AnalyticsItems items;
    private final SqsClient sqs;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile String flushQueueUrl;

    AnalyticsPushes(FanOut fanOut, AnalyticsReader reader, AnalyticsItems items, SqsClient sqs, ObjectMapper json, Clock clock) {
        this.fanOut = fanOut;
        this.reader = reader;
        this.items = items;
        this.sqs = sqs;
        this.json = json;
        this.clock = clock;
    }

    /** The body of a delayed flush message. */
    @Serdeable
    record Flush(String tenantId) {
    }

    /** The message clients get. */
    @Serdeable
    record AnalyticsUpdated(String type, AnalyticsReader.Summary summary) {
    }

    /** A tenant's aggregates changed. */
    void changed(String tenantId) {
        CallContext.system(tenantId, null).run(() -> {
            if (claimSlot()) {
                push();
            } else if (markPending()) {
                queueFlush(tenantId);
            }
        });
    }

    /** A delayed flush arrived: push now, or come back when the second is over. */
    void flush(String tenantId) {
        CallContext.system(tenantId, null).run(() -> {
            if (claimSlot()) {
                push();
            } else {
                queueFlush(tenantId);
            }
        });
    }

    /** Takes this second's push for the tenant, clearing any pending flag. */
    private boolean claimSlot() {
        long now = clock.millis();
        return items.update(PUSH, Expr.of("SET lastPushAt = :now, pending = :false")
                        .value(":now", now).value(":false", AttributeValue.fromBool(false)),
                Expr.of("attribute_not_exists(lastPushAt) OR lastPushAt <= :due").value(":due", now - MIN_INTERVAL.toMillis()))
                .isPresent();
    }

    /** True if this call turned pending on (so exactly one flush is queued per pending period). */
    private boolean markPending() {
        return items.update(PUSH, Expr.of("SET pending = :true").value(":true", AttributeValue.fromBool(true)),
                Expr.of("attribute_not_exists(pending) OR pending = :false").value(":false", AttributeValue.fromBool(false)))
                .isPresent();
    }

    private void push() {
        fanOut.push(connection -> connection.isSubscribedTo(Channel.ANALYTICS.wireName()) && connection.roles().contains(Roles.TENANT_ADMINS),
                new AnalyticsUpdated("analytics.updated", reader.summary()));
    }

    private void queueFlush(String tenantId) {
        try {
            String body = json.writeValueAsString(new Flush(tenantId));
            sqs.sendMessage(request -> request.queueUrl(flushQueueUrl()).messageBody(body).delaySeconds((int) MIN_INTERVAL.toSeconds()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String flushQueueUrl() {
        if (flushQueueUrl == null) {
            flushQueueUrl = sqs.getQueueUrl(request -> request.queueName(TesseraResources.ANALYTICS_PUSH_QUEUE.name())).queueUrl();
        }
        return flushQueueUrl;
    }
}
