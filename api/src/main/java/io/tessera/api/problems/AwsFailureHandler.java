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
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;

/**
 * AWS not answering, throttling or failing on its side (after the SDK's own retries) is the
 * client's cue to try again: 503 with {@code Retry-After}. Any other AWS error (a 4xx such as a
 * validation error, or a request the SDK could not even build) would fail again however often it
 * is sent: it is a bug of ours, 500, never 503.
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

    static boolean isTransient(SdkException exception) {
        if (exception instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return exception instanceof ApiCallTimeoutException || exception instanceof ApiCallAttemptTimeoutException
                || exception instanceof SdkClientException && causedByIo(exception);
    }

    /** The network failed (refused, reset, timed out), as opposed to the SDK refusing what we asked. */
    private static boolean causedByIo(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
