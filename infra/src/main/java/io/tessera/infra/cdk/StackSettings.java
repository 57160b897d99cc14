package io.tessera.infra.cdk;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a deployment decides: the web origins allowed to call the APIs and upload from a browser,
 * where alarms are mailed (none: alarms still fire and show on the dashboard), the Lambda jars and
 * the tiers' request rates.
 */
public record StackSettings(List<String> webOrigins, Optional<String> alarmEmail, LambdaJars jars, TierRates tierRates) {

    public StackSettings {
        webOrigins = List.copyOf(webOrigins);
        if (webOrigins.isEmpty() || webOrigins.stream().anyMatch(origin -> !origin.matches("https?://[^/]+"))) {
            throw new IllegalArgumentException("webOrigins must be one or more origins such as https://app.example.com, got " + webOrigins);
        }
    }

    /** These settings with one more web origin (the admin console's, known only at deploy time). */
    public StackSettings withWebOrigin(String origin) {
        return new StackSettings(Stream.concat(webOrigins.stream(), Stream.of(origin)).toList(), alarmEmail, jars, tierRates);
    }
}
