package io.tessera.core.access;

import io.tessera.core.problems.UnprocessableException;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The limits on the public steps that send or check an emailed code (sign-up confirmation,
 * password reset), against guessing codes and flooding inboxes: per account and per client
 * address, counted alike for accounts that do not exist (SPEC §4). Cognito has its own limits
 * besides; these hold on the emulator too and do not depend on an account existing.
 * <ul>
 *   <li>requests for a code: 5 per account and {@link AttemptLimitsConfiguration#getPerAddress()}
 *       per address, an hour;</li>
 *   <li>failed codes: 5 per account and as many per address as above, a quarter of an hour.</li>
 * </ul>
 */
@Singleton
public class CodeAttempts {

    static final int PER_ACCOUNT = 5;
    static final Duration REQUEST_WINDOW = Duration.ofHours(1);
    static final Duration CODE_WINDOW = Duration.ofMinutes(15);

    private final AttemptLimits limits;
    private final int perAddress;

    CodeAttempts(AttemptLimits limits, AttemptLimitsConfiguration configuration) {
        this.limits = limits;
        this.perAddress = configuration.getPerAddress();
    }

    /**
     * Counts a request for a code.
     *
     * @param step names the step, e.g. {@code password-reset}
     * @throws io.tessera.core.problems.TooManyRequestsException past the limits above
     */
    public void request(String step, String username, String clientAddress) {
        limits.attempt(new AttemptLimits.Limit(step + "-requests-by-address", perAddress, REQUEST_WINDOW), clientAddress);
        limits.attempt(new AttemptLimits.Limit(step + "-requests-by-account", PER_ACCOUNT, REQUEST_WINDOW), username);
    }

    /**
     * Runs {@code check} unless the failures above are used up, and counts it as a failure if it
     * refuses the code ({@link UnprocessableException}, rethrown).
     *
     * @throws io.tessera.core.problems.TooManyRequestsException past the limits above, without running {@code check}
     */
    public void check(String step, String username, String clientAddress, Runnable check) {
        AttemptLimits.Limit byAddress = new AttemptLimits.Limit(step + "-failures-by-address", perAddress, CODE_WINDOW);
        AttemptLimits.Limit byAccount = new AttemptLimits.Limit(step + "-failures-by-account", PER_ACCOUNT, CODE_WINDOW);
        limits.ensureAllowed(byAddress, clientAddress);
        limits.ensureAllowed(byAccount, username);
        try {
            check.run();
        } catch (UnprocessableException e) {
            limits.countFailure(byAddress, clientAddress);
            limits.countFailure(byAccount, username);
            throw e;
        }
    }
}
