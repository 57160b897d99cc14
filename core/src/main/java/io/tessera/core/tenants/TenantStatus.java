package io.tessera.core.tenants;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.problems.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;

/** {@code PENDING} only while signup is creating the first admin; suspended tenants' users get 403. */
@Serdeable
public enum TenantStatus {
    PENDING, ACTIVE, SUSPENDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TenantStatus fromWireName(String status) {
        return Arrays.stream(values())
                .filter(candidate -> candidate.wireName().equals(status))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("unknown status: " + status));
    }
}
