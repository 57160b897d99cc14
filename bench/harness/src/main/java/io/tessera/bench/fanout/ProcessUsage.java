package io.tessera.bench.fanout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A process seen through /proc (the app under load, or this client): its open files and resident
 * memory; for a JVM, also its live heap, measured by the JDK's {@code jcmd}.
 */
record ProcessUsage(long pid) {

    record Sample(long openFiles, long maxOpenFiles, long residentKilobytes) {
        @Override
        public String toString() {
            return String.format("%,d open files (limit %,d), RSS %,d MiB", openFiles, maxOpenFiles, residentKilobytes / 1024);
        }
    }

    Sample sample() {
        try (Stream<Path> files = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            long open = files.count();
            return new Sample(open, limit(), status("VmRSS:"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid, e);
        }
    }

    /**
     * The bytes of the objects still reachable in the process's heap: {@code jcmd <pid> GC.class_histogram},
     * which runs a full collection first, and its {@code Total} line. Only for a JVM of the same user.
     */
    long liveHeapBytes() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
            process.waitFor();
            return lines.stream()
                    .filter(line -> line.startsWith("Total"))
                    .map(line -> Long.parseLong(line.trim().split("\\s+")[2]))
                    .findFirst().orElseThrow(() -> new IllegalStateException("jcmd printed no Total line: " + lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long status(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith(field))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1L);
    }

    private long limit() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"));
        return lines.stream()
                .filter(line -> line.startsWith("Max open files"))
                .map(line -> Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]))
                .findFirst().orElse(-1L);
    }
}
