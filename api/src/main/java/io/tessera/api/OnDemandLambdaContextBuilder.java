package io.tessera.api;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;

import java.lang.annotation.Annotation;

/**
 * Micronaut's Lambda context builder (the {@code function} and {@code lambda} environments) without
 * its eager start: singletons and configuration beans are built when first needed. The Lambda
 * builder's constructor calls {@code eagerInitSingletons(true)} and {@code eagerInitConfiguration(true)},
 * which add {@code @Singleton} and {@code @ConfigurationReader} to a set of eagerly built
 * stereotypes that {@code eagerInitSingletons(false)} never empties; so this builder declines every
 * stereotype instead.
 */
final class OnDemandLambdaContextBuilder extends LambdaApplicationContextBuilder {

    @Override
    @SafeVarargs
    public final ApplicationContextBuilder eagerInitAnnotated(Class<? extends Annotation>... annotations) {
        return this;
    }
}
