package io.tessera.core.uploads;

import io.tessera.core.resources.ResourcesConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator does not check presigned signatures, so the binding of an upload URL to its key,
 * type, size and lifetime is proved on the signed request itself.
 */
class UploadUrlsTest {

    private final S3Presigner presigner = S3Presigner.builder()
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();

    @AfterEach
    void close() {
        presigner.close();
    }

    private UploadUrls urls(Duration ttl) {
        return new UploadUrls(presigner, resources(), configuration(ttl));
    }

    @Test
    void anUploadUrlSignsTheContentTypeTheLengthAndCreateOnlySoS3RefusesAnythingElse() {
        UploadUrls.SignedRequest request = urls(Duration.ofMinutes(10)).upload("tenants/t1/uploads/u1/a.png", "image/png", 2048);

        Map<String, String> query = query(request);
        assertThat(Arrays.asList(query.get("X-Amz-SignedHeaders").split(";"))).contains("content-type", "content-length", "if-none-match", "host");
        assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.headers()).containsExactlyInAnyOrderEntriesOf(Map.of("Content-Type", "image/png", "Content-Length", "2048", "If-None-Match", "*"));
        assertThat(request.url().getPath()).endsWith("/tenants/t1/uploads/u1/a.png");
    }

    @Test
    void anUploadUrlExpiresWithinTheConfiguredTime() {
        assertThat(query(urls(Duration.ofMinutes(5)).upload("k", "text/plain", 1)).get("X-Amz-Expires")).isEqualTo("300");
    }

    @Test
    void noUploadUrlLivesLongerThanFifteenMinutesWhateverTheConfiguration() {
        assertThat(query(urls(Duration.ofHours(2)).upload("k", "text/plain", 1)).get("X-Amz-Expires")).isEqualTo("900");
    }

    private static Map<String, String> query(UploadUrls.SignedRequest request) {
        return Arrays.stream(request.url().getQuery().split("&"))
                .map(parameter -> parameter.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static ResourcesConfiguration resources() {
        return new ResourcesConfiguration() {
            public String getMainTable() { return "tessera-main"; }
            public String getConnectionsTable() { return "tessera-connections"; }
            public String getAnalyticsTable() { return "tessera-analytics"; }
            public String getUploadsBucket() { return "tessera-uploads"; }
            public String getEventBus() { return "tessera"; }
            public String getSigningKeySecret() { return "tessera-signing-key"; }
        };
    }

    private static UploadsConfiguration configuration(Duration ttl) {
        return new UploadsConfiguration() {
            public List<String> getAllowedContentTypes() { return List.of("image/png"); }
            public Duration getUrlTtl() { return ttl; }
            public Duration getPendingTtl() { return Duration.ofHours(1); }
        };
    }
}
