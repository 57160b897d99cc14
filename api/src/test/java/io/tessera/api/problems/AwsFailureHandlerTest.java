package io.tessera.api.problems;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class AwsFailureHandlerTest {

    private static AwsServiceException service(int status, String code) {
        return DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    @Test
    void throttlingServerErrorsAndUnreachableAwsAreWorthRetrying() {
        assertThat(AwsFailureHandler.isTransient(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build())).isTrue();
        assertThat(AwsFailureHandler.isTransient(service(400, "ThrottlingException"))).isTrue();
        assertThat(AwsFailureHandler.isTransient(service(500, "InternalServerError"))).isTrue();
        assertThat(AwsFailureHandler.isTransient(service(503, "ServiceUnavailable"))).isTrue();
        assertThat(AwsFailureHandler.isTransient(SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused")))).isTrue();
        assertThat(AwsFailureHandler.isTransient(ApiCallTimeoutException.create(2000))).isTrue();
    }

    @Test
    void validationErrorsAndRequestsTheSdkCannotBuildAreNeverRetryAdvice() {
        assertThat(AwsFailureHandler.isTransient(service(400, "ValidationException"))).isFalse();
        assertThat(AwsFailureHandler.isTransient(service(400, "ConditionalCheckFailedException"))).isFalse();
        assertThat(AwsFailureHandler.isTransient(service(404, "ResourceNotFoundException"))).isFalse();
        assertThat(AwsFailureHandler.isTransient(SdkClientException.create("Unable to marshall request to JSON",
                new IllegalArgumentException("lone surrogate")))).isFalse();
    }
}
