package io.tessera.bench.coldstart;

import io.tessera.bench.stats.Distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Launches {@link FirstEvent} in a fresh JVM per run, with a Lambda package on the class path, and
 * reports the median time from JVM launch to the first answered API Gateway event and the peak RSS.
 * The JVM is the one running this program, with no options beyond {@code --java-options}; the
 * environment (AWS region, endpoint, Cognito ids) is this program's.
 *
 * <p>Arguments: {@code --label L --jar LAMBDA_JAR --handler CLASS --path /route [--runs 7] [--warmups 1]
 * [--java-options "..."] [--aot-cache FILE]}. Warm-up runs (not counted) put the jar in the page cache.
 * With {@code --aot-cache}, one recorded run first trains the JDK's ahead-of-time cache (JEP 514,
 * {@code -XX:AOTCacheOutput}, JDK 25), and the measured runs start from it ({@code -XX:AOTCache}).
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String label = options.get("--label");
        int runs = Integer.parseInt(options.getOrDefault("--runs", "7"));
        int warmups = Integer.parseInt(options.getOrDefault("--warmups", "1"));
        List<String> command = command(options, List.of());
        String aotCache = options.get("--aot-cache");
        if (aotCache != null) {
            Files.deleteIfExists(Path.of(aotCache));
            Run training = launch(command(options, List.of("-XX:AOTCacheOutput=" + aotCache)));
            System.out.printf("  training run for the AOT cache %s: %.0f ms%n", aotCache, training.millisToAnswer());
            command = command(options, List.of("-XX:AOTCache=" + aotCache));
        }
        System.out.println("cold start of " + label + ": " + String.join(" ", command));

        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            Run run = launch(command);
            boolean warmup = i < warmups;
            System.out.printf("  %s %d: %.0f ms (main at %.0f, handler built at %.0f), peak RSS %d MiB, status %d%n",
                    warmup ? "warm-up" : "run", warmup ? i + 1 : i - warmups + 1, run.millisToAnswer(), run.millisToMain(),
                    run.millisToHandler(), run.peakResidentKilobytes() / 1024, run.status());
            if (!warmup) {
                measured.add(run);
            }
        }
        Distribution millis = Distribution.of(measured.stream().map(Run::millisToAnswer).toList());
        Distribution toMain = Distribution.of(measured.stream().map(Run::millisToMain).toList());
        Distribution toHandler = Distribution.of(measured.stream().map(Run::millisToHandler).toList());
        Distribution rss = Distribution.of(measured.stream().map(run -> run.peakResidentKilobytes() / 1024.0).toList());
        List<Integer> statuses = measured.stream().map(Run::status).distinct().toList();
        System.out.printf("RESULT %s: median %,.0f ms from JVM launch to the answered event (min %,.0f, max %,.0f; %d runs; "
                        + "medians: main method at %,.0f ms, handler built at %,.0f ms); peak RSS median %,.0f MiB (max %,.0f); HTTP status %s%n",
                label, millis.median(), millis.min(), millis.max(), millis.count(), toMain.median(), toHandler.median(), rss.median(), rss.max(),
                statuses.size() == 1 ? statuses.getFirst() : statuses);
    }

    private static List<String> command(Map<String, String> options, List<String> extraOptions) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String harness = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(extraOptions);
        String javaOptions = options.getOrDefault("--java-options", "").strip();
        if (!javaOptions.isEmpty()) {
            command.addAll(Arrays.asList(javaOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", harness + ":" + options.get("--jar"), FirstEvent.class.getName(),
                options.get("--handler"), options.get("--path")));
        return command;
    }

    private static Run launch(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Instant launched = Instant.now();
        Process process = builder.start();
        Deque<String> tail = new ArrayDeque<>();
        String report = null;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(FirstEvent.REPORT + " ")) {
                    report = line;
                }
                if (!line.startsWith("\tat ")) {
                    tail.addLast(line);
                }
                if (tail.size() > 30) {
                    tail.removeFirst();
                }
            }
        }
        int exit = process.waitFor();
        if (report == null) {
            throw new IllegalStateException("the run ended (exit " + exit + ") without answering; its last output (stack frames left out):\n" + String.join("\n", tail));
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (String field : report.substring(FirstEvent.REPORT.length() + 1).split(" ")) {
            String[] pair = field.split("=", 2);
            values.put(pair[0], Long.parseLong(pair[1]));
        }
        double launchedMicros = launched.getEpochSecond() * 1e6 + launched.getNano() / 1e3;
        return new Run((values.get("main-epoch-micros") - launchedMicros) / 1e3,
                (values.get("built-epoch-micros") - launchedMicros) / 1e3,
                (values.get("answered-epoch-micros") - launchedMicros) / 1e3,
                values.get("vmhwm-kb"), values.get("status").intValue());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--label", "--jar", "--handler", "--path")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required);
            }
        }
        return options;
    }
}
