package io.tessera.core.resources;

import io.micronaut.core.annotation.Introspected;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Marks a Lambda handler as the target of one {@link TesseraResources.Schedule} (an EventBridge
 * scheduled rule in AWS): the local timers find it by this, as the event sources find
 * {@link EventSourceMapping} handlers, and build it the same way ({@link EventSourceHandlers#build}).
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Introspected
public @interface ScheduleTarget {

    /** The schedule's name ({@link TesseraResources.Schedule#name}). */
    String value();
}
