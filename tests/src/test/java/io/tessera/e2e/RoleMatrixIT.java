package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.InviteRequest;
import io.tessera.client.model.MfaRequirement;
import io.tessera.client.model.Role;
import io.tessera.client.model.TenantChange;
import io.tessera.client.model.Tier;
import io.tessera.client.model.UserChange;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: each endpoint as a member, a tenant admin, a platform admin and anonymously. */
class RoleMatrixIT {

    /** Makes the call and returns its status. */
    private interface Call {
        int on(ApiClient client) throws ApiException;
    }

    private record Endpoint(String name, Call call, int member, int tenantAdmin, int platformAdmin, int anonymous) {
    }

    @TestFactory
    List<DynamicTest> eachRoleGetsTheStatusTheContractPromises() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String domain = tenant.admin().username().split("@")[1];
        Supplier<String> freshUser = () -> {
            try {
                return new UsersApi(tenant.asAdmin()).inviteUser(new InviteRequest()
                        .email("matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain).role(Role.MEMBERS))
                        .getUser().getUserId();
            } catch (ApiException e) {
                throw new IllegalStateException(e);
            }
        };

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET /me", c -> new AuthApi(c).getMeWithHttpInfo().getStatusCode(), 200, 200, 200, 401),
                new Endpoint("POST /auth/aws-credentials", c -> new AuthApi(c).getAwsCredentialsWithHttpInfo().getStatusCode(), 200, 200, 403, 401),
                new Endpoint("GET /users", c -> new UsersApi(c).listUsersWithHttpInfo(null, null).getStatusCode(), 403, 200, 403, 401),
                new Endpoint("POST /users", c -> new UsersApi(c).inviteUserWithHttpInfo(new InviteRequest()
                        .email("matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain).role(Role.MEMBERS)).getStatusCode(),
                        403, 201, 403, 401),
                new Endpoint("GET /users/{id}", c -> new UsersApi(c).getUserWithHttpInfo(member.userId()).getStatusCode(), 403, 200, 403, 401),
                new Endpoint("PATCH /users/{id}", c -> new UsersApi(c).changeUserWithHttpInfo(member.userId(), new UserChange().enabled(true), null).getStatusCode(),
                        403, 200, 403, 401),
                new Endpoint("DELETE /users/{id}", c -> new UsersApi(c).deleteUserWithHttpInfo(freshUser.get(), null).getStatusCode(), 403, 204, 403, 401),
                new Endpoint("GET /audit", c -> new AuditApi(c).listAuditWithHttpInfo(null, null).getStatusCode(), 403, 200, 403, 401),
                new Endpoint("GET /tenant/mfa-requirement", c -> new TenantsApi(c).getMfaRequirementWithHttpInfo().getStatusCode(), 403, 200, 403, 401),
                new Endpoint("PUT /tenant/mfa-requirement", c -> new TenantsApi(c).putMfaRequirementWithHttpInfo(new MfaRequirement().required(false))
                        .getStatusCode(), 403, 200, 403, 401),
                new Endpoint("GET /admin/tenants", c -> new TenantsApi(c).listTenantsWithHttpInfo(1, null).getStatusCode(), 403, 403, 200, 401),
                new Endpoint("GET /admin/tenants/{id}", c -> new TenantsApi(c).getTenantWithHttpInfo(tenant.id()).getStatusCode(), 403, 403, 200, 401),
                new Endpoint("PATCH /admin/tenants/{id}", c -> new TenantsApi(c).changeTenantWithHttpInfo(tenant.id(), new TenantChange().tier(Tier.STANDARD), null).getStatusCode(), 403, 403, 200, 401));

        Map<String, ApiClient> callers = Map.of(
                "member", member.client(),
                "tenant admin", tenant.asAdmin(),
                "platform admin", PlatformAdmin.client(),
                "anonymous", LocalSystem.anonymous());
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Map<String, Integer> expected = Map.of("member", endpoint.member(), "tenant admin", endpoint.tenantAdmin(),
                    "platform admin", endpoint.platformAdmin(), "anonymous", endpoint.anonymous());
            expected.forEach((caller, status) -> tests.add(DynamicTest.dynamicTest(
                    endpoint.name() + " as " + caller + " -> " + status,
                    () -> assertThat(statusOf(endpoint.call(), callers.get(caller))).isEqualTo(status))));
        }
        return tests;
    }

    private static int statusOf(Call call, ApiClient client) throws ApiException {
        try {
            return call.on(client);
        } catch (ApiException e) {
            return e.getCode();
        }
    }
}
