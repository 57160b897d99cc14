package io.tessera.infra.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.tessera.core.catalog.Catalog;
import io.tessera.core.catalog.ProductDraft;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.PageRequest;
import io.tessera.core.resources.Roles;
import io.tessera.core.resources.TesseraResources;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.Tier;
import io.tessera.core.tenants.Tiers;
import io.tessera.core.users.GeneratedPasswords;
import io.tessera.core.users.Role;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.TotpCodes;
import io.tessera.core.users.UserDirectory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seeds a demo tenant (standard tier) with a tenant admin, a member and three products, plus a
 * platform admin with TOTP MFA (platform admins always have it), whose authenticator secret goes
 * to the provisioning output.
 * Accounts go to Cognito; the tenant profile and directory entries are written through the same
 * repositories the application uses. Passwords are random, kept in the provisioning output, and
 * reset only when the output no longer has them.
 */
final class DemoTenantSeeder {

    static final String DEMO_TENANT_ID = "demo";

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final String clientId;
    private final ProvisioningOutput output;

    DemoTenantSeeder(CognitoIdentityProviderClient cognito, String userPoolId, String clientId, ProvisioningOutput output) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
        this.output = output;
    }

    void seed() {
        output.put("DEMO_TENANT_ID", DEMO_TENANT_ID);
        String adminId = seedAccount("DEMO_ADMIN", "admin@demo.example.com", DEMO_TENANT_ID, Roles.TENANT_ADMINS);
        String memberId = seedAccount("DEMO_MEMBER", "member@demo.example.com", DEMO_TENANT_ID, Roles.MEMBERS);
        seedAccount("PLATFORM_ADMIN", "platform@tessera.example.com", null, Roles.PLATFORM_ADMINS);
        enrolTotp("PLATFORM_ADMIN");

        try (ApplicationContext application = ApplicationContext.run()) {
            TenantProfiles profiles = application.getBean(TenantProfiles.class);
            UserDirectory users = application.getBean(UserDirectory.class);
            int maxUsers = application.getBean(Tiers.class).of(Tier.STANDARD).getMaxUsers();
            CallContext.system(DEMO_TENANT_ID, null).run(() -> {
                if (profiles.get().isEmpty()) {
                    profiles.createPending("Demo Company", Tier.STANDARD, "admin@demo.example.com");
                    users.addFirstAdmin(TenantUser.added(adminId, "admin@demo.example.com", Role.TENANT_ADMIN, Instant.now()));
                }
                if (users.find(memberId).isEmpty()) {
                    users.reserveSeat(Role.MEMBER, maxUsers);
                    users.add(TenantUser.added(memberId, "member@demo.example.com", Role.MEMBER, Instant.now()));
                }
            });
            Catalog catalog = application.getBean(Catalog.class);
            CallContext.system(DEMO_TENANT_ID, null).run(() -> {
                if (catalog.list(PageRequest.of(1, null)).items().isEmpty()) {
                    catalog.create(new ProductDraft("Espresso cup", "Porcelain, 80 ml", 1250, "EUR", 500, null));
                    catalog.create(new ProductDraft("Coffee beans 1 kg", "Single origin", 2490, "EUR", 200, null));
                    catalog.create(new ProductDraft("Milk jug", "Stainless steel, 350 ml", 1890, "EUR", 50, null));
                }
            });
        }
    }

    /** Creates the Cognito account if missing, (re)sets its password if the output lacks it; returns its sub. */
    private String seedAccount(String key, String username, @Nullable String tenantId, String group) {
        String passwordKey = key + "_PASSWORD";
        Optional<String> existing = subOf(username);
        if (existing.isEmpty()) {
            List<AttributeType> attributes = new ArrayList<>(List.of(
                    AttributeType.builder().name("email").value(username).build(),
                    AttributeType.builder().name("email_verified").value("true").build()));
            if (tenantId != null) {
                attributes.add(AttributeType.builder().name("custom:" + TesseraResources.TENANT_ID_ATTRIBUTE).value(tenantId).build());
            }
            cognito.adminCreateUser(request -> request
                    .userPoolId(userPoolId)
                    .username(username)
                    .userAttributes(attributes)
                    .messageAction(MessageActionType.SUPPRESS));
            cognito.adminAddUserToGroup(request -> request.userPoolId(userPoolId).username(username).groupName(group));
        }
        if (existing.isEmpty() || output.get(passwordKey).isEmpty()) {
            String password = GeneratedPasswords.generate(20);
            cognito.adminSetUserPassword(request -> request
                    .userPoolId(userPoolId).username(username).password(password).permanent(true));
            output.put(passwordKey, password);
        }
        output.put(key + "_USERNAME", username);
        return existing.or(() -> subOf(username)).orElseThrow();
    }

    /**
     * Gives the account TOTP MFA, as a user would with an authenticator app (sign in, associate a
     * software token, verify a code, prefer it), unless it has MFA already.
     */
    private void enrolTotp(String key) {
        String username = output.get(key + "_USERNAME").orElseThrow();
        if (cognito.adminGetUser(request -> request.userPoolId(userPoolId).username(username)).userMFASettingList().contains("SOFTWARE_TOKEN_MFA")) {
            return;
        }
        String accessToken = cognito.initiateAuth(request -> request.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", username, "PASSWORD", output.get(key + "_PASSWORD").orElseThrow())))
                .authenticationResult().accessToken();
        String secret = cognito.associateSoftwareToken(request -> request.accessToken(accessToken)).secretCode();
        cognito.verifySoftwareToken(request -> request.accessToken(accessToken).userCode(TotpCodes.at(secret, Instant.now())));
        cognito.setUserMFAPreference(request -> request.accessToken(accessToken)
                .softwareTokenMfaSettings(totp -> totp.enabled(true).preferredMfa(true)));
        output.put(key + "_TOTP_SECRET", secret);
    }

    private Optional<String> subOf(String username) {
        try {
            return cognito.adminGetUser(request -> request.userPoolId(userPoolId).username(username)).userAttributes().stream()
                    .filter(attribute -> attribute.name().equals("sub"))
                    .map(AttributeType::value)
                    .findFirst();
        } catch (UserNotFoundException e) {
            return Optional.empty();
        }
    }
}
