package io.tessera.infra.cdk;

import io.micronaut.core.annotation.Nullable;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MathExpression;

/**
 * CloudWatch Metrics Insights queries over the metrics Tessera's functions write as EMF lines
 * (io.tessera.core.metrics.TenantMetrics): namespace {@value #NAMESPACE}, dimensions {@code tenantId}
 * plus one of {@code route}, {@code status}, {@code queue}, or {@code function} for cold starts.
 * Queries, not fixed metrics, because tenants come and go after deployment. See "Metrics Insights
 * query components and syntax" in the CloudWatch User Guide.
 */
final class TenantMetricsSchema {

    static final String NAMESPACE = "Tessera";

    private TenantMetricsSchema() {
    }

    /** The ten tenants with the highest sum of {@code metric} (any route), one line each. */
    static MathExpression byTenant(String metric, Duration period) {
        return query(metric + " by tenant", "SELECT SUM(" + metric + ") FROM SCHEMA(\"" + NAMESPACE + "\", route, tenantId)"
                + " GROUP BY tenantId ORDER BY SUM() DESC LIMIT 10", period);
    }

    /** The highest {@code metric} of any one route, one line per route. */
    static MathExpression byRoute(String metric, Duration period) {
        return query(metric + " by route", "SELECT MAX(" + metric + ") FROM SCHEMA(\"" + NAMESPACE + "\", route, tenantId)"
                + " GROUP BY route ORDER BY MAX() DESC LIMIT 20", period);
    }

    /** The sum of {@code metric} over all tenants, one line per value of {@code dimension}. */
    static MathExpression byDimension(String metric, String dimension, Duration period) {
        String schema = "function".equals(dimension) ? "SCHEMA(\"" + NAMESPACE + "\", function)"
                : "SCHEMA(\"" + NAMESPACE + "\", " + dimension + ", tenantId)";
        return query(metric + " by " + dimension, "SELECT SUM(" + metric + ") FROM " + schema
                + " GROUP BY " + dimension + " ORDER BY SUM() DESC LIMIT 20", period);
    }

    /** The one tenant with the highest sum of {@code metric}: what a per-tenant alarm watches. */
    static MathExpression worstTenant(String metric, Duration period) {
        return query("worst tenant's " + metric, "SELECT SUM(" + metric + ") FROM SCHEMA(\"" + NAMESPACE + "\", route, tenantId)"
                + " GROUP BY tenantId ORDER BY SUM() DESC LIMIT 1", period);
    }

    /** The sum of {@code metric} over all tenants (and over {@code dimension}, when it has one besides the tenant). */
    static MathExpression total(String metric, @Nullable String dimension, Duration period) {
        String schema = dimension == null ? "SCHEMA(\"" + NAMESPACE + "\", tenantId)" : "SCHEMA(\"" + NAMESPACE + "\", " + dimension + ", tenantId)";
        return query(metric, "SELECT SUM(" + metric + ") FROM " + schema, period);
    }

    private static MathExpression query(String label, String sql, Duration period) {
        return MathExpression.Builder.create().label(label).expression(sql).period(period).build();
    }
}
