package io.tessera.realtime.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.http.HttpStatus;
import io.tessera.core.context.CallContext;
import io.tessera.core.problems.ProblemException;
import io.tessera.realtime.RealtimeProtocol;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WebSocket API's {@code $connect} authorizer (a Lambda REQUEST authorizer on the {@code token}
 * query parameter): API Gateway refuses the handshake before any connection exists. It applies
 * the same checks as {@link RealtimeProtocol#authenticate}: a bad token is 401 (by API Gateway's
 * contract, an "Unauthorized" error), a refused tenant or user is 403 (a Deny policy).
 */
public class ConnectAuthorizer extends MicronautRequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    @Inject
    RealtimeProtocol protocol;

    public ConnectAuthorizer() {
    }

    public ConnectAuthorizer(ApplicationContext context) {
        super(context);
    }

    @Override
    public IamPolicyResponseV1 execute(APIGatewayCustomAuthorizerEvent event) {
        String token = Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get("token")).orElse(null);
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("Unauthorized");
        }
        try {
            CallContext caller = protocol.authenticate(token).context();
            return policy(caller.userId(), IamPolicyResponseV1.allowStatement(event.getMethodArn()),
                    Map.of("tenantId", caller.tenantId(), "userId", caller.userId()));
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.UNAUTHORIZED) {
                throw new IllegalStateException("Unauthorized");
            }
            return policy("refused", IamPolicyResponseV1.denyStatement(event.getMethodArn()), Map.of());
        }
    }

    private static IamPolicyResponseV1 policy(String principal, IamPolicyResponseV1.Statement statement, Map<String, Object> context) {
        return IamPolicyResponseV1.builder()
                .withPrincipalId(principal)
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(context)
                .build();
    }
}
