package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.UploadsApi;
import io.tessera.client.model.AwsCredentials;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.client.model.Upload;
import io.tessera.client.model.UploadProcessing;
import io.tessera.client.model.UploadStatus;
import io.tessera.e2e.support.Eventually;
import io.tessera.e2e.support.Problems;
import io.tessera.e2e.support.S3Requests;
import io.tessera.e2e.support.SampleFiles;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Objects a user puts straight into their own folder with the credentials of
 * {@code POST /auth/aws-credentials} go through the same completion check and processing as
 * granted uploads (SPEC §13). The emulator neither checks signatures nor evaluates IAM, so these
 * PUTs stand for what the credentials allow in AWS (TenantFileCredentialsTest proves that on the
 * template); here, what Tessera does with the objects.
 */
class DirectUploadsIT {

    private static TestTenant tenant;
    private static TestTenant.Member member;
    private static AwsCredentials credentials;

    @BeforeAll
    static void aMemberWithCredentials() throws ApiException {
        tenant = TestTenant.signUp(Tier.STANDARD);
        member = tenant.invite(Role.MEMBERS);
        credentials = new AuthApi(member.client()).getAwsCredentials();
    }

    private static String objectUrl(String key) {
        return System.getenv("AWS_ENDPOINT_URL") + "/" + credentials.getBucket() + "/" + key;
    }

    private static Upload settledUpload(ApiClient client, String fileName) throws Exception {
        return Eventually.await(Duration.ofSeconds(30), "an upload named " + fileName, () -> new UploadsApi(client).listUploads(100, null)
                .getItems().stream()
                .filter(upload -> upload.getFileName().equals(fileName) && upload.getStatus() != UploadStatus.PENDING)
                .findFirst());
    }

    @Test
    void aPngPutInTheOwnFolderBecomesTheUploadersUploadAndIsProcessed() throws Exception {
        String name = "scan-" + UUID.randomUUID().toString().substring(0, 8) + ".png";

        assertThat(S3Requests.putUnsigned(objectUrl(credentials.getKeyPrefix() + name), "image/png", SampleFiles.png(300, 200))).isEqualTo(200);

        Upload upload = settledUpload(member.client(), name);
        assertThat(upload.getStatus()).isEqualTo(UploadStatus.UPLOADED);
        assertThat(upload.getOwnerId()).isEqualTo(member.userId());
        Upload processed = Eventually.await(Duration.ofSeconds(30), "its processing", () -> {
            Upload now = new UploadsApi(member.client()).getUpload(upload.getUploadId());
            return now.getProcessing() == null ? Optional.empty() : Optional.of(now);
        });
        assertThat(processed.getProcessing().getStatus()).isEqualTo(UploadProcessing.StatusEnum.PROCESSED);
        assertThat(processed.getProcessing().getWidth()).isEqualTo(300);
        assertThat(S3Requests.get(processed.getDownloadUrl().toString()).body()).isEqualTo(SampleFiles.png(300, 200));
    }

    @Test
    void anHtmlPageDeclaredAsPngOrATypeOffTheAllowlistIsRejectedAndDeleted() throws Exception {
        String page = "page-" + UUID.randomUUID().toString().substring(0, 8) + ".png";
        String script = "run-" + UUID.randomUUID().toString().substring(0, 8) + ".sh";

        S3Requests.putUnsigned(objectUrl(credentials.getKeyPrefix() + page), "image/png", "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8));
        S3Requests.putUnsigned(objectUrl(credentials.getKeyPrefix() + script), "application/x-sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));

        Upload html = settledUpload(member.client(), page);
        assertThat(html.getStatus()).isEqualTo(UploadStatus.REJECTED);
        assertThat(html.getRejectionReason()).contains("text/html");
        Upload shell = settledUpload(member.client(), script.replace(".sh", "_sh"));
        assertThat(shell.getStatus()).isEqualTo(UploadStatus.REJECTED);
        assertThat(S3Requests.get(objectUrl(credentials.getKeyPrefix() + page)).statusCode()).isEqualTo(404);
    }

    @Test
    void anObjectInTheFolderOfNoUserOfTheTenantIsDeletedAndBecomesNobodysUpload() throws Exception {
        String stray = "tenants/" + tenant.id() + "/direct/" + UUID.randomUUID() + "/x.png";

        assertThat(S3Requests.putUnsigned(objectUrl(stray), "image/png", SampleFiles.png(4, 4))).isEqualTo(200);

        Eventually.await(Duration.ofSeconds(20), "the stray object to be deleted", () ->
                S3Requests.get(objectUrl(stray)).statusCode() == 404 ? Optional.of(true) : Optional.empty());
        assertThat(new UploadsApi(tenant.asAdmin()).listUploads(100, null).getItems())
                .noneMatch(upload -> upload.getFileName().equals("x.png"));
    }

    @Test
    void anotherTenantCannotSeeADirectUpload() throws Exception {
        String name = "private-" + UUID.randomUUID().toString().substring(0, 8) + ".png";
        S3Requests.putUnsigned(objectUrl(credentials.getKeyPrefix() + name), "image/png", SampleFiles.png(4, 4));
        Upload upload = settledUpload(member.client(), name);
        TestTenant other = TestTenant.signUp(Tier.BASIC);

        Problems.expectProblem(404, () -> new UploadsApi(other.asAdmin()).getUpload(upload.getUploadId()));
        assertThat(new UploadsApi(tenant.asAdmin()).getUpload(upload.getUploadId()).getUploadId()).isEqualTo(upload.getUploadId());
    }
}
