package io.tessera.infra.cdk;

import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.ISource;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The console's build in its bucket, with a {@code config.json} that tells the page where the REST
 * API and the WebSocket are (the addresses are known only once the API stack is deployed), and
 * CloudFront's cached copies cleared.
 */
final class ConsoleDeployment extends Construct {

    record Props(ConsoleFiles files, ConsoleHosting hosting, String restApiUrl, String webSocketUrl) {
    }

    ConsoleDeployment(Construct scope, String id, Props props) {
        super(scope, id);
        ISource build = Source.asset(props.files().folder().toString(),
                AssetOptions.builder().exclude(List.of(ConsoleFiles.CONFIG_FILE)).build());
        ISource config = Source.jsonData(ConsoleFiles.CONFIG_FILE, Map.of("apiUrl", props.restApiUrl(), "webSocketUrl", props.webSocketUrl()));
        BucketDeployment.Builder.create(this, "Files")
                .sources(List.of(build, config))
                .destinationBucket(props.hosting().bucket())
                .distribution(props.hosting().distribution())
                .distributionPaths(List.of("/*"))
                .memoryLimit(256)
                .build();
    }
}
