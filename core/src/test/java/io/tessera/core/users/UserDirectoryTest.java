package io.tessera.core.users;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules behind the seat and last-admin conditions, apart from DynamoDB. */
class UserDirectoryTest {

    private static TenantUser user(Role role, boolean enabled) {
        return new TenantUser("u-1", "u@acme.test", role, enabled, Instant.EPOCH, 1, null, false);
    }

    @Test
    void onlyEnabledTenantAdminsCountAsAdmins() {
        assertThat(user(Role.TENANT_ADMIN, true).isEnabledAdmin()).isTrue();
        assertThat(user(Role.TENANT_ADMIN, false).isEnabledAdmin()).isFalse();
        assertThat(user(Role.MEMBER, true).isEnabledAdmin()).isFalse();
    }

    @Test
    void demotingOrDisablingAnEnabledAdminLowersTheAdminCountAndTheReverseRaisesIt() {
        assertThat(UserDirectory.enabledAdminDelta(user(Role.TENANT_ADMIN, true), user(Role.MEMBER, true))).isEqualTo(-1);
        assertThat(UserDirectory.enabledAdminDelta(user(Role.TENANT_ADMIN, true), user(Role.TENANT_ADMIN, false))).isEqualTo(-1);
        assertThat(UserDirectory.enabledAdminDelta(user(Role.MEMBER, true), user(Role.TENANT_ADMIN, true))).isEqualTo(1);
        assertThat(UserDirectory.enabledAdminDelta(user(Role.TENANT_ADMIN, false), user(Role.TENANT_ADMIN, true))).isEqualTo(1);
    }

    @Test
    void changesThatLeaveAdminsAloneDoNotTouchTheCount() {
        assertThat(UserDirectory.enabledAdminDelta(user(Role.MEMBER, true), user(Role.MEMBER, false))).isZero();
        assertThat(UserDirectory.enabledAdminDelta(user(Role.TENANT_ADMIN, false), user(Role.MEMBER, false))).isZero();
    }

    @Test
    void aSingleChangeCountsFromItsInstantAndASecondOneInTheSameSecondFromTheNextSecond() {
        Instant first = Instant.parse("2026-11-29T12:00:00.300Z");

        assertThat(TenantUser.accessChangeAt(null, first)).isEqualTo(first);
        assertThat(TenantUser.accessChangeAt(Instant.parse("2026-11-29T11:59:59.900Z"), first)).isEqualTo(first);
        assertThat(TenantUser.accessChangeAt(first, Instant.parse("2026-11-29T12:00:00.600Z"))).isEqualTo(Instant.parse("2026-11-29T12:00:01Z"));
        assertThat(TenantUser.accessChangeAt(Instant.parse("2026-11-29T12:00:01Z"), Instant.parse("2026-11-29T12:00:00.900Z")))
                .as("never earlier than a change already counted").isEqualTo(Instant.parse("2026-11-29T12:00:02Z"));
    }
}
