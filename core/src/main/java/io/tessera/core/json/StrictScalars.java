package io.tessera.core.json;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * JSON strings and booleans as they are written, nothing coerced: the default deserializers turn
 * {@code 42} or {@code ["x"]} into {@code "x"}-like strings and {@code "yes"} into a boolean, so a
 * client with a wrong type would get a 2xx instead of the 400 that tells it what is wrong.
 */
@Factory
class StrictScalars {

    @Singleton
    @Primary
    Deserializer<String> strings() {
        return new Strict<>("a string", JsonNode::isString, JsonNode::getStringValue);
    }

    @Singleton
    @Primary
    Deserializer<Boolean> booleans() {
        return new Strict<>("true or false", JsonNode::isBoolean, JsonNode::getBooleanValue);
    }

    @Singleton
    @Primary
    Deserializer<Integer> integers() {
        return new Strict<>("a whole number", StrictScalars::isIntegral, node -> Math.toIntExact(node.getLongValue()));
    }

    @Singleton
    @Primary
    Deserializer<Long> longs() {
        return new Strict<>("a whole number", StrictScalars::isIntegral, JsonNode::getLongValue);
    }

    private static boolean isIntegral(JsonNode node) {
        if (!node.isNumber()) {
            return false;
        }
        Number number = node.getNumberValue();
        return number instanceof Integer || number instanceof Long
                || number instanceof java.math.BigInteger && ((java.math.BigInteger) number).bitLength() < 64;
    }

    private record Strict<T>(String expected, java.util.function.Predicate<JsonNode> accepts,
                             java.util.function.Function<JsonNode, T> read) implements Deserializer<T> {

        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            if (!accepts.test(node)) {
                throw decoder.createDeserializationException("expected " + expected + " for " + type.getName(), null);
            }
            return read.apply(node);
        }

        @Override
        public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }
}
