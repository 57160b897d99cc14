package io.tessera.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiFunctionTest {

    @Test
    void buildsEverySingletonAtStartOnlyWhenLambdaInitializesForASnapStartSnapshot() {
        assertThat(ApiFunction.buildsEverythingAtStart("snap-start")).isTrue();
        assertThat(ApiFunction.buildsEverythingAtStart("on-demand")).isFalse();
        assertThat(ApiFunction.buildsEverythingAtStart("provisioned-concurrency")).isFalse();
        assertThat(ApiFunction.buildsEverythingAtStart(null)).isFalse();
    }
}
