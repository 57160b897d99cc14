package io.tessera.core.uploads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadKeysTest {

    @Test
    void anUploadsKeyNamesItsTenantAndUpload() {
        String key = UploadKeys.of("acme", "7f1c2a-01", "photo.png");

        assertThat(key).isEqualTo("tenants/acme/uploads/7f1c2a-01/photo.png");
        assertThat(UploadKeys.ownerOf(key)).contains(new UploadKeys.Owner("acme", "7f1c2a-01"));
    }

    @Test
    void anObjectInAUsersOwnFolderIsOneUploadNamedByItsKey() {
        String key = "tenants/acme/direct/0e8f-77/scans/2026/invoice.pdf";

        assertThat(UploadKeys.directOwnerOf(key)).contains(new UploadKeys.DirectOwner("acme", "0e8f-77", "scans/2026/invoice.pdf"));
        assertThat(UploadKeys.ownerOf(key)).get().satisfies(owner -> {
            assertThat(owner.tenantId()).isEqualTo("acme");
            assertThat(owner.uploadId()).isEqualTo(UploadKeys.ownerOf(key).orElseThrow().uploadId()).matches("[0-9a-f-]{36}");
        });
        assertThat(UploadKeys.ownerOf(key).orElseThrow().uploadId())
                .isNotEqualTo(UploadKeys.ownerOf("tenants/acme/direct/0e8f-77/scans/2026/other.pdf").orElseThrow().uploadId());
        assertThat(UploadKeys.directOwnerOf("tenants/acme/uploads/u1/a.png")).isEmpty();
        assertThat(UploadKeys.directOwnerOf("tenants/acme/direct/0e8f-77/")).isEmpty();
    }

    @Test
    void keysThatAreNotAnUploadsBelongToNobody() {
        for (String key : new String[]{"photo.png", "tenants/acme/photo.png", "tenants/acme/uploads/u1/dir/photo.png",
                "tenants/ACME/uploads/u1/photo.png", "tenants/acme/uploads/u1/", "other/acme/uploads/u1/photo.png",
                "tenants/acme/uploads/../u1/photo.png"}) {
            assertThat(UploadKeys.ownerOf(key)).as(key).isEmpty();
        }
    }

    @Test
    void anUploadsThumbnailsLiveUnderItsTenantsPrefixOutsideItsUploads() {
        UploadKeys.Owner owner = new UploadKeys.Owner("acme", "7f1c2a-01");

        assertThat(UploadKeys.thumbnail(owner, 128, ThumbnailFormat.PNG)).isEqualTo("tenants/acme/thumbnails/7f1c2a-01/128.png");
        assertThat(UploadKeys.thumbnail(owner, 512, ThumbnailFormat.JPEG)).isEqualTo("tenants/acme/thumbnails/7f1c2a-01/512.jpg");
    }

    @Test
    void aThumbnailsKeyIsRecognisedAndIsNoUploadsKey() {
        String thumbnail = UploadKeys.thumbnail(new UploadKeys.Owner("acme", "u1"), 128, ThumbnailFormat.PNG);

        assertThat(UploadKeys.isThumbnail(thumbnail)).isTrue();
        assertThat(UploadKeys.ownerOf(thumbnail)).isEmpty();
        assertThat(UploadKeys.isThumbnail(UploadKeys.of("acme", "u1", "128.png"))).isFalse();
        assertThat(UploadKeys.isThumbnail("tenants/acme/thumbnails/u1/128.html")).isFalse();
        assertThat(UploadKeys.isThumbnail("tenants/acme/thumbnails/u1/x/128.png")).isFalse();
    }
}
