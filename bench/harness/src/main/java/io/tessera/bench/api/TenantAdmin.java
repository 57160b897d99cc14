package io.tessera.bench.api;

/** A tenant signed up for a benchmark, with its first admin's ID token (valid for an hour). */
public record TenantAdmin(String tenantId, String email, String idToken) {
}
