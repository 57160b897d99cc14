package io.tessera.api.problems;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.tessera.core.problems.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;

import static org.assertj.core.api.Assertions.assertThat;

class UnreadableRequestsTest {

    @Test
    void parserAndFrameworkFailuresAreSaidInTheApisTermsWithoutTheirInternals() {
        assertThat(UnreadableRequests.explain(new RuntimeException(new StreamConstraintsException(
                "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)")), UnreadableRequests.RequestBody.SENT))
                .isEqualTo(UnreadableRequests.TOO_DEEP);
        assertThat(UnreadableRequests.explain(new RuntimeException(new JsonParseException(null,
                "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow")), UnreadableRequests.RequestBody.SENT))
                .isEqualTo(UnreadableRequests.NOT_JSON);
        assertThat(UnreadableRequests.explain(new URISyntaxException("/products/[]", "Illegal character in path", 10), UnreadableRequests.RequestBody.SENT))
                .isEqualTo(UnreadableRequests.BAD_TARGET);
        assertThat(UnreadableRequests.explain(new IllegalStateException(
                "Duplicate property [priceMinor] encountered during deserialization of type: ProductRequest request"), UnreadableRequests.RequestBody.SENT))
                .isEqualTo(UnreadableRequests.WRONG_SHAPE);
    }

    @Test
    void aRequestWithoutBodyIsNeverToldItsBodyHasTheWrongShape() {
        assertThat(UnreadableRequests.explain(new IllegalArgumentException("tag must be name:value"), UnreadableRequests.RequestBody.NOT_CARRIED))
                .isEqualTo(UnreadableRequests.BAD_PARAMETERS);
        assertThat(UnreadableRequests.explain(new IllegalStateException("Required Body [request] not specified"), UnreadableRequests.RequestBody.MISSING))
                .isEqualTo(UnreadableRequests.BODY_MISSING);
    }

    @Test
    void aQueryValueThatIsNotItsTypeIsNamedWithoutTheConvertersWords() {
        String detail = UnreadableRequests.explain(new ConversionErrorException(Argument.of(Integer.class, "limit"),
                new NumberFormatException("For input string: \"1e1\"")), UnreadableRequests.RequestBody.SENT);

        assertThat(detail).contains("limit").doesNotContain("input string");
    }

    @Test
    void tesserasOwnRefusalOfAValueIsPassedOnAsItIs() {
        assertThat(UnreadableRequests.explain(new IllegalStateException(new InvalidValueException("unknown tier: gold")), UnreadableRequests.RequestBody.SENT))
                .isEqualTo("unknown tier: gold");
    }
}
