package io.tessera.api.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.preconditions.EntityTags;
import io.tessera.api.problems.Problem;
import io.tessera.api.text.AsciiEmail;
import io.tessera.api.text.TextLength;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.resources.Roles;
import io.tessera.core.users.Role;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.UserAdministration;
import io.tessera.core.users.UserDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Tenant admins manage their tenant's users. */
@Controller("/users")
@Secured(Roles.TENANT_ADMINS)
class UsersController {

    private static final String USER_ID = "[A-Za-z0-9-]{1,64}";

    private final UserDirectory users;
    private final UserAdministration administration;

    UsersController(UserDirectory users, UserAdministration administration) {
        this.users = users;
        this.administration = administration;
    }

    @Serdeable
    record InviteRequest(@NotBlank @Email @AsciiEmail @TextLength(max = 128) String email, @NotNull Role role) {
    }

    @Serdeable
    record InviteResponse(TenantUser user, @Nullable String temporaryPassword) {
    }

    /** A role, enabled, or both; what is left out (or null) stays as it is. */
    @Serdeable
    record UserChange(@Nullable Role role, @Nullable Boolean enabled) {
    }

    @Post
    @Status(HttpStatus.CREATED)
    InviteResponse invite(@Body @Valid InviteRequest request) {
        UserAdministration.Invitation invitation = administration.invite(request.email(), request.role());
        return new InviteResponse(invitation.user(), invitation.temporaryPassword());
    }

    @Get
    Page<TenantUser> list(@QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                          @QueryValue @Nullable @TextLength(max = 2048) String cursor) {
        return users.list(PageRequest.of(limit, cursor));
    }

    @Get("/{userId}")
    HttpResponse<TenantUser> get(@PathVariable @Pattern(regexp = USER_ID) String userId) {
        TenantUser user = users.get(userId);
        return EntityTags.tagged(HttpResponse.ok(user), user.version());
    }

    /** Conditional on the version read when If-Match is sent (412 if the user moved on). */
    @Patch("/{userId}")
    HttpResponse<TenantUser> change(@PathVariable @Pattern(regexp = USER_ID) String userId,
                                    @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch, @Body UserChange change) {
        TenantUser user = administration.change(userId, change.role(), change.enabled(), EntityTags.ifMatch(ifMatch));
        return EntityTags.tagged(HttpResponse.ok(user), user.version());
    }

    /** Also acceptable to clients that only accept problem documents, as a body-less success's callers do. */
    @Delete("/{userId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    HttpResponse<Void> remove(@PathVariable @Pattern(regexp = USER_ID) String userId,
                              @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        administration.remove(userId, EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }
}
