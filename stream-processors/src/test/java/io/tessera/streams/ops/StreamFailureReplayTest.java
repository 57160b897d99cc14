package io.tessera.streams.ops;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.net.URI;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class StreamFailureReplayTest {

    /** Nothing answers here: a replay that reached for the stream would fail instead of reporting. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    @Test
    void aRecordedAwsFailurePastTheStreamsRetentionIsReportedAsSuchWithoutReadingTheStreamOrCallingTheConsumer() {
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_2)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            StreamFailureReplay replay = new StreamFailureReplay(streams, (event, context) -> {
                throw new AssertionError("the consumer was called with " + event);
            }, Clock.systemUTC());

            StreamFailureReplay.Outcome outcome = replay.replay(StreamFailure.of(RecordedOnFailureMessage.json()), false);

            assertThat(outcome.kind()).isEqualTo(StreamFailureReplay.Kind.PAST_RETENTION);
            assertThat(outcome.records()).isZero();
            assertThat(outcome.detail()).contains("past the stream's 24-hour retention")
                    .contains("800000000003126276362").contains("2019-11-14T00:13:19Z");
        }
    }
}
