package io.tessera.infra.cdk;

import io.tessera.core.resources.IdentityPoolResources;
import io.tessera.core.resources.Roles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity pool behind {@code POST /auth/aws-credentials}, its role and what that role reaches. */
class TenantFileCredentialsTest {

    private static final String BUCKET_ARN = "arn:aws:s3:::tessera-uploads-123456789012-eu-west-1";

    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final TemplateJson json = synthesized.json();

    @Test
    void thePoolTrustsOnlyTheAppClientWithServerSideTokenChecksAndNeitherGuestsNorTheBasicFlow() {
        Map<String, Object> pool = TemplateJson.properties(single("AWS::Cognito::IdentityPool"));
        assertThat(pool).containsEntry("IdentityPoolName", IdentityPoolResources.IDENTITY_POOL)
                .containsEntry("AllowUnauthenticatedIdentities", false)
                .containsEntry("AllowClassicFlow", false);
        List<Map<String, Object>> providers = TemplateJson.list(pool, "CognitoIdentityProviders");
        assertThat(providers).hasSize(1);
        assertThat(providers.get(0)).containsEntry("ServerSideTokenCheck", true);
        assertThat(TemplateJson.target(providers.get(0).get("ClientId"))).isEqualTo(singleId("AWS::Cognito::UserPoolClient"));
    }

    @Test
    void theTenantAndTheUserBecomePrincipalTagsFromTheIdTokensClaims() {
        Map<String, Object> tags = TemplateJson.properties(single("AWS::Cognito::IdentityPoolPrincipalTag"));
        assertThat(tags).containsEntry("UseDefaults", false)
                .containsEntry("PrincipalTags", Map.of("tenantId", "custom:tenantId", "userId", "sub"));
    }

    @Test
    void theRoleCanBeAssumedOnlyThroughThisPoolByAuthenticatedIdentitiesWithTheirSessionTags() {
        Map<String, Object> trust = TemplateJson.at(role(), "Properties", "AssumeRolePolicyDocument");
        List<Map<String, Object>> statements = TemplateJson.list(trust, "Statement");
        assertThat(statements).hasSize(1);
        Map<String, Object> statement = statements.get(0);
        assertThat(statement.get("Action")).isEqualTo(List.of("sts:AssumeRoleWithWebIdentity", "sts:TagSession"));
        assertThat(TemplateJson.<Object>at(statement, "Principal", "Federated")).isEqualTo("cognito-identity.amazonaws.com");
        assertThat(TemplateJson.target(TemplateJson.at(statement, "Condition", "StringEquals", "cognito-identity.amazonaws.com:aud")))
                .isEqualTo(singleId("AWS::Cognito::IdentityPool"));
        assertThat(TemplateJson.<Object>at(statement, "Condition", "ForAnyValue:StringLike", "cognito-identity.amazonaws.com:amr"))
                .isEqualTo("authenticated");
    }

    @Test
    void onlyTenantAdminsAndMembersGetTheRoleAndAnyOtherTokenIsDenied() {
        Map<String, Object> attachment = TemplateJson.properties(single("AWS::Cognito::IdentityPoolRoleAttachment"));
        Map<String, Object> mapping = TemplateJson.at(attachment, "RoleMappings", "userPool");
        assertThat(mapping).containsEntry("Type", "Rules").containsEntry("AmbiguousRoleResolution", "Deny");
        List<Map<String, Object>> rules = TemplateJson.list(mapping, "RulesConfiguration", "Rules");
        assertThat(rules).extracting(rule -> rule.get("Claim") + " " + rule.get("MatchType") + " " + rule.get("Value"))
                .containsExactly("cognito:groups Contains " + Roles.TENANT_ADMINS, "cognito:groups Contains " + Roles.MEMBERS);
        assertThat(rules).allSatisfy(rule -> assertThat(TemplateJson.target(rule.get("RoleARN"))).isEqualTo(roleId()));
    }

    @Test
    void theRoleMayOnlyPutAndGetObjects() {
        assertThat(statements()).hasSize(1);
        assertThat(statements().get(0).get("Action")).isEqualTo(List.of("s3:PutObject", "s3:GetObject"));
    }

    @Test
    void theRoleReachesTheCallersOwnFolderAndNoOtherTenantsOrUsersObjects() {
        Map<String, String> alice = Map.of("tenantId", "t-1111", "userId", "u-alice");
        assertThat(allows(alice, "tenants/t-1111/direct/u-alice/photo.png")).isTrue();
        assertThat(allows(alice, "tenants/t-1111/direct/u-alice/a/b.pdf")).isTrue();

        assertThat(allows(alice, "tenants/t-2222/direct/u-alice/photo.png")).as("another tenant").isFalse();
        assertThat(allows(alice, "tenants/t-1111/direct/u-bob/photo.png")).as("another user").isFalse();
        assertThat(allows(alice, "tenants/t-1111/uploads/up-1/photo.png")).as("granted uploads").isFalse();
        assertThat(allows(alice, "tenants/t-1111/thumbnails/up-1/128.png")).as("thumbnails").isFalse();
        assertThat(allows(alice, "tenants/t-11111/direct/u-alice/photo.png")).as("a tenant id it prefixes").isFalse();

        Map<String, String> bob = Map.of("tenantId", "t-2222", "userId", "u-bob");
        assertThat(allows(bob, "tenants/t-2222/direct/u-bob/photo.png")).isTrue();
        assertThat(allows(bob, "tenants/t-1111/direct/u-alice/photo.png")).isFalse();
        assertThat(allows(Map.of("userId", "u-bob"), "tenants//direct/u-bob/x")).as("no tenant tag").isFalse();
    }

    @Test
    void theApiFunctionKnowsThePool() {
        Map<String, Object> api = json.resource(synthesized.functionId(EntryPoints.API_HANDLER));
        assertThat(TemplateJson.target(TemplateJson.at(api, "Properties", "Environment", "Variables", "COGNITO_IDENTITY_POOL_ID")))
                .isEqualTo(singleId("AWS::Cognito::IdentityPool"));
    }

    /**
     * Evaluates the role's resource patterns as IAM does for an object ARN (IAM User Guide, "IAM JSON
     * policy elements: Resource" and "Variables and tags"): each {@code ${aws:PrincipalTag/key}} is the
     * session's tag value (a statement with a missing tag matches nothing), {@code *} any run of
     * characters, {@code ?} one.
     */
    private boolean allows(Map<String, String> principalTags, String key) {
        return statements().stream().flatMap(statement -> resources(statement).stream())
                .anyMatch(pattern -> matches(pattern, principalTags, BUCKET_ARN + "/" + key));
    }

    private static boolean matches(String pattern, Map<String, String> principalTags, String arn) {
        Matcher variable = Pattern.compile("\\$\\{aws:PrincipalTag/([^}]+)}").matcher(pattern);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            String value = principalTags.get(variable.group(1));
            if (value == null) {
                return false;
            }
            variable.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        variable.appendTail(resolved);
        StringBuilder regex = new StringBuilder();
        for (char c : resolved.toString().toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return arn.matches(regex.toString());
    }

    /** The statement's resources as strings, the uploads bucket's ARN put in for its reference. */
    private List<String> resources(Map<String, Object> statement) {
        List<Object> joined = TemplateJson.at(statement, "Resource", "Fn::Join");
        List<?> parts = (List<?>) joined.get(1);
        StringBuilder resource = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String text) {
                resource.append(text);
            } else {
                assertThat(json.resource(TemplateJson.target(part)).get("Type")).isEqualTo("AWS::S3::Bucket");
                resource.append(BUCKET_ARN);
            }
        }
        return List.of(resource.toString());
    }

    private List<Map<String, Object>> statements() {
        List<Map<String, Object>> statements = new ArrayList<>();
        json.resources("AWS::IAM::Policy").values().stream()
                .filter(policy -> TemplateJson.<List<Object>>at(policy, "Properties", "Roles").stream()
                        .anyMatch(role -> TemplateJson.target(role).equals(roleId())))
                .forEach(policy -> statements.addAll(TemplateJson.list(policy, "Properties", "PolicyDocument", "Statement")));
        return statements;
    }

    private Map<String, Object> role() {
        return json.resource(roleId());
    }

    private String roleId() {
        return json.resources("AWS::IAM::Role").entrySet().stream()
                .filter(role -> IdentityPoolResources.ROLE_NAME.equals(TemplateJson.properties(role.getValue()).get("RoleName")))
                .map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private Map<String, Object> single(String type) {
        assertThat(json.resources(type)).hasSize(1);
        return json.resources(type).values().iterator().next();
    }

    private String singleId(String type) {
        assertThat(json.resources(type)).hasSize(1);
        return json.resources(type).keySet().iterator().next();
    }
}
