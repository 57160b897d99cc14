package io.tessera.infra.cdk;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

import java.util.Map;

class SynthesisTest {

    private final SynthesizedStack synthesized = SynthesizedStack.get();

    @Test
    void theStackSynthesizesWithoutErrorsOrWarnings() {
        Annotations annotations = Annotations.fromStack(synthesized.stack());
        annotations.hasNoError("*", Match.anyValue());
        annotations.hasNoWarning("*", Match.anyValue());
    }

    @Test
    void noResourceIsDeletedWithTheStackWhereUserDataLives() {
        for (String type : new String[] {"AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::Cognito::UserPool"}) {
            synthesized.template().allResources(type, Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
        }
    }
}
