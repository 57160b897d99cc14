package io.tessera.core.data;

/** The secret that page cursors are signed with (HMAC-SHA256 key bytes). */
@FunctionalInterface
public interface CursorKey {

    byte[] bytes();
}
