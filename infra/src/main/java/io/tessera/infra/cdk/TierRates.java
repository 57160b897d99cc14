package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import io.tessera.core.tenants.Tier;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Each tier's request rate, read from the application's own configuration ({@code tessera.tiers}
 * in core's application.yml), so the API Gateway usage plans cannot disagree with the limits the
 * application enforces.
 */
public record TierRates(List<TierRate> rates) {

    public record TierRate(Tier tier, int requestsPerSecond) {
    }

    public TierRates {
        rates = List.copyOf(rates);
    }

    public static TierRates fromApplicationConfig() {
        // Core's own application.yml: other modules' copies must not shadow it.
        URL core = TesseraResources.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader coreOnly = new URLClassLoader(new URL[] {core}, null);
             InputStream in = coreOnly.getResourceAsStream("application.yml")) {
            if (in == null) {
                throw new IllegalStateException("application.yml not found in " + core);
            }
            return fromYaml(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.yml from " + core, e);
        }
    }

    static TierRates fromYaml(InputStream yaml) {
        Map<String, Object> tiers = child(child(new Yaml().load(yaml), "tessera"), "tiers");
        return new TierRates(Arrays.stream(Tier.values())
                .map(tier -> new TierRate(tier, requestsPerSecond(child(tiers, tier.wireName()), tier)))
                .toList());
    }

    private static int requestsPerSecond(Map<String, Object> limits, Tier tier) {
        if (!(limits.get("requests-per-second") instanceof Integer rate) || rate <= 0) {
            throw new IllegalStateException("tessera.tiers." + tier.wireName() + ".requests-per-second must be a positive integer");
        }
        return rate;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Object node, String key) {
        if (node instanceof Map<?, ?> map && map.get(key) instanceof Map<?, ?> child) {
            return (Map<String, Object>) child;
        }
        throw new IllegalStateException("application.yml has no '" + key + "' section where the tier limits are expected");
    }
}
