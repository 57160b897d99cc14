package io.tessera.core.users;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules behind the seat and last-admin conditions, apart from DynamoDB. */
class UserDirectoryTest {

    private static TenantUser user(Role role, boolean enabled) {
        return new TenantUser("u-1", "u@acme.test", role, enabled, Instant.EPOCH, 1, null);
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
}
