package io.tessera.infra.local;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateGroupResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserPoolMfaConfigRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PutBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.SubscribeResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An empty AWS account that keeps every request sent to it: just enough of DynamoDB, SQS, SNS,
 * EventBridge, S3 and Cognito for the local provisioner to run to the end, so a test can read back
 * exactly what the provisioner asks the emulator to create.
 */
final class RecordingAws {

    private static final String ACCOUNT = "000000000000";

    private final List<SdkRequest> requests = new ArrayList<>();
    private final Set<String> tables = new HashSet<>();
    private final Map<String, String> queueNamesByUrl = new HashMap<>();

    /** The requests of one kind, in the order they were sent. */
    <T extends SdkRequest> List<T> requests(Class<T> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String queueArn(String queueName) {
        return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + queueName;
    }

    DynamoDbClient dynamoDb() {
        return client(DynamoDbClient.class, request -> switch (request) {
            case DescribeTableRequest describe when tables.contains(describe.tableName()) -> DescribeTableResponse.builder()
                    .table(table -> table.tableName(describe.tableName()).tableStatus(TableStatus.ACTIVE)).build();
            case DescribeTableRequest describe -> throw software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.builder()
                    .message("Requested resource not found: " + describe.tableName()).build();
            case CreateTableRequest create -> {
                tables.add(create.tableName());
                yield CreateTableResponse.builder().build();
            }
            case UpdateTimeToLiveRequest ignored -> UpdateTimeToLiveResponse.builder().build();
            default -> throw unanswered(request);
        });
    }

    SqsClient sqs() {
        return client(SqsClient.class, request -> switch (request) {
            case GetQueueUrlRequest get when queueNamesByUrl.containsKey(queueUrl(get.queueName())) ->
                    GetQueueUrlResponse.builder().queueUrl(queueUrl(get.queueName())).build();
            // What moto answers: the query protocol's error, which the SDK leaves a plain SqsException.
            case GetQueueUrlRequest ignored -> throw SqsException.builder().statusCode(400).message("The specified queue does not exist.").build();
            case CreateQueueRequest create -> {
                queueNamesByUrl.put(queueUrl(create.queueName()), create.queueName());
                yield CreateQueueResponse.builder().queueUrl(queueUrl(create.queueName())).build();
            }
            case GetQueueAttributesRequest get -> GetQueueAttributesResponse.builder()
                    .attributes(Map.of(QueueAttributeName.QUEUE_ARN, queueArn(queueNamesByUrl.get(get.queueUrl())))).build();
            case SetQueueAttributesRequest ignored -> SetQueueAttributesResponse.builder().build();
            default -> throw unanswered(request);
        });
    }

    EventBridgeClient eventBridge() {
        return client(EventBridgeClient.class, request -> switch (request) {
            case DescribeEventBusRequest ignored ->
                    throw software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException.builder().message("no such bus").build();
            case CreateEventBusRequest ignored -> CreateEventBusResponse.builder().build();
            case PutRuleRequest put -> PutRuleResponse.builder().ruleArn("arn:aws:events:us-east-1:" + ACCOUNT + ":rule/" + put.name()).build();
            case PutTargetsRequest ignored -> PutTargetsResponse.builder().build();
            default -> throw unanswered(request);
        });
    }

    CognitoIdentityProviderClient cognito() {
        return client(CognitoIdentityProviderClient.class, request -> switch (request) {
            case ListUserPoolsRequest ignored -> ListUserPoolsResponse.builder().userPools(List.of()).build();
            case CreateUserPoolRequest create -> CreateUserPoolResponse.builder()
                    .userPool(pool -> pool.id("us-east-1_local").name(create.poolName())).build();
            case SetUserPoolMfaConfigRequest set -> SetUserPoolMfaConfigResponse.builder().mfaConfiguration(set.mfaConfiguration()).build();
            case GetGroupRequest ignored ->
                    throw software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException.builder().message("no such group").build();
            case CreateGroupRequest ignored -> CreateGroupResponse.builder().build();
            case ListUserPoolClientsRequest ignored -> ListUserPoolClientsResponse.builder().userPoolClients(List.of()).build();
            case CreateUserPoolClientRequest create -> CreateUserPoolClientResponse.builder()
                    .userPoolClient(client -> client.clientId("local-client").clientName(create.clientName())).build();
            default -> throw unanswered(request);
        });
    }

    S3Client s3() {
        return client(S3Client.class, request -> switch (request) {
            case HeadBucketRequest ignored -> throw NoSuchBucketException.builder().message("no such bucket").build();
            case CreateBucketRequest ignored -> CreateBucketResponse.builder().build();
            case PutBucketCorsRequest ignored -> PutBucketCorsResponse.builder().build();
            case PutBucketLifecycleConfigurationRequest ignored -> PutBucketLifecycleConfigurationResponse.builder().build();
            case PutBucketNotificationConfigurationRequest ignored -> PutBucketNotificationConfigurationResponse.builder().build();
            default -> throw unanswered(request);
        });
    }

    SnsClient sns() {
        return client(SnsClient.class, request -> switch (request) {
            case CreateTopicRequest create -> CreateTopicResponse.builder().topicArn(topicArn(create.name())).build();
            case SetTopicAttributesRequest ignored -> SetTopicAttributesResponse.builder().build();
            case SubscribeRequest subscribe -> SubscribeResponse.builder()
                    .subscriptionArn(subscribe.topicArn() + ":" + queueNameOf(subscribe.endpoint())).build();
            default -> throw unanswered(request);
        });
    }

    static String topicArn(String topicName) {
        return "arn:aws:sns:us-east-1:" + ACCOUNT + ":" + topicName;
    }

    private static String queueNameOf(String queueArn) {
        return queueArn.substring(queueArn.lastIndexOf(':') + 1);
    }

    private static String queueUrl(String queueName) {
        return "https://sqs.us-east-1.amazonaws.com/" + ACCOUNT + "/" + queueName;
    }

    private static IllegalStateException unanswered(SdkRequest request) {
        return new IllegalStateException("the provisioner sent " + request.getClass().getSimpleName() + ", which this recording account does not answer");
    }

    /**
     * A client whose operations taking a request object are answered by {@code answer}; the SDK's
     * other default methods (consumer-builder overloads, paginators) run as written and end up there.
     */
    private <T> T client(Class<T> type, java.util.function.Function<SdkRequest, Object> answer) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (isOperation(method)) {
                requests.add((SdkRequest) args[0]);
                return answer.apply((SdkRequest) args[0]);
            }
            if (method.getName().equals("waiter") && proxy instanceof DynamoDbClient dynamoDb) {
                return DynamoDbWaiter.builder().client(dynamoDb).build();
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return switch (method.getName()) {
                case "serviceName" -> "recording";
                case "close" -> null;
                case "toString" -> "RecordingAws." + type.getSimpleName();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new IllegalStateException("the provisioner called " + method.getName() + ", which this recording account does not answer");
            };
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static boolean isOperation(Method method) {
        return method.getParameterCount() == 1
                && SdkRequest.class.isAssignableFrom(method.getParameterTypes()[0])
                && !method.getName().endsWith("Paginator");
    }
}
