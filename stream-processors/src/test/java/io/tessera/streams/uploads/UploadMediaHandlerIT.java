package io.tessera.streams.uploads;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.tessera.core.context.CallContext;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.Tier;
import io.tessera.core.uploads.Processing;
import io.tessera.core.uploads.ProcessingStatus;
import io.tessera.core.uploads.ThumbnailFormat;
import io.tessera.core.uploads.ThumbnailSize;
import io.tessera.core.uploads.Upload;
import io.tessera.core.uploads.UploadKeys;
import io.tessera.core.uploads.UploadStatus;
import io.tessera.core.uploads.Uploads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media processor against the emulator's S3 and DynamoDB, fed SQS messages as the upload events
 * topic delivers them (raw: the body is S3's own event, its key encoded as the emulator encodes it).
 */
class UploadMediaHandlerIT {

    private static ApplicationContext context;
    private static UploadMediaHandler handler;
    private static S3Client s3;
    private static String bucket;
    private final String tenantId = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CallContext system = CallContext.system(tenantId, "corr");

    @BeforeAll
    static void startHandler() {
        context = ApplicationContext.run();
        handler = new UploadMediaHandler(context);
        s3 = context.getBean(S3Client.class);
        bucket = context.getBean(ResourcesConfiguration.class).getUploadsBucket();
    }

    @AfterAll
    static void stopHandler() {
        context.close();
    }

    @Test
    void anUploadedPngGetsItsDimensionsAndThumbnailsUnderItsTenantsPrefix() throws IOException {
        Upload upload = uploaded("photo.png", "image/png", SampleMedia.image("png", 1024, 768));

        SQSBatchResponse response = handler.handleRequest(batch(objectCreated(upload.key())), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(find(upload).processing()).isEqualTo(Processing.image(1024, 768, ThumbnailSize.ALL));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(s3.getObjectAsBytes(request -> request.bucket(bucket)
                .key(UploadKeys.thumbnail(new UploadKeys.Owner(tenantId, upload.uploadId()), 128, ThumbnailFormat.PNG))).asByteArray()));
        assertThat(new int[] {small.getWidth(), small.getHeight()}).containsExactly(128, 96);
    }

    @Test
    void theCompletionCheckLeavesTheThumbnailsItIsToldOfInPlace() {
        Upload upload = uploaded("kept.png", "image/png", SampleMedia.image("png", 300, 200));
        handler.handleRequest(batch(objectCreated(upload.key())), null);
        String thumbnail = UploadKeys.thumbnail(new UploadKeys.Owner(tenantId, upload.uploadId()), 512, ThumbnailFormat.PNG);

        SQSBatchResponse response = new UploadCompletionHandler(context).handleRequest(batch(objectCreated(thumbnail)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(s3.headObject(request -> request.bucket(bucket).key(thumbnail)).contentType()).isEqualTo("image/png");
    }

    @Test
    void theSameEventDeliveredAgainChangesNothingAndIsNoFailure() {
        Upload upload = uploaded("doc.pdf", "application/pdf", SampleMedia.pdf(2));
        SQSEvent.SQSMessage message = objectCreated(upload.key());

        SQSBatchResponse first = handler.handleRequest(batch(message), null);
        Processing recorded = find(upload).processing();
        SQSBatchResponse again = handler.handleRequest(batch(message), null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(recorded).isEqualTo(Processing.document(2));
        assertThat(find(upload).processing()).isEqualTo(recorded);
    }

    @Test
    void anUploadTheCompletionCheckHasNotSettledIsRetriedLaterAndLeftUnprocessed() {
        Upload pending = pending("early.png", "image/png", 100);
        SQSEvent.SQSMessage message = objectCreated(pending.key());

        SQSBatchResponse response = handler.handleRequest(batch(message), null);

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier()).isEqualTo(message.getMessageId()));
        assertThat(find(pending).processing()).isNull();
    }

    @Test
    void aPixelBombIsRecordedRefusedWithoutThumbnails() {
        Upload bomb = uploaded("bomb.png", "image/png", SampleMedia.pngDeclaring(100_000, 100_000));

        handler.handleRequest(batch(objectCreated(bomb.key())), null);

        Processing processing = find(bomb).processing();
        assertThat(processing.status()).isEqualTo(ProcessingStatus.REFUSED);
        assertThat(processing.reason()).contains("100000 × 100000");
        assertThat(s3.listObjectsV2(request -> request.bucket(bucket).prefix("tenants/" + tenantId + "/thumbnails/")).contents()).isEmpty();
    }

    @Test
    void s3sTestEventAndThumbnailsAreSkippedAndAPoisonMessageIsTheOnlyFailureOfItsBatch() {
        SQSEvent.SQSMessage test = message("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"" + Instant.now()
                + "\",\"Bucket\":\"" + bucket + "\",\"RequestId\":\"r\",\"HostId\":\"h\"}");
        SQSEvent.SQSMessage thumbnail = objectCreated(UploadKeys.thumbnail(new UploadKeys.Owner(tenantId, "u1"), 128, ThumbnailFormat.PNG));
        SQSEvent.SQSMessage poison = message("{\"Records\": [ cut off");

        SQSBatchResponse response = handler.handleRequest(batch(test, thumbnail, poison), null);

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier()).isEqualTo(poison.getMessageId()));
    }

    /** A PENDING upload whose object has not arrived. */
    private Upload pending(String name, String contentType, long declaredBytes) {
        return system.call(() -> {
            context.getBean(TenantProfiles.class).createPending("Media test", Tier.PREMIUM, "admin@" + tenantId + ".test");
            String uploadId = UUID.randomUUID().toString();
            Instant now = Instant.now();
            Upload upload = new Upload(uploadId, "member-1", name, contentType, declaredBytes, UploadKeys.of(tenantId, uploadId, name),
                    UploadStatus.PENDING, now, now.plusSeconds(600), null, null, null, null, null);
            Uploads uploads = context.getBean(Uploads.class);
            assertThat(uploads.createIfNoGrantSince(uploads.grantsSoFar(), upload)).isTrue();
            return upload;
        });
    }

    /**
     * An upload the completion check accepted, with its object: marked UPLOADED with the stored
     * object's ETag here, unless a local system running beside this test checked it first (its
     * media processor may then process the object too: the outcome is the same, recorded once).
     */
    private Upload uploaded(String name, String contentType, byte[] bytes) {
        Upload upload = pending(name, contentType, bytes.length);
        String etag = s3.putObject(request -> request.bucket(bucket).key(upload.key()).contentType(contentType), RequestBody.fromBytes(bytes)).eTag();
        system.run(() -> context.getBean(Uploads.class).markUploaded(upload.uploadId(), bytes.length, etag, Long.MAX_VALUE / 2));
        assertThat(find(upload).status()).isEqualTo(UploadStatus.UPLOADED);
        return upload;
    }

    private Upload find(Upload upload) {
        return system.call(() -> context.getBean(Uploads.class).find(upload.uploadId()).orElseThrow());
    }

    /** S3's event as the topic delivers it raw; the key encoded as the emulator encodes it (Python's quote_plus). */
    private static SQSEvent.SQSMessage objectCreated(String key) {
        return message("""
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"%s",\
                "eventName":"ObjectCreated:Put","s3":{"s3SchemaVersion":"1.0","configurationId":"uploads-to-processors",\
                "bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},"object":{"key":"%s","size":1,"eTag":"e"}}}]}"""
                .formatted(Instant.now(), bucket, bucket, URLEncoder.encode(key, StandardCharsets.UTF_8)));
    }

    private static SQSEvent.SQSMessage message(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:tessera-upload-media");
        return message;
    }

    private static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }
}
