package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.CatalogApi;
import io.tessera.client.api.UploadsApi;
import io.tessera.client.model.ProductRequest;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.client.model.Upload;
import io.tessera.client.model.UploadGrant;
import io.tessera.client.model.UploadRequest;
import io.tessera.client.model.UploadStatus;
import io.tessera.e2e.support.Eventually;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.S3Requests;
import io.tessera.e2e.support.SampleFiles;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class UploadsIT {

    private static final byte[] PNG = SampleFiles.png(4, 4);

    private static TestTenant tenant;
    private static TestTenant.Member member;

    @BeforeAll
    static void aTenant() throws ApiException {
        tenant = TestTenant.signUp(Tier.STANDARD);
        member = tenant.invite(Role.MEMBERS);
    }

    private static UploadGrant grant(ApiClient client, String name, String type, long size) throws ApiException {
        return new UploadsApi(client).requestUpload(new UploadRequest().fileName(name)
                .contentType(UploadRequest.ContentTypeEnum.fromValue(type)).sizeBytes(size));
    }

    private static Upload settled(ApiClient client, String uploadId) throws Exception {
        return Eventually.await(Duration.ofSeconds(20), "upload " + uploadId + " to be checked", () -> {
            Upload upload = new UploadsApi(client).getUpload(uploadId);
            return upload.getStatus() == UploadStatus.PENDING ? Optional.empty() : Optional.of(upload);
        });
    }

    @Test
    void aFileUploadedWithTheGrantBecomesUploadedIsAnnouncedAndDownloadsByteForByte() throws Exception {
        ApiClient client = member.client();
        try (WsClient socket = WsClient.connect(member.login().idToken())) {
            socket.subscribe("uploads");
            UploadGrant grant = grant(client, "photo.png", "image/png", PNG.length);

            assertThat(S3Requests.upload(grant, PNG)).isEqualTo(200);

            Upload upload = settled(client, grant.getUpload().getUploadId());
            assertThat(upload.getStatus()).isEqualTo(UploadStatus.UPLOADED);
            assertThat(upload.getSizeBytes()).isEqualTo(PNG.length);
            assertThat(S3Requests.get(upload.getDownloadUrl().toString()).body()).isEqualTo(PNG);
            WsClient.Received completed = socket.await(message -> message.type().equals("upload.completed"), Duration.ofSeconds(10));
            assertThat(completed.message().path("uploadId").asText()).isEqualTo(upload.getUploadId());
            assertThat(completed.message().path("status").asText()).isEqualTo("UPLOADED");
        }
    }

    @Test
    void theGrantsUrlSentAgainAfterTheCheckCannotReplaceTheCheckedBytes() throws Exception {
        ApiClient client = member.client();
        UploadGrant grant = grant(client, "photo.png", "image/png", PNG.length);
        assertThat(S3Requests.upload(grant, PNG)).isEqualTo(200);
        Upload upload = settled(client, grant.getUpload().getUploadId());
        byte[] page = Arrays.copyOf("<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII), PNG.length);

        assertThat(S3Requests.upload(grant, page)).as("the same signed PUT again").isEqualTo(412);

        assertThat(S3Requests.get(new UploadsApi(client).getUpload(upload.getUploadId()).getDownloadUrl().toString()).body()).isEqualTo(PNG);
    }

    @Test
    void anAcceptedObjectReplacedAnotherWayIsDeletedAndItsUploadRejected() throws Exception {
        ApiClient client = member.client();
        UploadGrant grant = grant(client, "photo.png", "image/png", PNG.length);
        assertThat(S3Requests.upload(grant, PNG)).isEqualTo(200);
        String uploadId = settled(client, grant.getUpload().getUploadId()).getUploadId();
        byte[] page = Arrays.copyOf("<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII), PNG.length);

        // The emulator does not check signatures: this PUT stands for any writer but the grant's.
        assertThat(S3Requests.putUnsigned(grant.getUrl().toString(), "image/png", page)).isEqualTo(200);

        Upload rejected = Eventually.await(Duration.ofSeconds(20), "the replaced upload to be rejected", () -> {
            Upload now = new UploadsApi(client).getUpload(uploadId);
            return now.getStatus() == UploadStatus.REJECTED ? Optional.of(now) : Optional.empty();
        });
        assertThat(rejected.getRejectionReason()).contains("replaced");
        assertThat(S3Requests.get(grant.getUrl().toString().split("\\?")[0]).statusCode()).isEqualTo(404);
    }

    @Test
    void anAcceptedObjectWhoseStoredTypeACopyOntoItselfChangesIsDeletedAndItsUploadRejected() throws Exception {
        ApiClient client = member.client();
        UploadGrant grant = grant(client, "photo.png", "image/png", PNG.length);
        assertThat(S3Requests.upload(grant, PNG)).isEqualTo(200);
        Upload upload = settled(client, grant.getUpload().getUploadId());
        assertThat(S3Requests.get(upload.getDownloadUrl().toString()).headers().firstValue("content-type")).contains("image/png");
        String objectUrl = grant.getUrl().toString().split("\\?")[0];
        String bucketAndKey = URI.create(objectUrl).getPath().substring(1);
        String bucket = bucketAndKey.substring(0, bucketAndKey.indexOf('/'));

        String key = bucketAndKey.substring(bucket.length() + 1);
        try (S3Client s3 = S3Client.builder().forcePathStyle(true).build()) {
            s3.copyObject(request -> request.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey(key)
                    .metadataDirective(MetadataDirective.REPLACE).contentType("text/html"));
        }

        Upload rejected = Eventually.await(Duration.ofSeconds(20), "the retyped upload to be rejected", () -> {
            Upload now = new UploadsApi(client).getUpload(upload.getUploadId());
            return now.getStatus() == UploadStatus.REJECTED ? Optional.of(now) : Optional.empty();
        });
        assertThat(rejected.getRejectionReason()).contains("replaced");
    }

    @Test
    void anObjectLargerThanDeclaredIsRejectedAndDeleted() throws Exception {
        UploadGrant grant = grant(member.client(), "small.png", "image/png", 4);

        S3Requests.putUnsigned(grant.getUrl().toString(), "image/png", PNG);

        Upload upload = settled(member.client(), grant.getUpload().getUploadId());
        assertThat(upload.getStatus()).isEqualTo(UploadStatus.REJECTED);
        assertThat(upload.getRejectionReason()).contains("bytes");
        assertThat(upload.getDownloadUrl()).isNull();
        assertThat(S3Requests.get(grant.getUrl().toString()).statusCode()).isEqualTo(404);
    }

    @Test
    void anObjectOfAnotherTypeIsRejectedAndDeleted() throws Exception {
        UploadGrant grant = grant(member.client(), "doc.pdf", "application/pdf", PNG.length);

        S3Requests.putUnsigned(grant.getUrl().toString(), "image/png", PNG);

        assertThat(settled(member.client(), grant.getUpload().getUploadId()).getStatus()).isEqualTo(UploadStatus.REJECTED);
        assertThat(S3Requests.get(grant.getUrl().toString()).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/csv", "text/plain"})
    void aFileOfEachAllowedTypeIsUploadedButAnHtmlPageDeclaredAsThatTypeIsRejectedAndDeleted(String type) throws Exception {
        byte[] real = SampleFiles.ofEveryAllowedType().get(type);
        UploadGrant genuine = grant(member.client(), "genuine", type, real.length);
        UploadGrant disguised = grant(member.client(), "disguised", type, SampleFiles.HTML.length);

        assertThat(S3Requests.upload(genuine, real)).isEqualTo(200);
        assertThat(S3Requests.upload(disguised, SampleFiles.HTML)).isEqualTo(200);

        assertThat(settled(member.client(), genuine.getUpload().getUploadId()).getStatus()).isEqualTo(UploadStatus.UPLOADED);
        Upload rejected = settled(member.client(), disguised.getUpload().getUploadId());
        assertThat(rejected.getStatus()).isEqualTo(UploadStatus.REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo("The object's bytes are text/html; " + type + " was declared.");
        assertThat(S3Requests.get(disguised.getUrl().toString()).statusCode()).isEqualTo(404);
    }

    @Test
    void anObjectAtAKeyNoUploadWaitsForIsDeleted() throws Exception {
        UploadGrant grant = grant(member.client(), "real.png", "image/png", PNG.length);
        String forged = grant.getUrl().toString().replace(grant.getUpload().getUploadId(), UUID.randomUUID().toString());

        assertThat(S3Requests.putUnsigned(forged, "image/png", PNG)).isEqualTo(200);

        Eventually.await(Duration.ofSeconds(20), "the forged object to be deleted", () ->
                S3Requests.get(forged).statusCode() == 404 ? Optional.of(true) : Optional.empty());
    }

    @Test
    void aFileIsNamedWithAnExtensionOfItsDeclaredTypeSoItNeverDownloadsAsAPageOrScript() throws ApiException {
        assertThat(grant(member.client(), "invoice.html", "image/png", 10).getUpload().getFileName()).isEqualTo("invoice.html.png");
        assertThat(grant(member.client(), "run.hta", "application/pdf", 10).getUpload().getFileName()).isEqualTo("run.hta.pdf");
        assertThat(grant(member.client(), "photo.jpeg", "image/jpeg", 10).getUpload().getFileName()).isEqualTo("photo.jpeg");
    }

    @Test
    void traversalNamesStayInsideTheTenantsUploadFolder() throws ApiException {
        UploadGrant grant = grant(member.client(), "../../../tenants/other/uploads/x/evil.png", "image/png", 10);

        assertThat(grant.getUpload().getFileName()).isEqualTo("evil.png");
        assertThat(grant.getUrl().toString()).contains("/tenants/" + tenant.id() + "/uploads/" + grant.getUpload().getUploadId() + "/evil.png")
                .doesNotContain("..");
    }

    @Test
    void typesOffTheAllowlistAre415SizesOverTheTierAre413AndOverEveryTier400() throws ApiException {
        long overTier = tenant.tenant().getLimits().getMaxUploadBytes() + 1;
        String token = member.login().idToken();

        assertThat(RawHttp.send("POST", "/uploads", token,
                "{\"fileName\":\"run.sh\",\"contentType\":\"application/x-sh\",\"sizeBytes\":10}").statusCode()).isEqualTo(415);
        expectProblem(413, () -> grant(member.client(), "huge.png", "image/png", overTier));
        assertThat(RawHttp.send("POST", "/uploads", token,
                "{\"fileName\":\"huge.png\",\"contentType\":\"image/png\",\"sizeBytes\":" + Long.MAX_VALUE + "}").statusCode()).isEqualTo(400);
        assertThat(new UploadsApi(member.client()).listUploads(100, null).getItems())
                .noneMatch(upload -> upload.getFileName().equals("run.sh") || upload.getFileName().equals("huge.png"));
    }

    @Test
    void uploadsInProgressCountAgainstTheStorageQuota() throws ApiException {
        TestTenant small = TestTenant.signUp(Tier.BASIC);
        long max = small.tenant().getLimits().getMaxUploadBytes();
        long quota = small.tenant().getLimits().getStorageQuotaBytes();
        ApiClient admin = small.asAdmin();
        for (long granted = 0; granted + max <= quota; granted += max) {
            grant(admin, "part.png", "image/png", max);
        }

        expectProblem(422, () -> grant(admin, "one-more.png", "image/png", max));
    }

    @Test
    void concurrentGrantsCannotShareTheLastFreeBytesOfTheQuota() throws Exception {
        TestTenant small = TestTenant.signUp(Tier.BASIC);
        long max = small.tenant().getLimits().getMaxUploadBytes();
        long fitting = small.tenant().getLimits().getStorageQuotaBytes() / max;
        String token = small.admin().idToken();
        String body = "{\"fileName\":\"part.pdf\",\"contentType\":\"application/pdf\",\"sizeBytes\":" + max + "}";
        List<Integer> statuses;
        try (ExecutorService clients = Executors.newFixedThreadPool(12)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < fitting + 4; i++) {
                answers.add(clients.submit(() -> RawHttp.send("POST", "/uploads", token, body).statusCode()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSizeLessThanOrEqualTo((int) fitting);
        assertThat(statuses).filteredOn(status -> status != 201).allMatch(status -> status == 422 || status == 429);
        assertThat(new UploadsApi(small.asAdmin()).listUploads(100, null).getItems()).hasSizeLessThanOrEqualTo((int) fitting);
    }

    @Test
    void membersSeeOnlyTheirOwnUploadsAndAnotherTenantsUploadIs404() throws Exception {
        TestTenant.Member other = tenant.invite(Role.MEMBERS);
        String mine = grant(member.client(), "mine.png", "image/png", 10).getUpload().getUploadId();
        TestTenant elsewhere = TestTenant.signUp(Tier.STANDARD);
        String foreign = grant(elsewhere.asAdmin(), "theirs.png", "image/png", 10).getUpload().getUploadId();

        expectProblem(404, () -> new UploadsApi(other.client()).getUpload(mine));
        expectProblem(404, () -> new UploadsApi(tenant.asAdmin()).getUpload(foreign));
        assertThat(new UploadsApi(other.client()).listUploads(100, null).getItems()).extracting(Upload::getUploadId).doesNotContain(mine);
        assertThat(new UploadsApi(tenant.asAdmin()).listUploads(100, null).getItems()).extracting(Upload::getUploadId)
                .contains(mine).doesNotContain(foreign);
    }

    @Test
    void aProductImageMustBeAnUploadedImageOfTheTenant() throws Exception {
        ApiClient admin = tenant.asAdmin();
        UploadGrant image = grant(admin, "product.png", "image/png", PNG.length);
        S3Requests.upload(image, PNG);
        settled(admin, image.getUpload().getUploadId());
        String pending = grant(admin, "later.png", "image/png", 10).getUpload().getUploadId();
        ProductRequest product = new ProductRequest().name("Poster").priceMinor(900L).currency("EUR").stock(5);

        assertThat(new CatalogApi(admin).createProduct(product.imageUploadId(image.getUpload().getUploadId())).getImageUploadId())
                .isEqualTo(image.getUpload().getUploadId());
        expectProblem(422, () -> new CatalogApi(admin).createProduct(product.imageUploadId(pending)));
    }
}
