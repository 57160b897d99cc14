package io.tessera.streams.ops;

/**
 * What the operations commands' exit codes mean, the same for each: a script or an on-call
 * engineer can tell "done" from "partly done" from "did not run". Each command lists them under
 * "Exit codes" in its {@code --help}.
 */
final class ExitCodes {

    /** Everything was done (or, with {@code --dry-run}, everything could be). */
    static final int DONE = 0;
    /** AWS refused or failed: nothing more was done (the message says what). */
    static final int FAILED = 1;
    /** The command line was wrong: nothing was done. */
    static final int USAGE = 2;
    /** Part was left: messages that still fail or are past retention, aggregates that differ under {@code --check}. */
    static final int LEFT = 3;

    private ExitCodes() {
    }
}
