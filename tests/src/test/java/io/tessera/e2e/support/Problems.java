package io.tessera.e2e.support;

import io.tessera.client.ApiException;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Assertions on the problem documents the API answers with. */
public final class Problems {

    private Problems() {
    }

    /** Runs the call, expects it to fail with {@code status} and a problem document; returns the failure. */
    public static ApiException expectProblem(int status, ThrowableAssert.ThrowingCallable call) {
        ApiException failure = catchThrowableOfType(ApiException.class, call);
        assertThat(failure).as("expected HTTP %d", status).isNotNull();
        assertThat(failure.getCode()).as("status of %s", failure.getResponseBody()).isEqualTo(status);
        assertThat(failure.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
        return failure;
    }
}
