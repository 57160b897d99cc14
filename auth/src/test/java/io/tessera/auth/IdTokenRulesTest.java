package io.tessera.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdTokenRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool";
    private final IdTokenRules rules = new IdTokenRules(new CognitoConfiguration() {
        @Override
        public String getUserPoolId() {
            return "eu-west-1_Pool";
        }

        @Override
        public String getClientId() {
            return "client";
        }

        @Override
        public String getIssuer() {
            return ISSUER;
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    private static JWTClaimsSet.Builder memberToken() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .claim("token_use", "id")
                .claim("cognito:groups", List.of("members"))
                .claim("custom:tenantId", "acme")
                .issueTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plusSeconds(3600)));
    }

    private boolean accepts(JWTClaimsSet.Builder claims) {
        return rules.brokenRule(claims.build()).isEmpty();
    }

    @Test
    void aCurrentMemberTokenOfATenantIsAccepted() {
        assertThat(accepts(memberToken())).isTrue();
    }

    @Test
    void aTokenWithoutExpIsRefused() {
        assertThat(accepts(memberToken().expirationTime(null))).isFalse();
    }

    @Test
    void expiryIsJudgedWithTheStatedClockSkew() {
        assertThat(accepts(memberToken().expirationTime(Date.from(NOW.minus(IdTokenRules.CLOCK_SKEW).plusSeconds(1))))).isTrue();
        assertThat(accepts(memberToken().expirationTime(Date.from(NOW.minus(IdTokenRules.CLOCK_SKEW))))).isFalse();
    }

    @Test
    void notBeforeAndIssuedAtInTheFutureAreRefusedBeyondTheSkew() {
        Date withinSkew = Date.from(NOW.plus(IdTokenRules.CLOCK_SKEW));
        Date beyondSkew = Date.from(NOW.plus(IdTokenRules.CLOCK_SKEW).plusSeconds(1));
        assertThat(accepts(memberToken().notBeforeTime(withinSkew))).isTrue();
        assertThat(accepts(memberToken().notBeforeTime(beyondSkew))).isFalse();
        assertThat(accepts(memberToken().issueTime(withinSkew))).isTrue();
        assertThat(accepts(memberToken().issueTime(beyondSkew))).isFalse();
    }

    @Test
    void onlyIdTokensAreAccepted() {
        assertThat(accepts(memberToken().claim("token_use", "access"))).isFalse();
        assertThat(accepts(memberToken().claim("token_use", null))).isFalse();
    }

    @Test
    void exactlyOneRoleGroupIsRequiredOtherGroupsAside() {
        assertThat(accepts(memberToken().claim("cognito:groups", List.of("members", "newsletter")))).isTrue();
        assertThat(accepts(memberToken().claim("cognito:groups", List.of("members", "tenant-admins")))).isFalse();
        assertThat(accepts(memberToken().claim("cognito:groups", List.of()))).isFalse();
        assertThat(accepts(memberToken().claim("cognito:groups", null))).isFalse();
        assertThat(accepts(memberToken().claim("cognito:groups", "members"))).isFalse();
    }

    @Test
    void aPlatformAdminBelongsToNoTenant() {
        JWTClaimsSet.Builder platformAdmin = memberToken().claim("cognito:groups", List.of("platform-admins"));
        assertThat(accepts(platformAdmin.claim("custom:tenantId", null))).isTrue();
        assertThat(accepts(platformAdmin.claim("custom:tenantId", "acme"))).isFalse();
    }

    @Test
    void tenantRolesNeedAWellFormedTenant() {
        assertThat(accepts(memberToken().claim("custom:tenantId", null))).isFalse();
        assertThat(accepts(memberToken().claim("custom:tenantId", "Acme#1"))).isFalse();
        assertThat(accepts(memberToken().claim("custom:tenantId", 42))).isFalse();
        assertThat(accepts(memberToken().claim("cognito:groups", List.of("tenant-admins")))).isTrue();
    }

    @Test
    void anIssuerThatIsNotExactlyThePoolsIsRefused() {
        for (String near : List.of(ISSUER + "/", ISSUER.replace("https://", "http://"), "eu-west-1_Pool", ISSUER.toUpperCase())) {
            assertThat(accepts(memberToken().issuer(near))).as(near).isFalse();
        }
        assertThat(accepts(memberToken().issuer(null))).isFalse();
    }
}
