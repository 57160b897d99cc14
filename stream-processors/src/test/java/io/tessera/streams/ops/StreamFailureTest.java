package io.tessera.streams.ops;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamFailureTest {

    @Test
    void aRecordedAwsOnFailureMessageSaysWhereTheGivenUpBatchLies() {
        StreamFailure failure = StreamFailure.of(RecordedOnFailureMessage.json());

        assertThat(failure).isEqualTo(new StreamFailure("RetryAttemptsExhausted", 1,
                "arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388",
                "shardId-00000001573689847184-864758bb", "800000000003126276362", "800000000003126276362",
                Instant.parse("2019-11-14T00:13:19Z"), 1));
    }

    @Test
    void aBatchWhoseFirstRecordArrivedMoreThan24HoursAgoIsPastRetention() {
        StreamFailure failure = StreamFailure.of(RecordedOnFailureMessage.json());

        assertThat(failure.pastRetention(Instant.now())).isTrue();
        assertThat(failure.pastRetention(failure.firstArrival().plus(Duration.ofHours(23)))).isFalse();
        assertThat(failure.pastRetention(failure.firstArrival().plus(Duration.ofHours(24)).plusSeconds(1))).isTrue();
    }

    @Test
    void sequenceNumbersAreComparedAsNumbersNotAsText() {
        StreamFailure failure = new StreamFailure("RetryAttemptsExhausted", 1, "arn", "shard", "100", "100", Instant.now(), 1);

        assertThat(failure.isAfterBatch("99")).isFalse();
        assertThat(failure.isAfterBatch("100")).isFalse();
        assertThat(failure.isAfterBatch("101")).isTrue();
        assertThat(failure.isAfterBatch("1000")).isTrue();
    }

    @Test
    void aMessageWithoutBatchInfoIsNotTakenForAStreamFailure() {
        JsonNode oldLocalShape = JsonNode.from(Map.of("consumer", "outbox", "sequenceNumber", "42", "eventName", "INSERT"));

        assertThatThrownBy(() -> StreamFailure.of(oldLocalShape))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DDBStreamBatchInfo");
    }
}
