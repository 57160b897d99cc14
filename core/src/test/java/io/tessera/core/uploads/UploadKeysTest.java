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
    void keysThatAreNotAnUploadsBelongToNobody() {
        for (String key : new String[]{"photo.png", "tenants/acme/photo.png", "tenants/acme/uploads/u1/dir/photo.png",
                "tenants/ACME/uploads/u1/photo.png", "tenants/acme/uploads/u1/", "other/acme/uploads/u1/photo.png",
                "tenants/acme/uploads/../u1/photo.png"}) {
            assertThat(UploadKeys.ownerOf(key)).as(key).isEmpty();
        }
    }
}
