package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.List;

/**
 * Where the admin console is served in AWS: a private bucket that only CloudFront reads (origin
 * access control), over HTTPS with a Content-Security-Policy. Its origin ({@link #origin()}) joins
 * the web origins that the API's CORS and the uploads bucket allow; {@link ConsoleDeployment} puts
 * the files in, once the API exists.
 */
final class ConsoleHosting extends Construct {

    private final Bucket bucket;
    private final Distribution distribution;

    ConsoleHosting(Construct scope, String id) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Files")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                // Like every bucket of the app; it holds only the console's build, which a deployment writes again.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        distribution = Distribution.Builder.create(this, "Distribution")
                .comment("Tessera admin console")
                .defaultRootObject("index.html")
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .compress(true)
                        .responseHeadersPolicy(securityHeaders())
                        .build())
                .build();
    }

    /** The console's origin, e.g. https://d111111abcdef8.cloudfront.net, for the web origins. */
    String origin() {
        return "https://" + distribution.getDistributionDomainName();
    }

    Distribution distribution() {
        return distribution;
    }

    Bucket bucket() {
        return bucket;
    }

    /**
     * The page's own files, the API Gateway endpoints of this Region (REST and WebSocket), and the
     * uploads bucket the presigned uploads go to; no inline code, no framing. The APIs are named by
     * their domain, not by URL: their URLs depend on the web origins, which include this distribution.
     */
    private ResponseHeadersPolicy securityHeaders() {
        String apiGateway = "*.execute-api." + Aws.REGION + ".amazonaws.com";
        String uploadsBucket = TesseraResources.UPLOADS_BUCKET_NAME + "-" + Aws.ACCOUNT_ID + "-" + Aws.REGION;
        String policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' https://" + apiGateway + " wss://" + apiGateway
                + " https://" + uploadsBucket + ".s3." + Aws.REGION + ".amazonaws.com https://" + uploadsBucket + ".s3.amazonaws.com; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        return ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .comment("Tessera admin console: CSP, HSTS, nosniff, no framing, no referrer")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder().contentSecurityPolicy(policy).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder().frameOption(HeadersFrameOption.DENY).override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder().referrerPolicy(HeadersReferrerPolicy.NO_REFERRER).override(true).build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(365)).includeSubdomains(true).override(true).build())
                        .build())
                .build();
    }
}
