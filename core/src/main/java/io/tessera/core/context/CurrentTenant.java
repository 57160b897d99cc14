package io.tessera.core.context;

import io.micronaut.multitenancy.exceptions.TenantNotFoundException;
import io.micronaut.multitenancy.tenantresolver.TenantResolver;
import jakarta.inject.Singleton;

/**
 * The tenant of the work in progress, as set in {@link CallContext}. Repositories ask this for
 * the tenant; there is no other way for them to learn it, so no caller can pass another one.
 */
@Singleton
public class CurrentTenant implements TenantResolver {

    @Override
    public String resolveTenantIdentifier() {
        return CallContext.current()
                .map(CallContext::tenantId)
                .orElseThrow(() -> new TenantNotFoundException("no tenant in the current call context"));
    }
}
