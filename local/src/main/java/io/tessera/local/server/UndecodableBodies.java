package io.tessera.local.server;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;

/**
 * A body whose {@code Content-Encoding} (gzip, deflate) does not decode is the client's fault: 400
 * with a problem document, not the 500 Netty's decompression failure would otherwise become.
 */
@Produces
@Singleton
@Requires(env = "local")
class UndecodableBodies implements ExceptionHandler<DecompressionException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> responses;

    UndecodableBodies(ErrorResponseProcessor<?> responses) {
        this.responses = responses;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DecompressionException exception) {
        return responses.processResponse(ErrorContext.builder(request)
                .errorMessage("The body does not decode as its Content-Encoding says.")
                .build(), HttpResponse.status(HttpStatus.BAD_REQUEST));
    }
}
