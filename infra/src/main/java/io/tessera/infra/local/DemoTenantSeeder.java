package io.tessera.infra.local;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.resources.Roles;
import io.tessera.core.resources.TesseraResources;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds a demo tenant with a tenant admin and a member, plus a platform admin. Passwords are
 * random, kept in the provisioning output, and reset only when the output no longer has them.
 */
final class DemoTenantSeeder {

    static final String DEMO_TENANT_ID = "demo";

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final ProvisioningOutput output;

    DemoTenantSeeder(CognitoIdentityProviderClient cognito, String userPoolId, ProvisioningOutput output) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
        this.output = output;
    }

    void seed() {
        output.put("DEMO_TENANT_ID", DEMO_TENANT_ID);
        seedUser("DEMO_ADMIN", "admin@demo.example.com", DEMO_TENANT_ID, Roles.TENANT_ADMINS);
        seedUser("DEMO_MEMBER", "member@demo.example.com", DEMO_TENANT_ID, Roles.MEMBERS);
        seedUser("PLATFORM_ADMIN", "platform@tessera.example.com", null, Roles.PLATFORM_ADMINS);
    }

    private void seedUser(String key, String username, @Nullable String tenantId, String group) {
        String passwordKey = key + "_PASSWORD";
        boolean exists = exists(username);
        if (!exists) {
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
        if (!exists || output.get(passwordKey).isEmpty()) {
            String password = randomPassword();
            cognito.adminSetUserPassword(request -> request
                    .userPoolId(userPoolId).username(username).password(password).permanent(true));
            output.put(passwordKey, password);
        }
        output.put(key + "_USERNAME", username);
    }

    private boolean exists(String username) {
        try {
            cognito.adminGetUser(request -> request.userPoolId(userPoolId).username(username));
            return true;
        } catch (UserNotFoundException e) {
            return false;
        }
    }

    /** 20 characters from upper, lower and digits, with at least one of each (the pool's policy). */
    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        String[] classes = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789"};
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String chars = classes[i < classes.length ? i : random.nextInt(classes.length)];
            password.append(chars.charAt(random.nextInt(chars.length())));
        }
        return password.toString();
    }
}
