package io.tessera.api.preconditions;

import io.tessera.core.problems.BadRequestException;
import io.tessera.core.problems.PreconditionRequiredException;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagsTest {

    @Test
    void aStrongTagNamesItsVersionAndABareVersionIsReadAsItsTag() {
        assertThat(EntityTags.ifMatch("\"7\"")).isEqualTo(OptionalLong.of(7));
        assertThat(EntityTags.ifMatch(" \"7\" ")).isEqualTo(OptionalLong.of(7));
        assertThat(EntityTags.ifMatch("7")).isEqualTo(OptionalLong.of(7));
    }

    @Test
    void noHeaderOrAStarMakesTheChangeUnconditionalExceptForAReplacement() {
        assertThat(EntityTags.ifMatch(null)).isEmpty();
        assertThat(EntityTags.ifMatch("*")).isEmpty();
        assertThatThrownBy(() -> EntityTags.requiredIfMatch(null)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> EntityTags.requiredIfMatch("*")).isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void aWeakTagNeverMatches() {
        assertThat(EntityTags.ifMatch("W/\"7\"")).isEqualTo(OptionalLong.of(-1));
        assertThat(EntityTags.ifMatch("\"07\"")).as("another tag than \"7\"").isEqualTo(OptionalLong.of(-1));
    }

    @Test
    void emptyListedAndMalformedValuesAre400() {
        for (String bad : new String[]{"", " ", "\"7\", \"8\"", "\"7", "abc", "\"-1\"", "\"" + "9".repeat(19) + "\""}) {
            assertThatThrownBy(() -> EntityTags.ifMatch(bad)).as(bad).isInstanceOf(BadRequestException.class);
        }
    }
}
