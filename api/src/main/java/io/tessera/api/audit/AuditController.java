package io.tessera.api.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.tessera.api.text.TextLength;
import io.tessera.core.audit.AuditEntry;
import io.tessera.core.audit.AuditTrail;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.resources.Roles;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The tenant's audit trail, newest first, for its admins. */
@Controller("/audit")
@Secured(Roles.TENANT_ADMINS)
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @Get
    Page<AuditEntry> list(@QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                          @QueryValue @Nullable @TextLength(max = 2048) String cursor) {
        return audit.list(PageRequest.of(limit, cursor));
    }
}
