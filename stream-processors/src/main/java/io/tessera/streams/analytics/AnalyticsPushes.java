package io.tessera.streams.analytics;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.analytics.AnalyticsReader;
import io.tessera.core.context.CallContext;
import io.tessera.core.push.Channel;
import io.tessera.core.push.FanOut;
import io.tessera.core.resources.Roles;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * {@code analytics.updated} to the tenant admins subscribed to {@code analytics}, at most once per
 * tenant per second however many orders arrive ({@link PushThrottle}). A change that comes inside
 * the second is not lost: one delayed flush message per second pushes the state as it is then.
 * Nothing is read or pushed when no connection of the tenant holds the channel.
 */
@Singleton
class AnalyticsPushes {

    private final FanOut fanOut;
    private final AnalyticsReader reader;
    private final PushThrottle throttle;
    private final SqsClient sqs;
    private final ObjectMapper json;
    private volatile String flushQueueUrl;

    AnalyticsPushes(FanOut fanOut, AnalyticsReader reader, PushThrottle throttle, SqsClient sqs, ObjectMapper json) {
        this.fanOut = fanOut;
        this.reader = reader;
        this.throttle = throttle;
        this.sqs = sqs;
        this.json = json;
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
        switch (throttle.onChange(tenantId)) {
            case PushThrottle.PushNow now -> push(tenantId);
            case PushThrottle.FlushIn later -> queueFlush(tenantId, later.delay());
            case PushThrottle.AlreadyQueued queued -> {
            }
        }
    }

    /** A delayed flush arrived: push the state as it is now. */
    void flush(String tenantId) {
        push(tenantId);
    }

    private void push(String tenantId) {
        CallContext.system(tenantId, null).run(() -> fanOut.push(
                connection -> connection.isSubscribedTo(Channel.ANALYTICS.wireName()) && connection.roles().contains(Roles.TENANT_ADMINS),
                () -> new AnalyticsUpdated("analytics.updated", reader.summary())));
    }

    private void queueFlush(String tenantId, Duration delay) {
        try {
            String body = json.writeValueAsString(new Flush(tenantId));
            int seconds = (int) Math.max(1, (delay.toMillis() + 999) / 1000);
            sqs.sendMessage(request -> request.queueUrl(flushQueueUrl()).messageBody(body).delaySeconds(seconds));
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
