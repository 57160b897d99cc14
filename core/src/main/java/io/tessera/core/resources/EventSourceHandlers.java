package io.tessera.core.resources;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.beans.BeanIntrospector;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The handler classes on the class path marked with {@link EventSourceMapping} or
 * {@link ScheduleTarget}, by the name of the source they consume (a queue, a stream consumer, a
 * schedule), and how to build one on a running application context: what the local event sources
 * and timers and the redrive command run. A source whose handler is not on the class path has no
 * entry.
 */
public final class EventSourceHandlers {

    private EventSourceHandlers() {
    }

    /** Handler classes by source name (a queue's, a stream consumer's or a schedule's). */
    public static Map<String, Class<?>> onClassPath() {
        return Stream.of(EventSourceMapping.class, ScheduleTarget.class)
                .flatMap(marker -> BeanIntrospector.SHARED.findIntrospections(marker).stream()
                        .map(introspection -> Map.entry(introspection.stringValue(marker).orElseThrow(), introspection.getBeanType())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The handler of a source, built on {@code context}; empty if it is not on the class path. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> build(String source, ApplicationContext context) {
        return Optional.ofNullable(onClassPath().get(source)).map(type -> {
            try {
                return (T) type.getConstructor(ApplicationContext.class).newInstance(context);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + type.getName() + " on the application context", e);
            }
        });
    }
}
