package io.tessera.streams.ops;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A message Lambda's on-failure destination received from a DynamoDB stream event source mapping
 * in AWS: the example invocation record of "Retain discarded records for a DynamoDB event source in
 * Lambda" (AWS Lambda Developer Guide, docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html),
 * kept as {@code src/test/resources/ops/dynamodb-stream-on-failure.json}. Its first record arrived
 * on 2019-11-14, long past the stream's retention.
 */
final class RecordedOnFailureMessage {

    static final String RESOURCE = "/ops/dynamodb-stream-on-failure.json";

    private RecordedOnFailureMessage() {
    }

    static JsonNode json() {
        try (InputStream in = RecordedOnFailureMessage.class.getResourceAsStream(RESOURCE)) {
            return ObjectMapper.getDefault().readValue(in.readAllBytes(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
