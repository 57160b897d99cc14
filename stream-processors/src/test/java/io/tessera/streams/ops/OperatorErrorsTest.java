package io.tessera.streams.ops;

import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** How an operations command reports what AWS refused: one line and a hint, never Micronaut's stack trace. */
class OperatorErrorsTest {

    @Test
    void anAwsErrorWrappedInABeanCreationFailureIsStillOneLineWithItsHint() {
        StringWriter err = new StringWriter();
        CommandLine command = Redrive.commandLine();
        command.setErr(new PrintWriter(err, true));
        Exception wrapped = new BeanInstantiationException("Error instantiating bean of type [SqsClient]",
                SdkClientException.create("Unable to load region from any of the providers in the chain"));

        int exitCode = new OperatorErrors().handleExecutionException(wrapped, command, null);

        assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).startsWith("error: AWS: Unable to load region")
                .contains("hint: name the Region, e.g. AWS_REGION=eu-west-1")
                .doesNotContain("BeanInstantiationException").doesNotContain("\tat ");
    }
}
