package io.tessera.e2e;

import io.tessera.auth.testing.ForgedTokens;
import io.tessera.auth.testing.TokenAttacks;
import io.tessera.client.api.AuthApi;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The same token rules at both doors of the running system, REST and the local WebSocket
 * endpoint: every kind of bad token is refused at each.
 */
class TokenClaimsIT {

    static final List<TokenAttacks.Attack> ATTACKS = TokenAttacks.all();

    @Test
    void aForgedTokenThatBreaksNoRuleIsAcceptedAtBothDoors() throws Exception {
        String token = ForgedTokens.signedWithEmulatorKey(ForgedTokens.validIdTokenClaims().build());

        assertThat(new AuthApi(LocalSystem.as(token)).getMe().getTenantId()).isEqualTo(LocalSystem.demoTenantId());
        try (WsClient client = WsClient.connect(token)) {
            assertThat(client.subscribe("orders").type()).isEqualTo("subscribed");
        }
    }

    @ParameterizedTest(name = "a token {0} is refused by REST")
    @FieldSource("ATTACKS")
    void everyKindOfBadTokenIsRefusedByRest(TokenAttacks.Attack attack) {
        expectProblem(401, () -> new AuthApi(LocalSystem.as(attack.token().get())).getMe());
    }

    @ParameterizedTest(name = "a token {0} is refused by the WebSocket endpoint")
    @FieldSource("ATTACKS")
    void everyKindOfBadTokenIsRefusedByTheWebSocketEndpoint(TokenAttacks.Attack attack) {
        WsClient.Refused refused = catchThrowableOfType(WsClient.Refused.class, () -> WsClient.connect(attack.token().get()).close());

        assertThat(refused).as("connecting with a token %s", attack).isNotNull();
        assertThat(refused.status()).isEqualTo(401);
    }
}
