package io.tessera.bench.coldstart;

/**
 * One cold start, in milliseconds from the launcher's instant just before it started the JVM: to
 * the driver's main method (JVM boot), to the handler built (the function's application context
 * started), and to the answer of the first event (the figure); and the process's peak resident memory.
 */
record Run(double millisToMain, double millisToHandler, double millisToAnswer, long peakResidentKilobytes, int status) {
}
