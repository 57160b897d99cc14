package io.tessera.core.users;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.problems.InvalidValueException;
import io.tessera.core.resources.Roles;

import java.util.Arrays;

/** A tenant user's role, written as its Cognito group name. */
@Serdeable
public enum Role {
    TENANT_ADMIN(Roles.TENANT_ADMINS), MEMBER(Roles.MEMBERS);

    private final String group;

    Role(String group) {
        this.group = group;
    }

    @JsonValue
    public String group() {
        return group;
    }

    @JsonCreator
    public static Role fromGroup(String role) {
        return Arrays.stream(values())
                .filter(candidate -> candidate.group.equals(role))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("unknown role: " + role));
    }
}
