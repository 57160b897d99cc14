package io.tessera.core.aws;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB Streams records as the SDK reads them, turned into the {@link DynamodbEvent} records a
 * Lambda event source mapping delivers (the events library only converts the other way): what the
 * local stream poller and the redrive command hand to the handlers.
 */
public final class StreamRecords {

    private StreamRecords() {
    }

    public static DynamodbEvent event(List<Record> records, String streamArn) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records.stream().map(record -> lambdaRecord(record, streamArn)).toList());
        return event;
    }

    private static DynamodbEvent.DynamodbStreamRecord lambdaRecord(Record record, String streamArn) {
        var source = record.dynamodb();
        StreamRecord stream = new StreamRecord()
                .withSequenceNumber(source.sequenceNumber())
                .withSizeBytes(source.sizeBytes())
                .withKeys(attributes(source.keys()))
                .withNewImage(attributes(source.newImage()))
                .withOldImage(attributes(source.oldImage()));
        if (source.streamViewType() != null) {
            stream.setStreamViewType(StreamViewType.fromValue(source.streamViewTypeAsString()));
        }
        if (source.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        DynamodbEvent.DynamodbStreamRecord lambda = new DynamodbEvent.DynamodbStreamRecord();
        lambda.setEventID(record.eventID());
        lambda.setEventName(record.eventNameAsString());
        lambda.setEventVersion(record.eventVersion());
        lambda.setEventSource("aws:dynamodb");
        lambda.setAwsRegion(record.awsRegion());
        lambda.setDynamodb(stream);
        lambda.setEventSourceARN(streamArn);
        return lambda;
    }

    private static Map<String, AttributeValue> attributes(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, attribute(value)));
        return converted;
    }

    private static AttributeValue attribute(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        AttributeValue converted = new AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(value.b().asByteBuffer());
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS -> converted.setBS(value.bs().stream().map(bytes -> bytes.asByteBuffer()).toList());
            case M -> converted.setM(attributes(value.m()) == null ? Map.of() : attributes(value.m()));
            case L -> converted.setL(value.l().stream().map(StreamRecords::attribute).toList());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(true);
            default -> throw new IllegalArgumentException("unsupported attribute type " + value.type());
        }
        return converted;
    }
}
