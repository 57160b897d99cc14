package io.tessera.realtime.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.micronaut.context.ApplicationContext;
import io.tessera.auth.testing.Emulator;
import io.tessera.auth.testing.TokenAttacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The $connect authorizer against the emulator's pool. */
class ConnectAuthorizerIT {

    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/$connect";
    private static ApplicationContext context;
    private static ConnectAuthorizer authorizer;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().properties(Map.of("tessera.cognito.jwks-url", Emulator.jwksUrl())).start();
        authorizer = new ConnectAuthorizer(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static APIGatewayCustomAuthorizerEvent connect(String token) {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn(METHOD_ARN);
        event.setQueryStringParameters(token == null ? null : Map.of("token", token));
        return event;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTenantUsersIdTokenIsAllowedWithTheTenantInTheContext() {
        IamPolicyResponseV1 policy = authorizer.handleRequest(connect(Emulator.demoAdminTokens().idToken()), null);

        // The policy document as API Gateway reads it: {"Version":…,"Statement":[{"Effect":"Allow",…}]}.
        Map<String, Object>[] statements = (Map<String, Object>[]) policy.getPolicyDocument().get("Statement");
        assertThat(statements).singleElement().satisfies(statement -> assertThat(statement)
                .containsEntry("Effect", IamPolicyResponseV1.ALLOW)
                .containsEntry("Resource", new String[]{METHOD_ARN}));
        assertThat(policy.getContext()).containsEntry("tenantId", "demo");
    }

    static final List<TokenAttacks.Attack> ATTACKS = TokenAttacks.all();

    @ParameterizedTest(name = "a token {0} is unauthorized")
    @FieldSource("ATTACKS")
    void everyKindOfBadTokenIsUnauthorized(TokenAttacks.Attack attack) {
        assertThatThrownBy(() -> authorizer.handleRequest(connect(attack.token().get()), null)).hasMessage("Unauthorized");
    }

    @Test
    void aMissingTokenIsUnauthorized() {
        assertThatThrownBy(() -> authorizer.handleRequest(connect(null), null)).hasMessage("Unauthorized");
    }
}
