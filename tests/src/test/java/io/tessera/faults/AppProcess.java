package io.tessera.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local system's JVM as the operating system and the JDK's tools see it (scripts/run-local
 * writes its pid): its heap after a full collection, and the client connections it holds open.
 */
final class AppProcess {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final String ESTABLISHED = "01";

    private final long pid;

    private AppProcess(long pid) {
        this.pid = pid;
    }

    static AppProcess local() throws IOException {
        return new AppProcess(Long.parseLong(Files.readString(Scripts.ROOT.resolve(".local/app.pid")).strip()));
    }

    /** Heap in use right after a full garbage collection, in KiB. */
    long heapAfterGcKib() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in jcmd's GC.heap_info");
        }
        return Long.parseLong(used.group(1));
    }

    /** TCP connections to {@code port} that this process holds in the ESTABLISHED state. */
    long establishedConnectionsOn(int port) throws IOException {
        Set<String> sockets = socketInodes();
        String localPort = String.format(":%04X", port);
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (columns[1].endsWith(localPort) && columns[3].equals(ESTABLISHED) && sockets.contains(columns[9])) {
                    count++;
                }
            }
        }
        return count;
    }

    private Set<String> socketInodes() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            descriptors.forEach(descriptor -> {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while we looked: not a connection any more
                }
            });
        }
        return inodes;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process process = new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }
}
