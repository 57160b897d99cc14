package io.tessera.e2e.support;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.ChallengeAnswer;
import io.tessera.client.model.ConfirmRequest;
import io.tessera.client.model.Invitation;
import io.tessera.client.model.InviteRequest;
import io.tessera.client.model.LoginResponse;
import io.tessera.client.model.Role;
import io.tessera.client.model.SignupRequest;
import io.tessera.client.model.SignupResponse;
import io.tessera.client.model.Tenant;
import io.tessera.client.model.Tier;

import java.util.UUID;

/**
 * A tenant signed up and confirmed for one test, with its first admin's login; users are invited
 * through the API. {@link #tenant} is the signup's answer: its id, tier and limits (its status was
 * {@code pending} then).
 */
public record TestTenant(Tenant tenant, LocalSystem.Login admin) {

    public static final String PASSWORD = "E2e-Passw0rd-Long";

    public static TestTenant signUp(Tier tier) throws ApiException {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + unique + "@e2e-" + unique + ".example.com";
        SignupResponse signedUp = new TenantsApi(LocalSystem.anonymous()).signUp(new SignupRequest()
                .companyName("E2E " + unique).adminEmail(email).password(PASSWORD).tier(tier));
        new AuthApi(LocalSystem.anonymous()).confirmSignUp(new ConfirmRequest().username(email).code(signedUp.getConfirmationCode()));
        return new TestTenant(signedUp.getTenant(), new LocalSystem.Login(email, PASSWORD));
    }

    public String id() {
        return tenant.getId();
    }

    public ApiClient asAdmin() throws ApiException {
        return LocalSystem.as(admin.idToken());
    }

    /** Invites a user and completes their first login (new password challenge); returns their login. */
    public Member invite(Role role) throws ApiException {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@" + admin.username().split("@")[1];
        Invitation invitation = new UsersApi(asAdmin()).inviteUser(new InviteRequest().email(email).role(role));
        LoginResponse first = LocalSystem.login(email, invitation.getTemporaryPassword());
        new AuthApi(LocalSystem.anonymous()).answerChallenge(new ChallengeAnswer()
                .username(email).session(first.getChallenge().getSession()).newPassword(PASSWORD));
        return new Member(invitation.getUser().getUserId(), new LocalSystem.Login(email, PASSWORD));
    }

    public record Member(String userId, LocalSystem.Login login) {

        public ApiClient client() throws ApiException {
            return LocalSystem.as(login.idToken());
        }
    }
}
