package io.tessera.infra.cdk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Construct ids derived from resource names and handler classes, so the template's logical ids read like the resources. */
final class Names {

    private Names() {
    }

    /** {@code tessera-orders-dlq} becomes {@code OrdersDlq}. */
    static String constructId(String resourceName) {
        return Arrays.stream(resourceName.replaceFirst("^tessera-", "").split("[-_.]"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }

    /** {@code OrderCreator} becomes {@code order-creator}. */
    static String kebab(String constructId) {
        return constructId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** {@code io.tessera.streams.orders.OrderCreatorHandler} becomes {@code OrderCreator}. */
    static String handlerId(String handlerClass) {
        return handlerClass.substring(handlerClass.lastIndexOf('.') + 1).replaceFirst("Handler$", "");
    }
}
