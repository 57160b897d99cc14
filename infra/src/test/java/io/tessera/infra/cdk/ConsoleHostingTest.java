package io.tessera.infra.cdk;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole app, as `cdk deploy --all` deploys it: the console's hosting, Tessera, the console's files. */
class ConsoleHostingTest {

    /** The export of the console distribution's domain name, as CDK names it. */
    private static final String DISTRIBUTION_DOMAIN = TesseraApp.CONSOLE_HOSTING_STACK_NAME + ":ExportsOutputFnGetAttConsoleDistribution";

    private static TesseraApp.Stacks stacks;
    private static Template hosting;
    private static Template tessera;
    private static Template files;

    @BeforeAll
    static void synthesizeTheApp() {
        App app = new App(AppProps.builder().context(Map.of("aws:cdk:disable-asset-staging", true)).build());
        StackSettings settings = new StackSettings(SynthesizedStack.WEB_ORIGINS, Optional.empty(), LambdaJars.fromBuild(),
                TierRates.fromApplicationConfig());
        stacks = TesseraApp.define(app, settings, ConsoleFiles.fromBuild(), Environment.builder().build());
        hosting = Template.fromStack(stacks.consoleHosting());
        tessera = Template.fromStack(stacks.tessera());
        files = Template.fromStack(stacks.consoleFiles());
    }

    @Test
    void theConsoleBucketBlocksPublicAccessAndOnlyTheDistributionReadsIt() {
        hosting.resourceCountIs("AWS::S3::Bucket", 1);
        hosting.hasResourceProperties("AWS::S3::Bucket", Map.of("PublicAccessBlockConfiguration", Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
        hosting.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig", Map.of(
                "OriginAccessControlOriginType", "s3", "SigningBehavior", "always", "SigningProtocol", "sigv4")));
        hosting.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                        "Action", "s3:GetObject",
                        "Condition", Map.of("StringEquals", Map.of("AWS:SourceArn", Match.anyValue())))))))));
    }

    @Test
    void theDistributionServesThePageOverHttpsWithAContentSecurityPolicy() {
        hosting.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "DefaultRootObject", "index.html",
                "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https", "Compress", true))))));
        Map<String, Object> headers = TemplateJson.at(onlyResource(hosting, "AWS::CloudFront::ResponseHeadersPolicy"),
                "Properties", "ResponseHeadersPolicyConfig", "SecurityHeadersConfig");
        assertThat(TemplateJson.<Object>at(headers, "FrameOptions", "FrameOption")).isEqualTo("DENY");
        assertThat(TemplateJson.<Object>at(headers, "ContentTypeOptions", "Override")).isEqualTo(true);
        assertThat(String.valueOf(TemplateJson.<Object>at(headers, "ContentSecurityPolicy", "ContentSecurityPolicy")))
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self' https://*.execute-api.", "wss://*.execute-api.",
                        "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void theConsoleOriginJoinsTheWebOriginsOfTheApiAndTheUploadsBucket() {
        List<Object> bucketOrigins = TemplateJson.<List<Map<String, Object>>>at(onlyResource(tessera, "AWS::S3::Bucket"),
                "Properties", "CorsConfiguration", "CorsRules").get(0).get("AllowedOrigins") instanceof List<?> origins
                ? List.copyOf(origins) : List.of();
        assertThat(bucketOrigins).hasSize(SynthesizedStack.WEB_ORIGINS.size() + 1).startsWith(SynthesizedStack.WEB_ORIGINS.toArray());
        assertThat(String.valueOf(bucketOrigins.getLast())).contains("https://", "Fn::ImportValue", DISTRIBUTION_DOMAIN);

        List<String> apiOrigins = new TemplateJson(tessera.toJSON()).resources("AWS::Lambda::Function").values().stream()
                .map(function -> TemplateJson.<Map<String, Object>>at(function, "Properties", "Environment", "Variables"))
                .filter(variables -> variables.containsKey("TESSERA_WEB_ORIGINS"))
                .map(variables -> String.valueOf(variables.get("TESSERA_WEB_ORIGINS")))
                .toList();
        assertThat(apiOrigins).isNotEmpty().allSatisfy(origins -> assertThat(origins)
                .contains(String.join(",", SynthesizedStack.WEB_ORIGINS) + ",https://", "Fn::ImportValue", DISTRIBUTION_DOMAIN));
    }

    @Test
    void theFilesAreDeployedWithAConfigNamingTheRestAndWebSocketApisAndTheCacheIsCleared() {
        files.hasResourceProperties("Custom::CDKBucketDeployment", Map.of(
                "DestinationBucketName", Map.of("Fn::ImportValue", Match.anyValue()),
                "DistributionPaths", List.of("/*")));
        String markers = String.valueOf(TemplateJson.<Object>at(onlyResource(files, "Custom::CDKBucketDeployment"), "Properties", "SourceMarkers"));
        String exports = stacks.tessera().getStackName() + ":ExportsOutputRef";
        assertThat(markers).contains("wss://", exports + "WebSocketApi", "https://", exports + "RestApi");
    }

    @Test
    void theStacksSynthesizeWithoutErrorsOrWarnings() {
        for (Stack stack : List.of(stacks.consoleHosting(), stacks.consoleFiles())) {
            Annotations.fromStack(stack).hasNoError("*", Match.anyValue());
            Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
        }
    }

    @Test
    void synthesisStopsWhenTheConsoleWasNotBuilt(@TempDir Path empty) {
        assertThatThrownBy(() -> new ConsoleFiles(empty))
                .hasMessageContaining("index.html")
                .hasMessageContaining("scripts/build-console");
    }

    private static Map<String, Object> onlyResource(Template template, String type) {
        Map<String, Map<String, Object>> resources = new TemplateJson(template.toJSON()).resources(type);
        assertThat(resources).hasSize(1);
        return resources.values().iterator().next();
    }
}
