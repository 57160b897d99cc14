package io.tessera.core.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How many attempts one client address may make at each account-code step (requests for a code per
 * hour, failed codes per quarter hour). Locally every request comes from 127.0.0.1, so the local
 * configuration raises it; limits per account are fixed where they are used.
 */
@ConfigurationProperties("tessera.attempt-limits")
public interface AttemptLimitsConfiguration {

    @Bindable(defaultValue = "20")
    int getPerAddress();
}
