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
import io.tessera.core.uploads.Upload;
import io.tessera.core.uploads.UploadCompletion;
import io.tessera.streams.batch.SqsBatch;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upload completion handler: the uploads bucket's object-created notifications, from the
 * {@code tessera-uploads} queue, checked by {@link UploadCompletion}; the uploader's connections
 * subscribed to {@code uploads} hear the outcome.
 */
@EventSourceMapping(TesseraResources.UPLOADS_QUEUE_NAME)
public class UploadCompletionHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(UploadCompletionHandler.class);

    @Inject
    SqsBatch batch;

    @Inject
    UploadCompletion completion;

    @Inject
    FanOut fanOut;

    public UploadCompletionHandler() {
    }

    public UploadCompletionHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return batch.process(event, Argument.of(S3Notification.class), notification ->
                notification.objectsCreated().forEach(record -> completion.complete(record.key()).ifPresent(this::tellUploader)));
    }

    private void tellUploader(UploadCompletion.Outcome outcome) {
        Upload upload = outcome.upload();
        CallContext.system(outcome.tenantId(), null).run(() -> {
            LOG.info("upload {} is {}", upload.uploadId(), upload.status());
            fanOut.push(connection -> connection.userId().equals(upload.ownerId()) && connection.isSubscribedTo(Channel.UPLOADS.wireName()),
                    new ServerMessages.UploadCompleted("upload.completed", upload.uploadId(), upload.fileName(), upload.status().name(),
                            upload.sizeBytes(), upload.rejectionReason()));
        });
    }
}
