package io.tessera.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.UploadsApi;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.client.model.Upload;
import io.tessera.client.model.UploadGrant;
import io.tessera.client.model.UploadProcessing;
import io.tessera.client.model.UploadRequest;
import io.tessera.client.model.UploadStatus;
import io.tessera.client.model.UploadThumbnail;
import io.tessera.e2e.support.Eventually;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.S3Requests;
import io.tessera.e2e.support.SampleFiles;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processing fan-out end to end: S3's object-created event reaches the completion check and the
 * media processor through one SNS topic and a queue each; images get dimensions and thumbnails, PDFs a
 * page count, announced as {@code upload.processed}; what is not what it claims is rejected or refused.
 */
class UploadProcessingIT {

    private static TestTenant tenant;
    private static TestTenant.Member member;

    @BeforeAll
    static void aTenant() throws ApiException {
        tenant = TestTenant.signUp(Tier.STANDARD);
        member = tenant.invite(Role.MEMBERS);
    }

    private static UploadGrant uploadAs(ApiClient client, String name, String type, byte[] bytes) throws Exception {
        UploadGrant grant = new UploadsApi(client).requestUpload(new UploadRequest().fileName(name)
                .contentType(UploadRequest.ContentTypeEnum.fromValue(type)).sizeBytes((long) bytes.length));
        assertThat(S3Requests.upload(grant, bytes)).isEqualTo(200);
        return grant;
    }

    private static Upload processed(ApiClient client, String uploadId) throws Exception {
        return Eventually.await(Duration.ofSeconds(30), "upload " + uploadId + " to be processed", () -> {
            Upload upload = new UploadsApi(client).getUpload(uploadId);
            return upload.getProcessing() == null ? Optional.empty() : Optional.of(upload);
        });
    }

    private static BufferedImage image(String url) throws Exception {
        HttpResponse<byte[]> response = S3Requests.get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    @Test
    void aPngGetsItsDimensionsAndThumbnailsOf128And512PixelsAndItsUploaderHearsOfIt() throws Exception {
        ApiClient client = member.client();
        try (WsClient socket = WsClient.connect(member.login().idToken())) {
            socket.subscribe("uploads");
            UploadGrant grant = uploadAs(client, "wide.png", "image/png", SampleFiles.png(900, 600));

            Upload upload = processed(client, grant.getUpload().getUploadId());

            assertThat(upload.getStatus()).isEqualTo(UploadStatus.UPLOADED);
            UploadProcessing processing = upload.getProcessing();
            assertThat(processing.getStatus()).isEqualTo(UploadProcessing.StatusEnum.PROCESSED);
            assertThat(processing.getWidth()).isEqualTo(900);
            assertThat(processing.getHeight()).isEqualTo(600);
            assertThat(processing.getThumbnails()).extracting(UploadThumbnail::getSize, UploadThumbnail::getWidth, UploadThumbnail::getHeight)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(128, 128, 85), org.assertj.core.groups.Tuple.tuple(512, 512, 341));
            for (UploadThumbnail thumbnail : processing.getThumbnails()) {
                assertThat(thumbnail.getContentType()).isEqualTo(UploadThumbnail.ContentTypeEnum.IMAGE_PNG);
                assertThat(thumbnail.getUrl().toString()).contains("/tenants/" + tenant.id() + "/thumbnails/" + upload.getUploadId() + "/");
                BufferedImage decoded = image(thumbnail.getUrl().toString());
                assertThat(new int[] {decoded.getWidth(), decoded.getHeight()}).containsExactly(thumbnail.getWidth(), thumbnail.getHeight());
            }
            WsClient.Received announced = socket.await(message -> message.type().equals("upload.processed"), Duration.ofSeconds(10));
            assertThat(announced.message().path("uploadId").asText()).isEqualTo(upload.getUploadId());
            assertThat(announced.message().path("status").asText()).isEqualTo("PROCESSED");
            assertThat(announced.message().path("width").asInt()).isEqualTo(900);
        }
    }

    @Test
    void aJpegPhotosThumbnailsAreJpegsWithoutItsLocation() throws Exception {
        byte[] photo = SampleFiles.jpegWithLocation(640, 480);
        UploadGrant grant = uploadAs(member.client(), "holiday.jpg", "image/jpeg", photo);

        Upload upload = processed(member.client(), grant.getUpload().getUploadId());

        assertThat(upload.getProcessing().getStatus()).isEqualTo(UploadProcessing.StatusEnum.PROCESSED);
        assertThat(upload.getProcessing().getThumbnails()).hasSize(2).allSatisfy(thumbnail -> {
            assertThat(thumbnail.getContentType()).isEqualTo(UploadThumbnail.ContentTypeEnum.IMAGE_JPEG);
            byte[] served = S3Requests.get(thumbnail.getUrl().toString()).body();
            assertThat(served).startsWith((byte) 0xFF, (byte) 0xD8);
            assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPSLatitude");
        });
    }

    @Test
    void aPdfGetsItsPageCountAndNoThumbnails() throws Exception {
        UploadGrant grant = uploadAs(member.client(), "terms.pdf", "application/pdf", SampleFiles.pdf(3));

        UploadProcessing processing = processed(member.client(), grant.getUpload().getUploadId()).getProcessing();

        assertThat(processing.getStatus()).isEqualTo(UploadProcessing.StatusEnum.PROCESSED);
        assertThat(processing.getPageCount()).isEqualTo(3);
        assertThat(processing.getThumbnails()).isEmpty();
    }

    @Test
    void anHtmlPageDeclaredAsPngIsRejectedAndNeverProcessed() throws Exception {
        UploadGrant grant = uploadAs(member.client(), "cat.png", "image/png", SampleFiles.HTML);

        Upload upload = Eventually.await(Duration.ofSeconds(20), "the disguised page to be checked", () -> {
            Upload checked = new UploadsApi(member.client()).getUpload(grant.getUpload().getUploadId());
            return checked.getStatus() == UploadStatus.PENDING ? Optional.empty() : Optional.of(checked);
        });

        assertThat(upload.getStatus()).isEqualTo(UploadStatus.REJECTED);
        assertThat(upload.getRejectionReason()).isEqualTo("The object's bytes are text/html; image/png was declared.");
        assertThat(upload.getProcessing()).isNull();
        assertThat(upload.getDownloadUrl()).isNull();
    }

    @Test
    void aPngWhoseHeaderDeclaresTenGigapixelsIsRefusedWithoutThumbnails() throws Exception {
        byte[] bomb = SampleFiles.pngDeclaring(100_000, 100_000);
        try (WsClient socket = WsClient.connect(member.login().idToken())) {
            socket.subscribe("uploads");
            UploadGrant grant = uploadAs(member.client(), "bomb.png", "image/png", bomb);

            Upload upload = processed(member.client(), grant.getUpload().getUploadId());

            assertThat(bomb.length).isLessThan(200);
            assertThat(upload.getStatus()).isEqualTo(UploadStatus.UPLOADED);
            UploadProcessing processing = upload.getProcessing();
            assertThat(processing.getStatus()).isEqualTo(UploadProcessing.StatusEnum.REFUSED);
            assertThat(processing.getReason()).isEqualTo("The image declares 100000 × 100000 pixels; at most 40000000 pixels are processed.");
            assertThat(processing.getWidth()).isEqualTo(100_000);
            assertThat(processing.getThumbnails()).isEmpty();
            WsClient.Received announced = socket.await(message -> message.type().equals("upload.processed"), Duration.ofSeconds(10));
            assertThat(announced.message().path("status").asText()).isEqualTo("REFUSED");
        }
    }

    @Test
    void anotherTenantAndAnotherMemberCannotSeeAnImagesThumbnails() throws Exception {
        UploadGrant grant = uploadAs(member.client(), "private.png", "image/png", SampleFiles.png(300, 200));
        String uploadId = grant.getUpload().getUploadId();
        processed(member.client(), uploadId);
        TestTenant elsewhere = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member colleague = tenant.invite(Role.MEMBERS);

        expectProblem(404, () -> new UploadsApi(elsewhere.asAdmin()).getUpload(uploadId));
        expectProblem(404, () -> new UploadsApi(colleague.client()).getUpload(uploadId));
        assertThat(new UploadsApi(elsewhere.asAdmin()).listUploads(100, null).getItems()).extracting(Upload::getUploadId).doesNotContain(uploadId);
        assertThat(new UploadsApi(tenant.asAdmin()).getUpload(uploadId).getProcessing().getThumbnails()).hasSize(2);
    }

    @Test
    void anUploadIdThatIsNoIdIs400AndListsCarryNoThumbnailUrls() throws Exception {
        String token = member.login().idToken();

        assertThat(RawHttp.send("GET", "/uploads/" + "x".repeat(65), token, null).statusCode()).isEqualTo(400);
        assertThat(RawHttp.send("GET", "/uploads/not_an_id", token, null).statusCode()).isEqualTo(400);
        UploadGrant grant = uploadAs(member.client(), "listed.png", "image/png", SampleFiles.png(50, 50));
        processed(member.client(), grant.getUpload().getUploadId());
        // The generated client turns an absent list into an empty one: read the listing's JSON itself.
        JsonNode listed = StreamSupport.stream(new ObjectMapper().readTree(RawHttp.send("GET", "/uploads?limit=100", token, null).body())
                        .path("items").spliterator(), false)
                .filter(item -> item.path("uploadId").asText().equals(grant.getUpload().getUploadId()))
                .findFirst().orElseThrow();
        assertThat(listed.path("processing").path("status").asText()).isEqualTo("PROCESSED");
        assertThat(listed.path("processing").has("thumbnails")).isFalse();
        assertThat(listed.has("downloadUrl")).isFalse();
    }
}
