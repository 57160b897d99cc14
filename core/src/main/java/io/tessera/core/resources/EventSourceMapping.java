package io.tessera.core.resources;

import io.micronaut.core.annotation.Introspected;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Marks a Lambda handler as the target of an event source mapping (AWS Lambda's term): the
 * consumer of one queue or one DynamoDB stream of {@link TesseraResources}. The CDK app, the local
 * event sources and the redrive command find a source's handler by this, so no handler class is
 * ever named in a string. Every handler class so marked has a constructor taking the application
 * context, which the local process and the redrive command build it with.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Introspected
public @interface EventSourceMapping {

    /** The queue's name ({@link TesseraResources.Queue#name}) or the stream consumer's ({@link TesseraResources.StreamConsumer#name}). */
    String value();
}
