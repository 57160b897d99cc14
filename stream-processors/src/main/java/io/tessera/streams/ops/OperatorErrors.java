package io.tessera.streams.ops;

import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * How the operations commands report an exception from their work: one line saying what failed
 * (and, when no credentials were found, how to point the command at the emulator instead), exit
 * code {@link ExitCodes#FAILED}. Anything that is not an AWS error keeps its stack trace.
 */
final class OperatorErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, CommandLine.ParseResult parseResult) {
        var err = command.getErr();
        // Building an SDK client inside the application context wraps the AWS error in Micronaut's own.
        Throwable cause = exception;
        while (!(cause instanceof SdkException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof SdkException aws) {
            err.println("error: AWS: " + aws.getMessage());
            if (aws instanceof SdkClientException && String.valueOf(aws.getMessage()).contains("credentials")) {
                err.println("hint: against the local emulator, run with AWS_ENDPOINT_URL=http://127.0.0.1:4566 "
                        + "AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing");
            }
            if (aws instanceof SdkClientException && String.valueOf(aws.getMessage()).contains("region")) {
                err.println("hint: name the Region, e.g. AWS_REGION=eu-west-1");
            }
        } else {
            err.println("error: " + exception);
            exception.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILED;
    }
}
