package io.tessera.core.tenants;

import io.micronaut.context.BeanContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;

/** The limits of each tier; the application refuses to start if a tier is not configured. */
@Singleton
public class Tiers {

    private final Map<Tier, TierLimits> limits = new EnumMap<>(Tier.class);

    Tiers(BeanContext beans) {
        for (Tier tier : Tier.values()) {
            limits.put(tier, beans.findBean(TierLimits.class, Qualifiers.byName(tier.wireName()))
                    .orElseThrow(() -> new IllegalStateException("tessera.tiers." + tier.wireName() + " is not configured")));
        }
    }

    public TierLimits of(Tier tier) {
        return limits.get(tier);
    }

    /** The most any tier lets a single upload be: more is refused as malformed, not as too large. */
    public long largestUploadBytes() {
        return limits.values().stream().mapToLong(TierLimits::getMaxUploadBytes).max().orElseThrow();
    }
}
