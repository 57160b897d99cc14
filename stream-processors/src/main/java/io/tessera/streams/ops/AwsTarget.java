package io.tessera.streams.ops;

import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;

import java.net.URI;
import java.util.Optional;

/**
 * Where an operations command's AWS calls go, as the SDK client itself was configured: the
 * endpoint override ({@code AWS_ENDPOINT_URL}, the emulator locally) or AWS's own endpoints, and
 * the Region. Printed first, so nobody repairs the wrong account by mistake.
 *
 * @param endpoint the endpoint override, empty for AWS itself
 * @param region   the client's Region ({@code AWS_REGION} or the profile's)
 */
record AwsTarget(Optional<URI> endpoint, String region) {

    /** Where a client's calls go, from its {@code serviceClientConfiguration()}. */
    static AwsTarget of(AwsServiceClientConfiguration configuration) {
        return new AwsTarget(configuration.endpointOverride(), configuration.region().id());
    }

    /** One line for the person running the command, e.g. {@code AWS: http://127.0.0.1:4566 (AWS_ENDPOINT_URL), Region us-east-1}. */
    String describe() {
        return endpoint.map(uri -> "AWS: " + uri + " (AWS_ENDPOINT_URL), Region " + region)
                .orElse("AWS: the real AWS endpoints (AWS_ENDPOINT_URL unset), Region " + region
                        + "; credentials from the SDK's default chain (AWS_PROFILE, environment, SSO...)");
    }
}
