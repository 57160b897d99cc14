package io.tessera.api.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.problems.Problem;
import io.tessera.auth.CallerClaims;
import io.tessera.core.problems.ForbiddenException;
import io.tessera.core.resources.IdentityPoolResources;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.users.AwsCredentialsExchange.TemporaryCredentials;
import io.tessera.core.users.AwsCredentialsExchange;

import java.time.Instant;

/**
 * {@code POST /auth/aws-credentials}: the caller's ID token exchanged for temporary AWS credentials
 * ({@link AwsCredentialsExchange}) that reach only the caller's own folder of the uploads bucket,
 * for apps that talk to S3 directly but carry no AWS SDK to ask the identity pool themselves.
 * Tenant admins and members only: the access checks before it refuse suspended tenants, disabled
 * users and revoked tokens.
 */
@Controller("/auth/aws-credentials")
@Secured(SecurityRule.IS_AUTHENTICATED)
class AwsCredentialsController {

    /**
     * @param bucket    the uploads bucket
     * @param keyPrefix the only keys the credentials may put and get: {@code tenants/<tenantId>/direct/<userId>/}
     */
    @Serdeable
    record AwsCredentials(String identityId, String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                          String region, String bucket, String keyPrefix) {
    }

    private final AwsCredentialsExchange exchange;
    private final TokenResolver<HttpRequest<?>> tokens;
    private final ResourcesConfiguration resources;

    AwsCredentialsController(AwsCredentialsExchange exchange, TokenResolver<HttpRequest<?>> tokens, ResourcesConfiguration resources) {
        this.exchange = exchange;
        this.tokens = tokens;
        this.resources = resources;
    }

    @Post
    @Produces({MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    AwsCredentials exchange(HttpRequest<?> request, Authentication authentication) {
        CallerClaims caller = new CallerClaims(authentication);
        if (caller.tenantId() == null) {
            throw new ForbiddenException("AWS credentials reach a tenant's files: platform admins have none.");
        }
        String idToken = tokens.resolveToken(request).orElseThrow();
        TemporaryCredentials credentials = exchange.exchange(idToken);
        return new AwsCredentials(credentials.identityId(), credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken(), credentials.expiration(), credentials.region(), resources.getUploadsBucket(),
                IdentityPoolResources.objectKeyPrefix(caller.tenantId(), caller.userId()));
    }
}
