package io.tessera.e2e.support;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.model.Tenant;
import io.tessera.client.model.TenantPage;

import java.util.ArrayList;
import java.util.List;

/** The seeded platform admin, for tests that look across tenants. */
public final class PlatformAdmin {

    private PlatformAdmin() {
    }

    public static ApiClient client() throws ApiException {
        return LocalSystem.as(LocalSystem.platformAdmin().idToken());
    }

    public static List<Tenant> allTenants() throws ApiException {
        TenantsApi tenants = new TenantsApi(client());
        List<Tenant> all = new ArrayList<>();
        String cursor = null;
        do {
            TenantPage page = tenants.listTenants(100, cursor);
            all.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }
}
