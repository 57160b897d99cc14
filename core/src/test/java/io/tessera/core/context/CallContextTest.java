package io.tessera.core.context;

import io.micronaut.multitenancy.exceptions.TenantNotFoundException;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallContextTest {

    private final CurrentTenant currentTenant = new CurrentTenant();

    @Test
    void theTenantOfTheContextInScopeIsTheCurrentTenant() {
        CallContext context = new CallContext("acme", "user-1", Set.of("members"), "corr-1");

        String tenant = context.call(currentTenant::resolveTenantIdentifier);

        assertThat(tenant).isEqualTo("acme");
    }

    @Test
    void withoutAContextThereIsNoTenant() {
        assertThatThrownBy(currentTenant::resolveTenantIdentifier).isInstanceOf(TenantNotFoundException.class);
    }

    @Test
    void aContextWithoutTenantYieldsNoTenant() {
        CallContext platformWork = new CallContext(null, "admin-1", Set.of("platform-admins"), "corr-2");

        assertThatThrownBy(() -> platformWork.call(currentTenant::resolveTenantIdentifier))
                .isInstanceOf(TenantNotFoundException.class);
    }

    @Test
    void theContextsIdsAreInTheLoggingMdcOnlyWhileItIsInScope() {
        MDC.put("unrelated", "kept");
        CallContext context = new CallContext("acme", "user-1", Set.of(), "corr-3");

        context.run(() -> {
            assertThat(MDC.get(CallContext.TENANT_ID)).isEqualTo("acme");
            assertThat(MDC.get(CallContext.USER_ID)).isEqualTo("user-1");
            assertThat(MDC.get(CallContext.CORRELATION_ID)).isEqualTo("corr-3");
            assertThat(MDC.get("unrelated")).isEqualTo("kept");
        });

        assertThat(MDC.get(CallContext.TENANT_ID)).isNull();
        assertThat(MDC.get("unrelated")).isEqualTo("kept");
        MDC.clear();
    }

    @Test
    void anInnerContextReplacesTheOuterOneAndTheOuterOneComesBack() {
        CallContext outer = new CallContext("acme", "u1", Set.of(), "c1");
        CallContext inner = CallContext.system("globex", "c2");

        String seen = outer.call(() -> inner.call(currentTenant::resolveTenantIdentifier) + "/" + currentTenant.resolveTenantIdentifier());

        assertThat(seen).isEqualTo("globex/acme");
    }
}
