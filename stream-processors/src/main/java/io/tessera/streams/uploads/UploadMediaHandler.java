package io.tessera.streams.uploads;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.tessera.core.context.CallContext;
import io.tessera.core.push.Channel;
import io.tessera.core.push.FanOut;
import io.tessera.core.push.ServerMessages;
import io.tessera.core.resources.EventSourceMapping;
import io.tessera.core.resources.TesseraResources;
import io.tessera.core.uploads.Processing;
import io.tessera.core.uploads.Upload;
import io.tessera.streams.batch.SqsBatch;
import jakarta.inject.Inject;

/**
 * The media processor: the uploads bucket's object-created notifications, from the
 * {@code tessera-upload-media} queue (one of the upload events topic's subscribers), processed by
 * {@link MediaProcessing}; the uploader's connections subscribed to {@code uploads} hear
 * {@code upload.processed}. S3's test event has no records and is skipped; a message that fails
 * (an upload not settled yet, S3 or DynamoDB not answering) is reported as a batch item failure.
 */
@EventSourceMapping(TesseraResources.UPLOAD_MEDIA_QUEUE_NAME)
public class UploadMediaHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    SqsBatch batch;

    @Inject
    MediaProcessing processing;

    @Inject
    FanOut fanOut;

    public UploadMediaHandler() {
    }

    public UploadMediaHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return batch.process(event, Argument.of(S3Notification.class), notification ->
                notification.objectsCreated().forEach(record -> processing.process(record.key()).ifPresent(this::tellUploader)));
    }

    private void tellUploader(MediaProcessing.Outcome outcome) {
        Upload upload = outcome.upload();
        Processing processed = upload.processing();
        CallContext.system(outcome.tenantId(), null).run(() ->
                fanOut.push(connection -> connection.userId().equals(upload.ownerId()) && connection.isSubscribedTo(Channel.UPLOADS.wireName()),
                        new ServerMessages.UploadProcessed("upload.processed", upload.uploadId(), upload.fileName(), processed.status().name(),
                                processed.reason(), processed.width(), processed.height(), processed.pageCount())));
    }
}
