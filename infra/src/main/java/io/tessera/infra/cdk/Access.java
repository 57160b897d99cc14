package io.tessera.infra.cdk;

/** What an entry point may touch; {@link Functions} turns each into resource-scoped IAM grants. */
enum Access {
    /** Read and write the main table and its indexes. */
    MAIN_TABLE,
    /** Read the main table (tenant status, profiles). */
    MAIN_TABLE_READ,
    /** Read and write the analytics table. */
    ANALYTICS_TABLE,
    /** Read and write the WebSocket connections table. */
    CONNECTIONS_TABLE,
    /**
     * Post to and close WebSocket connections through the stage's Management API (and know its
     * endpoint). Every push first checks the connections' authority, so this also reads the main
     * table (tenant status, users) and the connections table.
     */
    PUSH,
    /** Put events on the {@code tessera} bus. */
    PUBLISH_EVENTS,
    /** Send delayed analytics flushes to the analytics push queue. */
    SCHEDULE_ANALYTICS_PUSH,
    /** Send connections' expiry timers to the connections queue. */
    SCHEDULE_CONNECTION_CHECK,
    /** Sign upload (PUT/POST) and download URLs for objects under the uploads prefix. */
    UPLOADS_SIGN,
    /** Read and delete uploaded objects (the completion check). */
    UPLOADS_VERIFY,
    /** Read uploaded objects and write their thumbnails under {@code tenants/<tenantId>/thumbnails/} (the media processor). */
    UPLOADS_PROCESS,
    /** Read the signing key of page cursors and challenge sessions (and know its ARN). */
    READ_SIGNING_KEY,
    /** Administer the user pool's users: create, set passwords, groups, enable, disable, sign out, delete. */
    USER_ADMINISTRATION,
    /** Find the user pool's unconfirmed users and delete them (the signup cleanup). */
    ACCOUNT_CLEANUP
}
