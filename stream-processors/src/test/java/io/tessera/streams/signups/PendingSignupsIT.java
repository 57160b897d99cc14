package io.tessera.streams.signups;

import io.micronaut.context.ApplicationContext;
import io.tessera.core.context.CallContext;
import io.tessera.core.tenants.PendingSignups;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.TenantSignup;
import io.tessera.core.tenants.Tier;
import io.tessera.core.users.UserAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signup cleanup against the emulator: what nobody confirmed within a day is gone, tenant and
 * account, and the email can sign up again; younger signups stay.
 */
class PendingSignupsIT {

    private static final String PASSWORD = "Cleanup-Passw0rd-Long";
    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static String email() {
        return "cleanup-" + UUID.randomUUID().toString().substring(0, 8) + "@cleanup.example.com";
    }

    private static boolean tenantExists(String tenantId) {
        return CallContext.system(tenantId, null).call(() -> context.getBean(TenantProfiles.class).get().isPresent());
    }

    @Test
    void signupsNobodyConfirmedWithinADayAreRemovedWithTheirAccountsAndTheEmailCanSignUpAgain() {
        TenantSignup signup = context.getBean(TenantSignup.class);
        UserAccounts accounts = context.getBean(UserAccounts.class);
        PendingSignups cleanup = context.getBean(PendingSignups.class);
        String email = email();
        String tenantId = signup.signUp("Never confirmed", email, PASSWORD, Tier.BASIC).tenant().id();
        Instant signedUp = Instant.now();

        cleanup.removeExpired(signedUp.plus(Duration.ofHours(23)));
        assertThat(tenantExists(tenantId)).as("a day has not passed").isTrue();
        assertThat(accounts.find(email)).isPresent();

        cleanup.removeExpired(signedUp.plus(Duration.ofHours(25)));
        assertThat(tenantExists(tenantId)).isFalse();
        assertThat(accounts.find(email)).isEmpty();
        assertThat(signup.signUp("Second try", email, PASSWORD, Tier.BASIC).tenant().status().wireName()).isEqualTo("pending");
    }

    @Test
    void accountsThatSignedUpStraightAtCognitoAndNeverConfirmedAreRemovedToo() {
        CognitoIdentityProviderClient cognito = context.getBean(CognitoIdentityProviderClient.class);
        String clientId = context.getProperty("tessera.cognito.client-id", String.class).orElseThrow();
        String email = email();
        cognito.signUp(request -> request.clientId(clientId).username(email).password(PASSWORD)
                .userAttributes(AttributeType.builder().name("custom:tenantId").value("someone-elses").build()));

        context.getBean(PendingSignups.class).removeExpired(Instant.now().plus(Duration.ofHours(25)));

        assertThat(context.getBean(UserAccounts.class).find(email)).isEmpty();
    }
}
