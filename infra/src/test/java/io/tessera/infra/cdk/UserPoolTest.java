package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserPoolTest {

    private final Template template = SynthesizedStack.get().template();

    @Test
    void theUserPoolCarriesAnImmutableTenantIdAttribute() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "UserPoolName", TesseraResources.USER_POOL,
                "Schema", List.of(Map.of(
                        "Name", TesseraResources.TENANT_ID_ATTRIBUTE,
                        "AttributeDataType", "String",
                        "Mutable", false,
                        "StringAttributeConstraints", Map.of("MinLength", "1", "MaxLength", "64")))));
    }

    @Test
    void passwordsNeedTwelveCharactersWithUpperAndLowerCaseAndDigits() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of("Policies", Map.of("PasswordPolicy", Map.of(
                "MinimumLength", 12,
                "RequireLowercase", true,
                "RequireUppercase", true,
                "RequireNumbers", true,
                "RequireSymbols", false,
                "TemporaryPasswordValidityDays", 7))));
    }

    @Test
    void signUpsAreConfirmedByAnEmailedCode() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "AdminCreateUserConfig", Match.objectLike(Map.of("AllowAdminCreateUserOnly", false)),
                "AutoVerifiedAttributes", List.of("email"),
                "VerificationMessageTemplate", Match.objectLike(Map.of("DefaultEmailOption", "CONFIRM_WITH_CODE"))));
    }

    @Test
    void forgottenPasswordsAreResetByEmailOnly() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "AccountRecoverySetting", Map.of("RecoveryMechanisms", List.of(Map.of("Name", "verified_email", "Priority", 1)))));
    }

    @Test
    void usersMayEnrolTotpMfaAndNothingElse() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "MfaConfiguration", "OPTIONAL",
                "EnabledMfas", List.of("SOFTWARE_TOKEN_MFA")));
    }

    @Test
    void theUserPoolAndItsAccountsOutliveTheStack() {
        template.hasResource("AWS::Cognito::UserPool", Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain",
                "Properties", Match.objectLike(Map.of("DeletionProtection", "ACTIVE"))));
    }

    @Test
    void everyRoleIsAGroup() {
        assertThat(SynthesizedStack.get().json().resources("AWS::Cognito::UserPoolGroup").values())
                .extracting(group -> TemplateJson.at(group, "Properties", "GroupName"))
                .containsExactlyInAnyOrderElementsOf(TesseraResources.GROUPS);
    }

    @Test
    void theAppClientSignsInWithPasswordsSrpAndRefreshTokensAndHasNoSecretOrOAuth() {
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "ClientName", TesseraResources.USER_POOL_CLIENT,
                "GenerateSecret", false,
                "AllowedOAuthFlowsUserPoolClient", false,
                "ExplicitAuthFlows", Match.arrayEquals(List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")),
                "PreventUserExistenceErrors", "ENABLED",
                "EnableTokenRevocation", true));
    }

    /** Writing covers sign-up only: the attribute is immutable, so no account can change it afterwards. */
    @Test
    void theAppClientReadsTheTenantIdAndMaySetItOnlyAtSignUp() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "Schema", List.of(Match.objectLike(Map.of("Name", TesseraResources.TENANT_ID_ATTRIBUTE, "Mutable", false)))));
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "ReadAttributes", Match.arrayWith(List.of("custom:" + TesseraResources.TENANT_ID_ATTRIBUTE)),
                "WriteAttributes", Match.arrayEquals(List.of("custom:" + TesseraResources.TENANT_ID_ATTRIBUTE, "email"))));
    }

    @Test
    void idAndAccessTokensLastAnHourAndRefreshTokensThirtyDays() {
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "IdTokenValidity", 60,
                "AccessTokenValidity", 60,
                "RefreshTokenValidity", 30 * 24 * 60,
                "TokenValidityUnits", Map.of("IdToken", "minutes", "AccessToken", "minutes", "RefreshToken", "minutes")));
    }
}
