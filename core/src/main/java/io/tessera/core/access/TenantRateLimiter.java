package io.tessera.core.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.tessera.core.problems.TooManyRequestsException;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Requests per second per tenant, as its tier allows, with a token bucket per tenant in this
 * process: REST requests and WebSocket messages draw from the same bucket. In AWS each Lambda
 * instance counts on its own; API Gateway's usage plans cap the REST total.
 */
@Singleton
public class TenantRateLimiter {

    private record TenantBucket(int requestsPerSecond, Bucket bucket) {
    }

    private final Cache<String, TenantBucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    /** @throws TooManyRequestsException (429, with the wait until a token is free) when the tenant's bucket is empty */
    public void acquire(String tenantId, int requestsPerSecond) {
        TenantBucket current = buckets.asMap().compute(tenantId, (id, existing) ->
                existing != null && existing.requestsPerSecond() == requestsPerSecond ? existing : newBucket(requestsPerSecond));
        ConsumptionProbe probe = current.bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("The tenant's tier allows " + requestsPerSecond + " requests per second.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static TenantBucket newBucket(int requestsPerSecond) {
        return new TenantBucket(requestsPerSecond, Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requestsPerSecond).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)).build())
                .build());
    }
}
