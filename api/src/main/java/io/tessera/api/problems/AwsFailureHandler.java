package io.tessera.api.problems;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * AWS not answering, throttling or failing on its side (after the SDK's own retries) is the
 * client's cue to try again: 503 with {@code Retry-After}. Any other AWS error is a bug of ours: 500.
 */
@Produces
@Singleton
class AwsFailureHandler implements ExceptionHandler<SdkException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(AwsFailureHandler.class);
    static final String RETRY_AFTER_SECONDS = "2";

    private final ErrorResponseProcessor<?> responses;

    AwsFailureHandler(ErrorResponseProcessor<?> responses) {
        this.responses = responses;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, SdkException exception) {
        MutableHttpResponse<?> response;
        if (isTransient(exception)) {
            LOG.warn("AWS is unavailable for {} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
            response = HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS);
        } else {
            LOG.error("AWS refused {} {}", request.getMethod(), request.getPath(), exception);
            response = HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR);
        }
        return responses.processResponse(ErrorContext.builder(request).cause(exception).build(), response);
    }

    private static boolean isTransient(SdkException exception) {
        return exception instanceof SdkClientException
                || exception.retryable()
                || exception instanceof AwsServiceException service && (service.isThrottlingException() || service.statusCode() >= 500);
    }
}
