package io.tessera.core.access;

import io.tessera.core.problems.TooManyRequestsException;
import io.tessera.core.problems.UnauthorizedException;
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
 *   <li>failed codes: 5 per account and as many per address as above, in any quarter of an hour;</li>
 *   <li>a sign-in session: one wrong code ends it.</li>
 * </ul>
 */
@Singleton
public class CodeAttempts {

    static final int PER_ACCOUNT = 5;
    static final Duration REQUEST_WINDOW = Duration.ofHours(1);
    static final Duration CODE_WINDOW = Duration.ofMinutes(15);
    /** As long as a sign-in session lives (the app client's AuthSessionValidity). */
    static final Duration SESSION_WINDOW = Duration.ofMinutes(3);

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
     * Runs {@code check} of a code unless the failures above are used up. It counts as a failure
     * before it runs, so that codes tried at the same moment cannot all be checked, and is taken
     * back unless it refuses the code ({@link UnprocessableException}, or
     * {@link UnauthorizedException} where a wrong code is 401): a refusal stays counted.
     *
     * @throws io.tessera.core.problems.TooManyRequestsException past the limits above, without running {@code check}
     */
    public void check(String step, String username, String clientAddress, Runnable check) {
        AttemptLimits.Limit byAddress = new AttemptLimits.Limit(step + "-failures-by-address", perAddress, CODE_WINDOW);
        AttemptLimits.Limit byAccount = new AttemptLimits.Limit(step + "-failures-by-account", PER_ACCOUNT, CODE_WINDOW);
        limits.attempt(byAddress, clientAddress);
        limits.attempt(byAccount, username);
        try {
            check.run();
        } catch (UnprocessableException | UnauthorizedException refused) {
            throw refused;
        } catch (RuntimeException notAnAnswer) {
            forgive(byAddress, clientAddress, byAccount, username);
            throw notAnAnswer;
        }
        forgive(byAddress, clientAddress, byAccount, username);
    }

    private void forgive(AttemptLimits.Limit byAddress, String clientAddress, AttemptLimits.Limit byAccount, String username) {
        limits.forgive(byAddress, clientAddress);
        limits.forgive(byAccount, username);
    }

    /**
     * Runs {@code check} of a code given with a one-time token (a sign-in session) unless a code was
     * already refused with that token: one wrong code ends it, as the contract promises.
     *
     * @throws UnauthorizedException for a token that already had a wrong code, without running {@code check}
     */
    public void checkOnce(String step, String token, Runnable check) {
        AttemptLimits.Limit once = new AttemptLimits.Limit(step + "-failures-by-session", 1, SESSION_WINDOW);
        try {
            limits.attempt(once, token);
        } catch (TooManyRequestsException e) {
            throw new UnauthorizedException("The session is not valid any more; sign in again.");
        }
        try {
            check.run();
        } catch (UnprocessableException | UnauthorizedException refused) {
            throw refused;
        } catch (RuntimeException notAnAnswer) {
            limits.forgive(once, token);
            throw notAnAnswer;
        }
        limits.forgive(once, token);
    }
}
