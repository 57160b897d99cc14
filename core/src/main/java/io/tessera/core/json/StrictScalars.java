package io.tessera.core.json;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.tessera.core.problems.InvalidValueException;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * JSON strings and booleans as they are written, nothing coerced: the default deserializers turn
 * {@code 42} or {@code ["x"]} into {@code "x"}-like strings and {@code "yes"} into a boolean, so a
 * client with a wrong type would get a 2xx instead of the 400 that tells it what is wrong. Strings
 * must be Unicode text: JSON's {@code \uD800} escapes can spell an unpaired surrogate, which is no
 * character at all (RFC 8259 §8.2) and which DynamoDB and other services refuse, so it is a 400
 * naming the field before anything is written.
 */
@Factory
class StrictScalars {

    @Singleton
    @Primary
    Deserializer<String> strings() {
        return new Strict<>("a string of Unicode text (no unpaired surrogates)",
                node -> node.isString() && isUnicodeText(node.getStringValue()), JsonNode::getStringValue);
    }

    /** True unless the string holds a high surrogate without its low one, or a low one alone. */
    static boolean isUnicodeText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
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
                throw new InvalidValueException("expected " + expected + " for " + type.getName());
            }
            return read.apply(node);
        }

        @Override
        public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }
}
