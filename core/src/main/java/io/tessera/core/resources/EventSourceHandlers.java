package io.tessera.core.resources;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The handler classes on the class path marked with {@link EventSourceMapping}, by the name of the
 * source they consume, and how to build one on a running application context: what the local
 * event sources and the redrive command run. A source whose handler is not on the class path has
 * no entry.
 */
public final class EventSourceHandlers {

    private EventSourceHandlers() {
    }

    /** Handler classes by source name (a queue's or a stream consumer's). */
    public static Map<String, Class<?>> onClassPath() {
        return BeanIntrospector.SHARED.findIntrospections(EventSourceMapping.class).stream()
                .collect(Collectors.toMap(
                        introspection -> introspection.stringValue(EventSourceMapping.class).orElseThrow(),
                        BeanIntrospection::getBeanType));
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
