package io.tessera.infra.local;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Creates the uploads bucket with CORS for browser uploads from local web apps. */
final class BucketProvisioner {

    private final S3Client s3;

    BucketProvisioner(S3Client s3) {
        this.s3 = s3;
    }

    void provision(String bucket) {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(request -> request.bucket(bucket));
            System.out.println("created bucket " + bucket);
        }
        s3.putBucketCors(request -> request.bucket(bucket).corsConfiguration(cors -> cors.corsRules(CORSRule.builder()
                .allowedMethods("GET", "PUT", "POST", "HEAD")
                .allowedOrigins("http://localhost:*", "http://127.0.0.1:*")
                .allowedHeaders("*")
                .exposeHeaders("ETag")
                .maxAgeSeconds(3000)
                .build())));
    }
}
