package io.tessera.core.tenants;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.problems.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;

/** A tenant's plan; its limits are in {@link TierLimits}. Written in lower case on the wire. */
@Serdeable
public enum Tier {
    BASIC, STANDARD, PREMIUM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Tier fromWireName(String tier) {
        return Arrays.stream(values())
                .filter(candidate -> candidate.wireName().equals(tier))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("unknown tier: " + tier));
    }
}
