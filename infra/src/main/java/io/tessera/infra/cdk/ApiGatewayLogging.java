package io.tessera.infra.cdk;

import software.amazon.awscdk.services.apigateway.CfnAccount;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;
import software.constructs.IDependable;

import java.util.List;

/**
 * The region's API Gateway account setting that lets API Gateway write access logs to CloudWatch.
 * Both APIs' stages log, so both depend on it; it is set once here rather than by the REST API alone.
 */
final class ApiGatewayLogging extends Construct {

    private final CfnAccount account;

    ApiGatewayLogging(Construct scope, String id) {
        super(scope, id);
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
                .description("Lets API Gateway write the Tessera APIs' access logs")
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("service-role/AmazonAPIGatewayPushToCloudWatchLogs")))
                .build();
        account = CfnAccount.Builder.create(this, "Account").cloudWatchRoleArn(role.getRoleArn()).build();
    }

    /** What a logging stage must be created after. */
    IDependable setting() {
        return account;
    }
}
