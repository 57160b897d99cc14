package io.tessera.streams.batch;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

import java.util.Optional;

/** A DynamoDB stream record's images as documents, like the items the repositories read. */
public final class StreamImages {

    private StreamImages() {
    }

    public static Optional<EnhancedDocument> newImage(DynamodbEvent.DynamodbStreamRecord record) {
        var image = record.getDynamodb().getNewImage();
        return image == null || image.isEmpty() ? Optional.empty()
                : Optional.of(EnhancedDocument.fromAttributeValueMap(DynamodbAttributeValueTransformer.toAttributeValueMapV2(image)));
    }

    public static Optional<EnhancedDocument> oldImage(DynamodbEvent.DynamodbStreamRecord record) {
        var image = record.getDynamodb().getOldImage();
        return image == null || image.isEmpty() ? Optional.empty()
                : Optional.of(EnhancedDocument.fromAttributeValueMap(DynamodbAttributeValueTransformer.toAttributeValueMapV2(image)));
    }
}
