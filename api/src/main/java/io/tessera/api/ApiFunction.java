package io.tessera.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import org.crac.Core;

/**
 * The API's Lambda entry point: Micronaut's proxy function for API Gateway REST events (payload
 * format 1.0), with a context that builds each singleton when a request first needs it. Micronaut's
 * Lambda default builds every singleton at start-up, so a cold start pays for beans the first
 * request never touches (S3 presigner, Cognito administration, EventBridge...). Under SnapStart
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, see the Lambda documentation on SnapStart)
 * start-up happens before the snapshot, where building everything is free, so it stays eager there
 * and {@link SnapStartPriming} runs the request path once before the snapshot is taken.
 */
public class ApiFunction extends ApiGatewayProxyRequestEventFunction {

    /** The value of {@code AWS_LAMBDA_INITIALIZATION_TYPE} when Lambda initializes for a SnapStart snapshot. */
    static final String SNAP_START = "snap-start";

    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming = new SnapStartPriming(this);

    public ApiFunction() {
        super();
        if (buildsEverythingAtStart(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            Core.getGlobalContext().register(priming);
        }
    }

    /** @param context a started application context, as tests build it; no priming is registered */
    public ApiFunction(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return contextBuilder(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
    }

    /**
     * @param initializationType Lambda's {@code AWS_LAMBDA_INITIALIZATION_TYPE}, null outside Lambda
     * @return Micronaut's Lambda context builder, eager only for a SnapStart snapshot
     */
    static ApplicationContextBuilder contextBuilder(String initializationType) {
        return buildsEverythingAtStart(initializationType) ? new LambdaApplicationContextBuilder() : new OnDemandLambdaContextBuilder();
    }

    /** @param initializationType Lambda's {@code AWS_LAMBDA_INITIALIZATION_TYPE}, null outside Lambda */
    static boolean buildsEverythingAtStart(String initializationType) {
        return SNAP_START.equals(initializationType);
    }

    SnapStartPriming priming() {
        return priming;
    }
}
