package io.tessera.api.tenants;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.resources.Roles;
import io.tessera.core.tenants.TenantMfaRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** {@code GET/PUT /tenant/mfa-requirement}: whether the caller's tenant requires MFA of every user ({@link TenantMfaRequirement}). */
@Controller("/tenant/mfa-requirement")
@Secured(Roles.TENANT_ADMINS)
class MfaRequirementController {

    private final TenantMfaRequirement requirement;

    MfaRequirementController(TenantMfaRequirement requirement) {
        this.requirement = requirement;
    }

    @Serdeable
    record MfaRequirement(@NotNull Boolean required) {
    }

    @Get
    MfaRequirement get() {
        return new MfaRequirement(requirement.isRequired());
    }

    @Put
    MfaRequirement put(@Body @Valid MfaRequirement change) {
        requirement.require(change.required());
        return change;
    }
}
