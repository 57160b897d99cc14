package io.tessera.core.users;

import io.micronaut.context.annotation.Value;
import io.tessera.core.problems.ForbiddenException;
import io.tessera.core.resources.IdentityPoolResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

import java.time.Instant;
import java.util.Map;

/**
 * Exchanges a tenant user's ID token for temporary AWS credentials through the identity pool
 * ({@link IdentityPoolResources}), in Cognito's enhanced flow: {@code GetId}, then
 * {@code GetCredentialsForIdentity}, both with the token as the user pool's login (Amazon Cognito
 * API Reference). The credentials reach only the caller's own direct-upload folder
 * ({@link IdentityPoolResources#objectKeyPrefix}); whether the caller may have them at all (tenant
 * active, user enabled, a tenant role) is decided before, by the API's access checks, and again by
 * the pool's role mapping.
 */
@Singleton
public class AwsCredentialsExchange {

    /**
     * @param identityId the caller's identity in the pool
     * @param expiration when the credentials stop working (an hour after issue in AWS)
     * @param region     the Region they are for
     */
    public record TemporaryCredentials(String identityId, String accessKeyId, String secretAccessKey, String sessionToken,
                                       Instant expiration, String region) {
    }

    private final CognitoIdentityClient cognitoIdentity;
    private final String identityPoolId;
    private final String userPoolProvider;

    /**
     * @param identityPoolId {@code tessera.cognito.identity-pool-id} ({@code COGNITO_IDENTITY_POOL_ID})
     * @param issuer         the user pool's token issuer, {@code https://cognito-idp.<region>.amazonaws.com/<userPoolId>};
     *                       without its scheme it is the pool's provider name in {@code Logins}
     */
    AwsCredentialsExchange(CognitoIdentityClient cognitoIdentity,
                           @Value("${tessera.cognito.identity-pool-id}") String identityPoolId,
                           @Value("${tessera.cognito.issuer}") String issuer) {
        this.cognitoIdentity = cognitoIdentity;
        this.identityPoolId = identityPoolId;
        this.userPoolProvider = issuer.replaceFirst("^https://", "");
    }

    /**
     * @param idToken the caller's verified ID token (the bearer token of the request)
     * @return the identity and its temporary credentials
     * @throws ForbiddenException when the pool gives this token no credentials (its role mapping
     *                            found no tenant role)
     */
    public TemporaryCredentials exchange(String idToken) {
        Map<String, String> logins = Map.of(userPoolProvider, idToken);
        try {
            String identityId = cognitoIdentity.getId(request -> request.identityPoolId(identityPoolId).logins(logins)).identityId();
            Credentials credentials = cognitoIdentity.getCredentialsForIdentity(request -> request.identityId(identityId).logins(logins))
                    .credentials();
            return new TemporaryCredentials(identityId, credentials.accessKeyId(), credentials.secretKey(), credentials.sessionToken(),
                    credentials.expiration(), cognitoIdentity.serviceClientConfiguration().region().id());
        } catch (NotAuthorizedException refused) {
            throw new ForbiddenException("This account gets no AWS credentials: only tenant admins and members do.");
        }
    }
}
