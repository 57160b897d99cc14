package io.tessera.streams.signups;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.tessera.core.resources.ScheduleTarget;
import io.tessera.core.resources.TesseraResources;
import io.tessera.core.tenants.PendingSignups;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Run by the {@link TesseraResources#SIGNUP_CLEANUP} schedule (an EventBridge scheduled event in
 * AWS, a timer locally): removes the signups nobody confirmed in time ({@link PendingSignups}).
 *
 * @return how many tenants and accounts were removed
 */
@ScheduleTarget(TesseraResources.SIGNUP_CLEANUP_NAME)
public class PendingSignupCleanupHandler extends MicronautRequestHandler<ScheduledEvent, Integer> {

    @Inject
    PendingSignups signups;

    @Inject
    Clock clock;

    public PendingSignupCleanupHandler() {
    }

    public PendingSignupCleanupHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public Integer execute(ScheduledEvent event) {
        return signups.removeExpired(clock.instant());
    }
}
