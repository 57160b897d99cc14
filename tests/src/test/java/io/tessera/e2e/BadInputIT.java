package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tenant;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every body and parameter of the tenancy endpoints, broken: 4xx problem documents, nothing written. */
class BadInputIT {

    private static TestTenant tenant;
    private static TestTenant.Member member;
    private static String adminToken;
    private static String platformToken;

    @BeforeAll
    static void aTenantWithAMember() throws ApiException {
        tenant = TestTenant.signUp(Tier.STANDARD);
        member = tenant.invite(Role.MEMBERS);
        adminToken = tenant.admin().idToken();
        platformToken = LocalSystem.platformAdmin().idToken();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{bad json",
            "[]",
            "{}",
            "{\"companyName\":\"\",\"adminEmail\":\"a@b.example.com\",\"password\":\"E2e-Passw0rd-Long\",\"tier\":\"basic\"}",
            "{\"companyName\":\"\\u00A0\",\"adminEmail\":\"a@b.example.com\",\"password\":\"E2e-Passw0rd-Long\",\"tier\":\"basic\"}",
            "{\"companyName\":\"Line1\\nFAKE LOG\",\"adminEmail\":\"a@b.example.com\",\"password\":\"E2e-Passw0rd-Long\",\"tier\":\"basic\"}",
            "{\"companyName\":\"\\u202Eevil\",\"adminEmail\":\"a@b.example.com\",\"password\":\"E2e-Passw0rd-Long\",\"tier\":\"basic\"}",
            "{\"companyName\":\"X\",\"adminEmail\":\"not-an-email\",\"password\":\"E2e-Passw0rd-Long\",\"tier\":\"basic\"}",
            "{\"companyName\":\"X\",\"adminEmail\":\"a@b.example.com\",\"password\":\"short\",\"tier\":\"basic\"}",
            "{\"companyName\":\"X\",\"adminEmail\":\"a@b.example.com\",\"password\":\"alllowercase-and-long\",\"tier\":\"basic\"}",
            "{\"companyName\":\"X\",\"adminEmail\":\"a@b.example.com\",\"password\":\"E2e-Passw0rd-Long\",\"tier\":\"gold\"}",
            "{\"companyName\":\"X\",\"adminEmail\":\"a@b.example.com\",\"password\":\"E2e-Passw0rd-Long\",\"tier\":7}",
            "{\"companyName\":[\"X\"],\"adminEmail\":\"a@b.example.com\",\"password\":\"E2e-Passw0rd-Long\",\"tier\":\"basic\"}"
    })
    void brokenSignupsGet400AndCreateNoTenant(String body) throws ApiException {
        int before = PlatformAdmin.allTenants().size();

        assertProblem(RawHttp.send("POST", "/tenants", null, body), 400);

        assertThat(PlatformAdmin.allTenants().size()).isEqualTo(before);
    }

    @Test
    void anOversizeCompanyNameGets400() throws ApiException {
        String body = "{\"companyName\":\"" + "x".repeat(101) + "\",\"adminEmail\":\"a@b.example.com\","
                + "\"password\":\"E2e-Passw0rd-Long\",\"tier\":\"basic\"}";
        int before = PlatformAdmin.allTenants().size();

        assertProblem(RawHttp.send("POST", "/tenants", null, body), 400);

        assertThat(PlatformAdmin.allTenants().size()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheServersLimitGets413() {
        String body = "{\"companyName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        assertProblem(RawHttp.send("POST", "/tenants", null, body), 413);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{bad json",
            "{}",
            "{\"email\":\"x@y.example.com\"}",
            "{\"email\":\"x@y.example.com\",\"role\":\"owner\"}",
            "{\"email\":\"x@y.example.com\",\"role\":\"platform-admins\"}",
            "{\"email\":\"nope\",\"role\":\"members\"}",
            "{\"email\":42,\"role\":\"members\"}"
    })
    void brokenInvitesGet400AndInviteNobody(String body) throws ApiException {
        int users = userCount();
        int entries = auditCount();

        assertProblem(RawHttp.send("POST", "/users", adminToken, body), 400);

        assertThat(userCount()).isEqualTo(users);
        assertThat(auditCount()).isEqualTo(entries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{bad json", "[]", "{\"role\":\"owner\"}", "{\"enabled\":\"yes\"}", "{\"role\":7}",
            "{\"role\":\"members\",\"admin\":true}"})
    void brokenUserChangesGet400AndChangeNothing(String body) throws ApiException {
        assertProblem(RawHttp.send("PATCH", "/users/" + member.userId(), adminToken, body), 400);

        assertThat(new UsersApi(tenant.asAdmin()).getUser(member.userId()).getRole()).isEqualTo(Role.MEMBERS);
        assertThat(new UsersApi(tenant.asAdmin()).getUser(member.userId()).getEnabled()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{bad json", "[]", "{\"tier\":\"gold\"}", "{\"status\":\"pending\"}", "{\"status\":\"deleted\"}"})
    void brokenTenantChangesGet400AndChangeNothing(String body) throws ApiException {
        assertProblem(RawHttp.send("PATCH", "/admin/tenants/" + tenant.id(), platformToken, body), 400);

        Tenant unchanged = new io.tessera.client.api.TenantsApi(PlatformAdmin.client()).getTenant(tenant.id());
        assertThat(unchanged.getTier()).isEqualTo(Tier.STANDARD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"role\":null}", "{\"role\":null,\"enabled\":null}"})
    void userChangesThatNameNothingChangeNothingAndAuditNothing(String body) throws ApiException {
        int entries = auditCount();

        HttpResponse<String> response = RawHttp.send("PATCH", "/users/" + member.userId(), adminToken, body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new UsersApi(tenant.asAdmin()).getUser(member.userId()).getRole()).isEqualTo(Role.MEMBERS);
        assertThat(auditCount()).isEqualTo(entries);
    }

    @Test
    void badIdsCursorsAndPageSizesGet400() {
        for (String path : List.of("/users/bad%20id", "/users/" + "x".repeat(65), "/users?limit=0", "/users?limit=101",
                "/users?limit=abc", "/users?cursor=not-a-cursor", "/audit?cursor=%00", "/audit?limit=-1")) {
            assertProblem(RawHttp.send("GET", path, adminToken, null), 400);
        }
        for (String path : List.of("/admin/tenants/UPPER", "/admin/tenants?limit=1000", "/admin/tenants?cursor=zzz")) {
            assertProblem(RawHttp.send("GET", path, platformToken, null), 400);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    }

    private static int userCount() throws ApiException {
        return new UsersApi(tenant.asAdmin()).listUsers(100, null).getItems().size();
    }

    private static int auditCount() throws ApiException {
        return new AuditApi(tenant.asAdmin()).listAudit(100, null).getItems().size();
    }
}
