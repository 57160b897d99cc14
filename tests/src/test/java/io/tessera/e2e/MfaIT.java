package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.CatalogApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.model.AccessTokenRequest;
import io.tessera.client.model.AuditEntry;
import io.tessera.client.model.ChallengeAnswer;
import io.tessera.client.model.LoginResponse;
import io.tessera.client.model.MfaRequirement;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.client.model.Tokens;
import io.tessera.client.model.TotpEnrolment;
import io.tessera.client.model.TotpRemoval;
import io.tessera.client.model.TotpVerification;
import io.tessera.core.users.TotpCodes;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

import java.time.Instant;
import java.util.UUID;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP MFA (SPEC §4) through Cognito's software tokens: enrol, sign in with a code (a wrong one
 * refused), turn off with the password and a fresh code; tenants may require it, and platform
 * admins always have it. The emulator checks codes against its one fixed secret, which is what
 * enrolment hands out locally.
 */
class MfaIT {

    private final AuthApi anonymous = new AuthApi(LocalSystem.anonymous());

    /** Enrols the account's authenticator and turns MFA on; returns the secret. */
    private static String enrol(LocalSystem.Login login) throws ApiException {
        Tokens tokens = LocalSystem.login(login.username(), login.password()).getTokens();
        AuthApi me = new AuthApi(LocalSystem.as(tokens.getIdToken()));
        TotpEnrolment enrolment = me.enrolTotp(new AccessTokenRequest().accessToken(tokens.getAccessToken()));
        me.verifyTotp(new TotpVerification().accessToken(tokens.getAccessToken()).code(TotpCodes.at(enrolment.getSecret(), Instant.now())));
        return enrolment.getSecret();
    }

    private static String wrongCode(String secret) {
        String right = TotpCodes.at(secret, Instant.now());
        return right.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aUserWhoEnrolsAnAuthenticatorSignsInWithItsCodeAndAWrongCodeEndsTheSession() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        Tokens tokens = LocalSystem.login(member.login().username(), member.login().password()).getTokens();
        AuthApi me = new AuthApi(LocalSystem.as(tokens.getIdToken()));

        TotpEnrolment enrolment = me.enrolTotp(new AccessTokenRequest().accessToken(tokens.getAccessToken()));
        assertThat(enrolment.getOtpauthUri()).startsWith("otpauth://totp/Tessera%3A").contains("secret=" + enrolment.getSecret());
        expectProblem(422, () -> me.verifyTotp(new TotpVerification().accessToken(tokens.getAccessToken()).code(wrongCode(enrolment.getSecret()))));
        assertThat(me.getMe().getMfaEnabled()).isFalse();
        me.verifyTotp(new TotpVerification().accessToken(tokens.getAccessToken()).code(TotpCodes.at(enrolment.getSecret(), Instant.now())));

        assertThat(me.getMe().getMfaEnabled()).isTrue();
        LoginResponse asked = LocalSystem.login(member.login().username(), member.login().password());
        assertThat(asked.getTokens()).isNull();
        assertThat(asked.getChallenge().getName()).isEqualTo("SOFTWARE_TOKEN_MFA");
        expectProblem(401, () -> anonymous.answerChallenge(new ChallengeAnswer().username(member.login().username())
                .session(asked.getChallenge().getSession()).code(wrongCode(enrolment.getSecret()))));
        expectProblem(401, () -> anonymous.answerChallenge(new ChallengeAnswer().username(member.login().username())
                .session(asked.getChallenge().getSession()).code(TotpCodes.at(enrolment.getSecret(), Instant.now()))));
        Tokens signedIn = LocalSystem.signInWithMfa(member.login().username(), member.login().password(), enrolment.getSecret());
        assertThat(new AuthApi(LocalSystem.as(signedIn.getIdToken())).getMe().getUserId()).isEqualTo(member.userId());
        assertThat(new AuditApi(tenant.asAdmin()).listAudit(50, null).getItems()).anySatisfy(entry -> {
            assertThat(entry.getAction()).isEqualTo(AuditEntry.ActionEnum.USER_MFA_ENABLED);
            assertThat(entry.getTarget()).isEqualTo(member.userId());
        });
    }

    @Test
    void guessingSignInCodesIsThrottledAndTheAuthenticatorCannotBeReplacedWithTokensAlone() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String secret = enrol(member.login());
        String username = member.login().username();
        for (int guess = 0; guess < 5; guess++) {
            String session = LocalSystem.login(username, member.login().password()).getChallenge().getSession();
            expectProblem(401, () -> anonymous.answerChallenge(new ChallengeAnswer().username(username).session(session).code(wrongCode(secret))));
        }
        String session = LocalSystem.login(username, member.login().password()).getChallenge().getSession();
        expectProblem(429, () -> anonymous.answerChallenge(new ChallengeAnswer().username(username).session(session)
                .code(TotpCodes.at(secret, Instant.now()))));

        String adminSecret = enrol(tenant.admin());
        Tokens withMfa = LocalSystem.signInWithMfa(tenant.admin().username(), tenant.admin().password(), adminSecret);
        expectProblem(409, () -> new AuthApi(LocalSystem.as(withMfa.getIdToken())).enrolTotp(new AccessTokenRequest().accessToken(withMfa.getAccessToken())));
    }

    @Test
    void anotherAccountsAccessTokenCannotEnrolAnAuthenticatorForTheCaller() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant other = TestTenant.signUp(Tier.STANDARD);
        String callerIdToken = tenant.invite(Role.MEMBERS).login().idToken();
        TestTenant.Member victim = other.invite(Role.MEMBERS);
        String victimAccessToken = LocalSystem.login(victim.login().username(), victim.login().password()).getTokens().getAccessToken();

        expectProblem(403, () -> new AuthApi(LocalSystem.as(callerIdToken)).enrolTotp(new AccessTokenRequest().accessToken(victimAccessToken)));
        expectProblem(403, () -> new AuthApi(LocalSystem.as(callerIdToken)).verifyTotp(
                new TotpVerification().accessToken(victimAccessToken).code("123456")));
    }

    @Test
    void mfaIsTurnedOffOnlyWithThePasswordAndAFreshCode() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String secret = enrol(member.login());
        AuthApi me = new AuthApi(LocalSystem.as(LocalSystem.signInWithMfa(member.login().username(), member.login().password(), secret).getIdToken()));

        expectProblem(422, () -> me.disableTotp(new TotpRemoval().password(member.login().password()).code(wrongCode(secret))));
        expectProblem(422, () -> me.disableTotp(new TotpRemoval().password("Wrong-Passw0rd-Long").code(TotpCodes.at(secret, Instant.now()))));
        assertThat(me.getMe().getMfaEnabled()).isTrue();
        me.disableTotp(new TotpRemoval().password(member.login().password()).code(TotpCodes.at(secret, Instant.now())));

        assertThat(me.getMe().getMfaEnabled()).isFalse();
        assertThat(LocalSystem.login(member.login().username(), member.login().password()).getTokens()).isNotNull();
        assertThat(new AuditApi(tenant.asAdmin()).listAudit(50, null).getItems())
                .extracting(AuditEntry::getAction).contains(AuditEntry.ActionEnum.USER_MFA_DISABLED);
    }

    @Test
    void aTenantThatRequiresMfaLetsAUserWithoutItOnlyEnrolAndThenEverything() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String idToken = member.login().idToken();
        TenantsApi admin = new TenantsApi(LocalSystem.as(tenant.admin().idToken()));
        expectProblem(409, () -> admin.putMfaRequirement(new MfaRequirement().required(true)));
        String adminSecret = enrol(tenant.admin());
        String adminToken = LocalSystem.signInWithMfa(tenant.admin().username(), tenant.admin().password(), adminSecret).getIdToken();

        assertThat(new TenantsApi(LocalSystem.as(adminToken)).putMfaRequirement(new MfaRequirement().required(true)).getRequired()).isTrue();

        expectProblem(403, () -> new CatalogApi(LocalSystem.as(idToken)).listProducts(null, null));
        assertThat(new AuthApi(LocalSystem.as(idToken)).getMe().getMfaEnabled()).isFalse();
        String secret = enrol(member.login());
        assertThat(new CatalogApi(LocalSystem.as(idToken)).listProducts(null, null).getItems()).isNotNull();
        String withMfa = LocalSystem.signInWithMfa(member.login().username(), member.login().password(), secret).getIdToken();
        expectProblem(409, () -> new AuthApi(LocalSystem.as(withMfa)).disableTotp(
                new TotpRemoval().password(member.login().password()).code(TotpCodes.at(secret, Instant.now()))));
        assertThat(new AuditApi(LocalSystem.as(adminToken)).listAudit(50, null).getItems())
                .extracting(AuditEntry::getAction).contains(AuditEntry.ActionEnum.TENANT_MFA_REQUIREMENT_CHANGED);
    }

    @Test
    void onlyATenantAdminSetsTheRequirementAndOnlyForTheirOwnTenant() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        TestTenant other = TestTenant.signUp(Tier.BASIC);
        String memberToken = tenant.invite(Role.MEMBERS).login().idToken();
        String otherAdminSecret = enrol(other.admin());

        expectProblem(403, () -> new TenantsApi(LocalSystem.as(memberToken)).putMfaRequirement(new MfaRequirement().required(true)));
        new TenantsApi(LocalSystem.as(LocalSystem.signInWithMfa(other.admin().username(), other.admin().password(), otherAdminSecret)
                .getIdToken())).putMfaRequirement(new MfaRequirement().required(true));

        assertThat(new TenantsApi(tenant.asAdmin()).getMfaRequirement().getRequired()).isFalse();
        assertThat(new CatalogApi(LocalSystem.as(memberToken)).listProducts(null, null).getItems()).isNotNull();
    }

    @Test
    void thePlatformAdminSignsInWithACodeAndCannotTurnMfaOff() throws ApiException {
        LocalSystem.Login admin = LocalSystem.platformAdmin();
        assertThat(LocalSystem.login(admin.username(), admin.password()).getChallenge().getName()).isEqualTo("SOFTWARE_TOKEN_MFA");
        AuthApi me = new AuthApi(PlatformAdmin.client());

        assertThat(me.getMe().getMfaEnabled()).isTrue();
        expectProblem(409, () -> me.disableTotp(new TotpRemoval().password(admin.password()).code(TotpCodes.at(admin.totpSecret(), Instant.now()))));
    }

    /** The one account made outside the API: platform admins are provisioned, never signed up or invited. */
    @Test
    void aPlatformAdminWithoutMfaMayOnlyEnrolItAndThenWorks() throws ApiException {
        String username = "platform-" + UUID.randomUUID().toString().substring(0, 8) + "@tessera.example.com";
        String userPoolId = System.getenv("COGNITO_USER_POOL_ID");
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.create()) {
            cognito.adminCreateUser(request -> request.userPoolId(userPoolId).username(username).messageAction(MessageActionType.SUPPRESS));
            cognito.adminSetUserPassword(request -> request.userPoolId(userPoolId).username(username).password(TestTenant.PASSWORD).permanent(true));
            cognito.adminAddUserToGroup(request -> request.userPoolId(userPoolId).username(username).groupName("platform-admins"));
            try {
                LocalSystem.Login admin = new LocalSystem.Login(username, TestTenant.PASSWORD);
                String idToken = admin.idToken();

                expectProblem(403, () -> new TenantsApi(LocalSystem.as(idToken)).listTenants(1, null));
                assertThat(new AuthApi(LocalSystem.as(idToken)).getMe().getMfaEnabled()).isFalse();
                String secret = enrol(admin);
                assertThat(new TenantsApi(LocalSystem.as(idToken)).listTenantsWithHttpInfo(1, null).getStatusCode()).isEqualTo(200);
                assertThat(LocalSystem.login(username, TestTenant.PASSWORD).getChallenge().getName()).isEqualTo("SOFTWARE_TOKEN_MFA");
                assertThat(LocalSystem.signInWithMfa(username, TestTenant.PASSWORD, secret).getIdToken()).isNotBlank();
            } finally {
                cognito.adminDeleteUser(request -> request.userPoolId(userPoolId).username(username));
            }
        }
    }

    @Test
    void malformedCodesAreRefusedBeforeCognitoSeesThem() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        Tokens tokens = LocalSystem.login(tenant.admin().username(), tenant.admin().password()).getTokens();
        AuthApi me = new AuthApi(LocalSystem.as(tokens.getIdToken()));

        for (String code : new String[]{"12345", "1234567", "12345a", "١٢٣٤٥٦"}) {
            expectProblem(400, () -> me.verifyTotp(new TotpVerification().accessToken(tokens.getAccessToken()).code(code)));
        }
        expectProblem(400, () -> me.enrolTotp(new AccessTokenRequest().accessToken("")));
        assertThat(me.getMe().getMfaEnabled()).isFalse();
    }
}
