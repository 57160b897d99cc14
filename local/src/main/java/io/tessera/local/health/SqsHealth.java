package io.tessera.local.health;

import io.micronaut.management.health.indicator.annotation.Readiness;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.List;

/** Readiness of SQS: {@code GetQueueUrl} of every queue the event sources poll. */
@Singleton
@Readiness
class SqsHealth extends AwsDependencyHealth {

    private final SqsClient sqs;

    SqsHealth(SqsClient sqs) {
        super("sqs");
        this.sqs = sqs;
    }

    @Override
    List<Check> checks() {
        return TesseraResources.QUEUES.stream().map(queue -> new Check(queue.name(), () -> sqs.getQueueUrl(request -> request
                .queueName(queue.name())
                .overrideConfiguration(config -> config.apiCallTimeout(TIMEOUT))))).toList();
    }
}
