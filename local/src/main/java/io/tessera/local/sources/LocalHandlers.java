package io.tessera.local.sources;

import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a Lambda handler class, named in {@link io.tessera.core.resources.TesseraResources}, on
 * the running application context: every Tessera handler has a constructor taking it, so the local
 * process runs the very classes Lambda runs, without a second context.
 */
final class LocalHandlers {

    private LocalHandlers() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LocalHandlers.class);

    /** The handler, or null (logged as an error) if this build has no such class: its source stays unpolled. */
    @SuppressWarnings("unchecked")
    static <T> T instantiate(String className, ApplicationContext context) {
        try {
            return (T) Class.forName(className).getConstructor(ApplicationContext.class).newInstance(context);
        } catch (ClassNotFoundException e) {
            LOG.error("handler {} is not in this build; its event source is not polled", className);
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build handler " + className + " on the local context", e);
        }
    }
}
