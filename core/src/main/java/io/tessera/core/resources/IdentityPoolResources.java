package io.tessera.core.resources;

import java.util.List;
import java.util.Map;

/**
 * The Cognito identity pool that exchanges a user pool ID token for temporary AWS credentials
 * reaching only the caller's own files: defined once for the CDK stack and the local provisioner.
 * <ul>
 *   <li>The pool trusts Tessera's user pool and app client only; no unauthenticated identities and no
 *       basic (classic) flow, so every credential comes through the enhanced flow and its role
 *       mapping (Amazon Cognito Developer Guide, "Identity pools authentication flow").</li>
 *   <li>Role mapping by rules on {@code cognito:groups}: a tenant admin or member gets
 *       {@link #ROLE_NAME}; any other token (a platform admin, an account signed up straight at
 *       Cognito, which has no group) gets none ({@code AmbiguousRoleResolution: Deny}).</li>
 *   <li>Principal tags from the token's claims ({@link #PRINCIPAL_TAGS}, "Using attributes for access
 *       control"): the role's policy names its objects through them, so one policy serves every
 *       tenant and still reaches only {@link #OBJECT_KEY_PATTERN}.</li>
 * </ul>
 */
public final class IdentityPoolResources {

    private IdentityPoolResources() {
    }

    /** Identity pool names allow letters, digits, spaces and underscores only. */
    public static final String IDENTITY_POOL = "tessera_files";

    /** The principal tag naming the caller's tenant, and the one naming the caller. */
    public static final String TENANT_TAG = "tenantId";
    public static final String USER_TAG = "userId";

    /** Principal tag → the ID token claim it is taken from. */
    public static final Map<String, String> PRINCIPAL_TAGS = Map.of(
            TENANT_TAG, "custom:" + TesseraResources.TENANT_ID_ATTRIBUTE,
            USER_TAG, "sub");

    /** The groups whose members get credentials, each mapped to {@link #ROLE_NAME}. */
    public static final List<String> GROUPS_WITH_CREDENTIALS = List.of(Roles.TENANT_ADMINS, Roles.MEMBERS);

    /** The role assumed through the pool by tenant users. */
    public static final String ROLE_NAME = "tessera-tenant-files";

    /** What the role may do with its objects: put and read them back, nothing else. */
    public static final List<String> OBJECT_ACTIONS = List.of("s3:PutObject", "s3:GetObject");

    /**
     * The object keys the role reaches, in the uploads bucket, with IAM policy variables
     * (IAM User Guide, "IAM policy elements: Variables and tags"): the caller's own folder of direct
     * uploads inside the tenant's prefix.
     */
    public static final String OBJECT_KEY_PATTERN =
            TesseraResources.UPLOADS_PREFIX + "${aws:PrincipalTag/" + TENANT_TAG + "}/direct/${aws:PrincipalTag/" + USER_TAG + "}/*";

    /**
     * @param tenantId the caller's tenant, as its ID token names it
     * @param userId   the caller's {@code sub}
     * @return the key prefix {@link #OBJECT_KEY_PATTERN} gives that caller, ending in {@code /}
     */
    public static String objectKeyPrefix(String tenantId, String userId) {
        return OBJECT_KEY_PATTERN
                .replace("${aws:PrincipalTag/" + TENANT_TAG + "}", tenantId)
                .replace("${aws:PrincipalTag/" + USER_TAG + "}", userId)
                .replace("*", "");
    }
}
