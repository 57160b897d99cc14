package io.tessera.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import io.tessera.core.resources.Roles;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Cognito ID token must say, beyond a good signature, issuer and audience (which Micronaut
 * checks), before Tessera lets it in. One rule set for every way in: REST, the local {@code /ws}
 * endpoint and the WebSocket {@code $connect} authorizer all validate through the same Micronaut
 * token validator, which applies every {@link GenericJwtClaimsValidator} bean.
 *
 * <ul>
 *   <li>{@code iss} is exactly the pool's issuer (RFC 7519 §4.1.1 compares it as a case-sensitive
 *       string; Micronaut's check lets a trailing slash or {@code http://} through);</li>
 *   <li>{@code token_use} is {@code id} (Cognito's access tokens carry no tenant and no audience);</li>
 *   <li>{@code exp} is present and not past (RFC 7519 §4.1.4; Micronaut's own check lets a token without it through);</li>
 *   <li>{@code nbf} (§4.1.5) and {@code iat} (§4.1.6), when present, are not in the future;</li>
 *   <li>exactly one role group in {@code cognito:groups}, consistent with {@code custom:tenantId}: platform
 *       admins belong to no tenant, tenant admins and members to exactly one, named as tenant ids are.</li>
 * </ul>
 *
 * Times are compared with {@link #CLOCK_SKEW} of tolerance either way, for clocks that are not quite in step.
 */
@Singleton
class IdTokenRules implements GenericJwtClaimsValidator<Object> {

    /** How far the issuer's clock and ours may disagree. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(IdTokenRules.class);
    private static final Set<String> ROLE_GROUPS = Set.of(Roles.PLATFORM_ADMINS, Roles.TENANT_ADMINS, Roles.MEMBERS);
    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9]{1,64}");

    private final String issuer;
    private final Clock clock;

    IdTokenRules(CognitoConfiguration cognito, Clock clock) {
        this.issuer = cognito.getIssuer();
        this.clock = clock;
    }

    @Override
    public boolean validate(Claims claims, @Nullable Object request) {
        Optional<String> broken = brokenRule(JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims));
        broken.ifPresent(rule -> LOG.debug("ID token refused: {}", rule));
        return broken.isEmpty();
    }

    /** The first rule the claims break, or empty if they keep them all. */
    Optional<String> brokenRule(JWTClaimsSet claims) {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            return Optional.of("iss is not " + issuer);
        }
        if (!"id".equals(claims.getClaim(CognitoClaims.TOKEN_USE))) {
            return Optional.of("token_use is not id");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            return Optional.of("no exp");
        }
        if (!expires.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            return Optional.of("expired");
        }
        if (inTheFuture(claims.getNotBeforeTime(), now)) {
            return Optional.of("nbf in the future");
        }
        if (inTheFuture(claims.getIssueTime(), now)) {
            return Optional.of("iat in the future");
        }
        return roleRule(claims);
    }

    private static boolean inTheFuture(@Nullable Date time, Instant now) {
        return time != null && time.toInstant().isAfter(now.plus(CLOCK_SKEW));
    }

    private static Optional<String> roleRule(JWTClaimsSet claims) {
        Object groupsClaim = claims.getClaim(CognitoClaims.GROUPS);
        if (!(groupsClaim instanceof List<?> groups)) {
            return Optional.of("cognito:groups missing or not a list");
        }
        List<?> roleGroups = groups.stream().filter(ROLE_GROUPS::contains).toList();
        if (roleGroups.size() != 1) {
            return Optional.of("not exactly one role group: " + groups);
        }
        Object tenantId = claims.getClaim(CognitoClaims.TENANT_ID);
        if (roleGroups.getFirst().equals(Roles.PLATFORM_ADMINS)) {
            return tenantId == null ? Optional.empty() : Optional.of("a platform admin with a tenant");
        }
        return tenantId instanceof String id && TENANT_ID.matcher(id).matches()
                ? Optional.empty()
                : Optional.of("a tenant role without a well-formed tenant");
    }
}
