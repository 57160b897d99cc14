package io.tessera.api.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.preconditions.EntityTags;
import io.tessera.api.tenants.TenantView;
import io.tessera.api.text.TextLength;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.problems.InvalidValueException;
import io.tessera.core.resources.Roles;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantAdministration;
import io.tessera.core.tenants.TenantDirectory;
import io.tessera.core.tenants.TenantStatus;
import io.tessera.core.tenants.Tier;
import io.tessera.core.tenants.Tiers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.util.Arrays;

/** Platform admins: every tenant, its tier, suspension and reactivation. */
@Controller("/admin/tenants")
@Secured(Roles.PLATFORM_ADMINS)
class PlatformTenantsController {

    private final TenantDirectory directory;
    private final TenantAdministration administration;
    private final Tiers tiers;

    PlatformTenantsController(TenantDirectory directory, TenantAdministration administration, Tiers tiers) {
        this.directory = directory;
        this.administration = administration;
        this.tiers = tiers;
    }

    /** What a platform admin may set a tenant's status to. */
    @Serdeable
    enum StatusChange {
        ACTIVE(TenantStatus.ACTIVE), SUSPENDED(TenantStatus.SUSPENDED);

        private final TenantStatus status;

        StatusChange(TenantStatus status) {
            this.status = status;
        }

        @JsonValue
        String wireName() {
            return status.wireName();
        }

        @JsonCreator
        static StatusChange fromWireName(String status) {
            return Arrays.stream(values()).filter(change -> change.wireName().equals(status)).findFirst()
                    .orElseThrow(() -> new InvalidValueException("status must be active or suspended"));
        }
    }

    /** A tier, a status, or both; what is left out (or null) stays as it is. */
    @Serdeable
    record TenantChange(@Nullable Tier tier, @Nullable StatusChange status) {
    }

    @Get
    Page<TenantView> list(@QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                          @QueryValue @Nullable @TextLength(max = 2048) String cursor) {
        return directory.list(PageRequest.of(limit, cursor)).map(this::view);
    }

    @Get("/{tenantId}")
    HttpResponse<TenantView> get(@PathVariable @Pattern(regexp = "[a-z0-9]{1,64}") String tenantId) {
        TenantView tenant = view(administration.get(tenantId));
        return EntityTags.tagged(HttpResponse.ok(tenant), tenant.version());
    }

    /** Conditional on the version read when If-Match is sent (412 if the tenant's settings moved on). */
    @Patch("/{tenantId}")
    HttpResponse<TenantView> change(@PathVariable @Pattern(regexp = "[a-z0-9]{1,64}") String tenantId,
                                    @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch, @Body TenantChange change) {
        TenantView tenant = view(administration.change(tenantId, change.tier(), change.status() == null ? null : change.status().status,
                EntityTags.ifMatch(ifMatch)));
        return EntityTags.tagged(HttpResponse.ok(tenant), tenant.version());
    }

    /** Recomputes a tenant's analytics from its orders (repair and backfill). */
    @Post("/{tenantId}/analytics/rebuild")
    TenantAdministration.Rebuild rebuildAnalytics(@PathVariable @Pattern(regexp = "[a-z0-9]{1,64}") String tenantId) {
        return administration.rebuildAnalytics(tenantId);
    }

    private TenantView view(Tenant tenant) {
        return TenantView.of(tenant, tiers.of(tenant.tier()));
    }
}
