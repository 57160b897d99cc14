package io.tessera.core.access;

import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantStatus;
import io.tessera.core.tenants.Tier;
import io.tessera.core.users.Role;
import io.tessera.core.users.TenantUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationTest {

    private static final Optional<Tenant> ACTIVE = Optional.of(
            new Tenant("acme", "Acme", Tier.STANDARD, TenantStatus.ACTIVE, Instant.EPOCH, 2, 1, 0, 1, false));
    private static final Instant ISSUED = Instant.parse("2026-11-29T12:00:00Z");
    private static final Set<String> ADMIN_TOKEN = Set.of(Role.TENANT_ADMIN.group());

    private static Optional<TenantUser> admin(Instant accessChangedAt) {
        return Optional.of(new TenantUser("u-1", "a@acme.test", Role.TENANT_ADMIN, true, Instant.EPOCH, 3, accessChangedAt, false));
    }

    @Test
    void aTokenOfAUserWhoseAccessNeverChangedHoldsItsAuthority() {
        assertThat(Revocation.ofUser(ACTIVE, admin(null), ADMIN_TOKEN, ISSUED)).isEmpty();
    }

    @Test
    void aTokenIssuedBeforeAnUndoneChangeMustSignInAgain() {
        assertThat(Revocation.ofUser(ACTIVE, admin(ISSUED.plusSeconds(5)), ADMIN_TOKEN, ISSUED))
                .hasValueSatisfying(revocation -> assertThat(revocation.signInAgain()).isTrue());
    }

    @Test
    void aTokenIssuedInTheSecondOfASingleChangeOrLaterHolds() {
        assertThat(Revocation.ofUser(ACTIVE, admin(ISSUED.plusMillis(700)), ADMIN_TOKEN, ISSUED)).isEmpty();
        assertThat(Revocation.ofUser(ACTIVE, admin(ISSUED.minusSeconds(60)), ADMIN_TOKEN, ISSUED)).isEmpty();
    }

    @Test
    void afterSigningOutEverywhereEveryTokenOfThatSecondOrBeforeMustSignInAgainAndTheNextSecondsHolds() {
        Instant signedOut = ISSUED.plusMillis(700);
        Optional<TenantUser> user = Optional.of(admin(null).orElseThrow().signedOutEverywhere(signedOut));

        assertThat(Revocation.ofUser(ACTIVE, user, ADMIN_TOKEN, ISSUED)).hasValueSatisfying(revoked ->
                assertThat(revoked.toProblem().status().getCode()).isEqualTo(401));
        assertThat(Revocation.ofUser(ACTIVE, user, ADMIN_TOKEN, ISSUED.minusSeconds(60))).isPresent();
        assertThat(Revocation.ofUser(ACTIVE, user, ADMIN_TOKEN, ISSUED.plusSeconds(1))).isEmpty();
    }

    @Test
    void aTokenInAnotherRoleThanTheStoredOneMustSignInAgain() {
        assertThat(Revocation.ofUser(ACTIVE, admin(null), Set.of(Role.MEMBER.group()), ISSUED))
                .hasValueSatisfying(revocation -> assertThat(revocation.reason()).contains("role"));
    }

    @Test
    void aTenantThatRequiresMfaRefusesAUserWithoutItButLetsThemEnrol() {
        Optional<Tenant> requiringMfa = ACTIVE.map(tenant -> new Tenant(tenant.id(), tenant.name(), tenant.tier(), tenant.status(),
                tenant.createdAt(), tenant.userCount(), tenant.adminCount(), tenant.storageUsedBytes(), tenant.version(), true));

        assertThat(Revocation.ofUser(requiringMfa, admin(null), ADMIN_TOKEN, ISSUED)).hasValueSatisfying(revocation -> {
            assertThat(revocation.enrolMfa()).isTrue();
            assertThat(revocation.toProblem().status().getCode()).isEqualTo(403);
        });
        assertThat(Revocation.ofUser(requiringMfa, admin(null).map(user -> user.withMfa(true)), ADMIN_TOKEN, ISSUED)).isEmpty();
    }
}
