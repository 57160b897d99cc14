package io.tessera.streams.ops;

import io.micronaut.context.ApplicationContext;
import io.tessera.core.analytics.AnalyticsRebuild;
import io.tessera.core.analytics.Delta;
import io.tessera.core.context.CallContext;

import java.util.Map;

/**
 * Recomputes a tenant's analytics from its orders: {@code RebuildAnalytics <tenantId> [--check]}.
 * With {@code --check} it only reports whether the stored aggregates equal the recomputed ones.
 */
public final class RebuildAnalytics {

    private RebuildAnalytics() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || args.length == 2 && !args[1].equals("--check")) {
            System.err.println("usage: RebuildAnalytics <tenantId> [--check]");
            System.exit(2);
        }
        String tenantId = args[0];
        boolean checkOnly = args.length == 2;
        try (ApplicationContext context = ApplicationContext.run()) {
            AnalyticsRebuild rebuild = context.getBean(AnalyticsRebuild.class);
            boolean matched = CallContext.system(tenantId, null).call(() -> {
                Map<String, Delta> computed = rebuild.computed();
                boolean same = computed.equals(rebuild.stored());
                System.out.printf("tenant %s: %d aggregates recomputed from its orders; stored aggregates %s%n",
                        tenantId, computed.size(), same ? "match" : "differ");
                if (!checkOnly) {
                    System.out.printf("rebuilt: %d items written or removed%n", rebuild.rebuild());
                }
                return same;
            });
            System.exit(checkOnly && !matched ? 1 : 0);
        }
    }
}
