package io.tessera.core.tenants;

import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.data.PlatformItems;
import jakarta.inject.Singleton;

/** Every tenant, for platform admins. */
@Singleton
public class TenantDirectory {

    private final PlatformItems platformItems;

    TenantDirectory(PlatformItems platformItems) {
        this.platformItems = platformItems;
    }

    public Page<Tenant> list(PageRequest page) {
        return platformItems.tenantProfiles(page).map(TenantProfiles::toTenant);
    }
}
