package io.tessera.core.resources;

/** The Cognito groups that carry a user's role. */
public final class Roles {

    private Roles() {
    }

    /** Operators of the whole platform: manage tenants, belong to none. */
    public static final String PLATFORM_ADMINS = "platform-admins";
    public static final String TENANT_ADMINS = "tenant-admins";
    public static final String MEMBERS = "members";
}
