package io.tessera.api.tenants;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.text.AsciiEmail;
import io.tessera.api.text.DisplayName;
import io.tessera.api.text.TextLength;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantSignup;
import io.tessera.core.tenants.Tier;
import io.tessera.core.tenants.Tiers;
import io.tessera.core.users.PasswordPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Public tenant signup: 201 with the tenant, {@code pending} until its admin confirms the emailed
 * code at {@code POST /auth/confirm} ({@link TenantSignup}).
 */
@Controller("/tenants")
@Secured(SecurityRule.IS_ANONYMOUS)
class SignupController {

    private final TenantSignup signup;
    private final Tiers tiers;

    SignupController(TenantSignup signup, Tiers tiers) {
        this.signup = signup;
        this.tiers = tiers;
    }

    @Serdeable
    record SignupRequest(@DisplayName @TextLength(max = 100) String companyName,
                         @NotBlank @Email @AsciiEmail @TextLength(max = 128) String adminEmail,
                         @NotBlank @TextLength(min = PasswordPolicy.MIN_LENGTH, max = 256)
                         @Pattern(regexp = PasswordPolicy.PATTERN, message = PasswordPolicy.PATTERN_MESSAGE)
                         String password,
                         @NotNull Tier tier) {
    }

    /** @param confirmationCode present only where nothing sends mail (locally), never in AWS */
    @Serdeable
    record SignupResponse(TenantView tenant, @Nullable String confirmationCode) {
    }

    @Post
    HttpResponse<SignupResponse> signUp(@Body @Valid SignupRequest request) {
        TenantSignup.SignedUp signedUp = signup.signUp(request.companyName().strip(), request.adminEmail(), request.password(), request.tier());
        Tenant tenant = signedUp.tenant();
        return HttpResponse.created(new SignupResponse(TenantView.of(tenant, tiers.of(tenant.tier())), signedUp.confirmationCode().orElse(null)));
    }
}
