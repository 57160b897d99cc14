package io.tessera.infra.local;

import io.tessera.core.resources.TesseraResources.Topic;
import io.tessera.core.resources.TesseraResources;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Map;

/**
 * Creates an SNS topic that the uploads bucket may publish to, and subscribes its queues with raw
 * message delivery, each queue letting only that topic send to it: the same topic, subscriptions
 * and policies as the CDK stack's (Amazon SNS Developer Guide, "Fanout to Amazon SQS queues").
 * CreateTopic and Subscribe return what exists already, so running it again changes nothing.
 */
final class TopicsProvisioner {

    private final SnsClient sns;
    private final SqsClient sqs;

    TopicsProvisioner(SnsClient sns, SqsClient sqs) {
        this.sns = sns;
        this.sqs = sqs;
    }

    /** Returns the topic's ARN. */
    String provision(Topic topic, String publishingBucket) {
        String topicArn = sns.createTopic(request -> request.name(topic.name())).topicArn();
        sns.setTopicAttributes(request -> request.topicArn(topicArn).attributeName("Policy").attributeValue("""
                {"Version":"2012-10-17","Statement":[{"Sid":"S3ObjectCreatedNotifications","Effect":"Allow",\
                "Principal":{"Service":"s3.amazonaws.com"},"Action":"sns:Publish","Resource":"%s",\
                "Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:s3:::%s"}}}]}""".formatted(topicArn, publishingBucket)));
        for (TesseraResources.Queue queue : topic.subscribers()) {
            String queueUrl = sqs.getQueueUrl(request -> request.queueName(queue.name())).queueUrl();
            String queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sqs.setQueueAttributes(request -> request.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},\
                    "Action":"sqs:SendMessage","Resource":"%s","Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}"""
                    .formatted(queueArn, topicArn))));
            sns.subscribe(request -> request.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")).returnSubscriptionArn(true));
        }
        System.out.println("topic " + topic.name() + " delivers to " + topic.subscribers().stream().map(TesseraResources.Queue::name).toList());
        return topicArn;
    }
}
