package io.tessera.api.problems;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.tessera.core.context.CorrelationIdFilter;
import io.tessera.core.problems.ProblemException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Renders every error response of the API, Micronaut's own (no route, bad JSON, failed
 * validation, 401/403) and Tessera's, as a problem document. Server errors never carry the
 * exception's message: it is logged with the correlation id, which the client gets instead.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemResponses implements ErrorResponseProcessor<Problem> {

    /** Details for errors whose own message only repeats the status. */
    private static final Map<Integer, String> GENERIC_DETAILS = Map.of(
            401, "A valid Cognito ID token is required: Authorization: Bearer <idToken>.",
            403, "Your role or your tenant's status does not allow this.",
            404, "There is no such resource.",
            405, "This resource does not support that method.",
            500, "Something went wrong on our side. Quote the correlation id when you report it.",
            503, "A service Tessera depends on is not answering; retry after the Retry-After seconds.");

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        if (errorContext.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        int status = response.code();
        String title = HttpStatus.valueOf(status).getReason();
        List<Problem.InvalidParam> invalidParams = errorContext.getRootCause()
                .filter(ConstraintViolationException.class::isInstance)
                .map(cause -> invalidParams((ConstraintViolationException) cause))
                .orElse(null);
        Problem problem = new Problem("about:blank", title, status, detail(status, title, errorContext, invalidParams),
                errorContext.getRequest().getPath(),
                CorrelationIdFilter.correlationIdOf(errorContext.getRequest()),
                invalidParams);
        return response.contentType(Problem.CONTENT_TYPE).body(problem);
    }

    private static String detail(int status, String title, ErrorContext errorContext, List<Problem.InvalidParam> invalidParams) {
        if (status >= 500) {
            return GENERIC_DETAILS.getOrDefault(status, GENERIC_DETAILS.get(500));
        }
        if (invalidParams != null) {
            return invalidParams.size() == 1 ? "1 input is invalid." : invalidParams.size() + " inputs are invalid.";
        }
        if (status == 400 && errorContext.getRootCause().isPresent() && !(errorContext.getRootCause().get() instanceof ProblemException)) {
            HttpRequest<?> request = errorContext.getRequest();
            boolean sent = request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
            UnreadableRequests.RequestBody body = sent ? UnreadableRequests.RequestBody.SENT
                    : HttpMethod.permitsRequestBody(request.getMethod()) ? UnreadableRequests.RequestBody.MISSING : UnreadableRequests.RequestBody.NOT_CARRIED;
            return UnreadableRequests.explain(errorContext.getRootCause().get(), body);
        }
        String message = errorContext.getErrors().isEmpty() ? title : errorContext.getErrors().getFirst().getMessage();
        boolean generic = message.equalsIgnoreCase(title) || message.equals("Page Not Found");
        return generic ? GENERIC_DETAILS.getOrDefault(status, title) : message;
    }

    /** One entry per violation, named by its path inside the request body or parameter. */
    private static List<Problem.InvalidParam> invalidParams(ConstraintViolationException exception) {
        return exception.getConstraintViolations().stream()
                .map(violation -> new Problem.InvalidParam(inputName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.InvalidParam::name))
                .toList();
    }

    /** {@code login.request.password} names the method, then the parameter: drop the method; drop a body parameter's name too. */
    private static String inputName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        List<Path.Node> input = nodes.size() > 2 ? nodes.subList(2, nodes.size()) : nodes.subList(Math.min(1, nodes.size()), nodes.size());
        StringBuilder name = new StringBuilder();
        for (Path.Node node : input) {
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.toString();
    }
}
