package io.idp.platform.cli;

import io.idp.platform.bench.PeakMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./platform bench}: whole-process time and peak memory of the offline plan of mgmt against
 * the floor (the same engine planning one resource), and of synthetic stacks of growing size. Each
 * case runs in a fresh JVM, several times; the median is reported. A program that prints figures,
 * not a timed test.
 */
@Command(name = "bench", description = "Measures plan time and peak memory: mgmt against the floor, and synthetic stacks.")
final class BenchCommand implements Callable<Integer> {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Path projectDir;

    @Option(names = "--runs", defaultValue = "3", description = "runs per case (median reported), default 3")
    int runs;

    @Option(names = "--sizes", defaultValue = "100,1000,5000", split = ",", description = "synthetic stack sizes, default 100,1000,5000")
    List<Integer> sizes;

    BenchCommand(PrintWriter out, PrintWriter err, Path projectDir) {
        this.out = out;
        this.err = err;
        this.projectDir = projectDir;
    }

    record Measure(String name, int resources, double seconds, double peakMiB) {
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || sizes.stream().anyMatch(size -> size < 1)) {
            err.println("error: --runs and every --sizes value must be at least 1 (for example --runs 3 --sizes 100,1000)");
            return PlatformCli.USAGE_ERROR;
        }
        var jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!jar.toString().endsWith(".jar")) {
            err.println("error: run the benchmark from the built jar (./platform bench)");
            return PlatformCli.PLAN_ERROR;
        }
        var java = ProcessHandle.current().info().command().orElse("java");
        // The same JVM options as the ./platform launcher.
        var jvm = List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        var work = Files.createTempDirectory("platform-bench");
        io.idp.platform.local.ProjectFiles.copy(projectDir, work);
        var results = new ArrayList<Measure>();
        var floor = measure("floor (one resource)", 1, concat(jvm, "-jar", jar.toString(), "bench-workload", "floor"), work);
        results.add(floor);
        var measured = measure("./platform plan mgmt", 0, concat(jvm, "-jar", jar.toString(), "plan", "mgmt", "--json"), work);
        var mgmt = new Measure(measured.name(), io.idp.platform.local.PlanStore.readFile(work.resolve(".platform/plans/mgmt.json"))
                .resources().size(), measured.seconds(), measured.peakMiB());
        results.add(mgmt);
        for (var size : sizes) {
            results.add(measure("synthetic " + size, size, concat(jvm, "-jar", jar.toString(), "bench-workload", "synthetic",
                    String.valueOf(size)), work));
        }
        out.println();
        out.println("| case | resources | wall time (median of " + runs + ") | peak RSS |");
        out.println("|---|---|---|---|");
        for (var m : results) {
            out.println(String.format(Locale.ROOT, "| %s | %d | %.2f s | %.0f MiB |", m.name(), m.resources(), m.seconds(), m.peakMiB()));
        }
        out.println();
        out.println(String.format(Locale.ROOT, "mgmt / floor: time %.2fx, memory %.2fx (target: within 1.5x)",
                mgmt.seconds() / floor.seconds(), mgmt.peakMiB() / floor.peakMiB()));
        var synthetic = results.subList(2, results.size());
        for (var m : synthetic) {
            out.println(String.format(Locale.ROOT, "%s: %.2f ms per resource above the floor", m.name(),
                    1000 * (m.seconds() - floor.seconds()) / m.resources()));
        }
        out.flush();
        return 0;
    }

    private Measure measure(String name, int resources, List<String> command, Path work) throws IOException, InterruptedException {
        var times = new ArrayList<Double>();
        var peaks = new ArrayList<Double>();
        for (int run = 0; run < runs; run++) {
            // Every run is a first plan: everything to create, as in a pull-request preview of a new stack.
            deleteTree(work.resolve(".platform"));
            var builder = new ProcessBuilder(command).redirectErrorStream(false);
            builder.environment().put(PeakMemory.ENV, "1");
            builder.environment().put("PLATFORM_HOME", work.toString());
            builder.environment().put("NO_COLOR", "1");
            long start = System.nanoTime();
            var process = builder.start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            var errors = new String(process.getErrorStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed: " + errors);
            }
            times.add((System.nanoTime() - start) / 1e9);
            peaks.add(errors.lines().filter(l -> l.startsWith(PeakMemory.PREFIX))
                    .mapToDouble(l -> Long.parseLong(l.substring(PeakMemory.PREFIX.length())) / 1024.0).findFirst().orElse(Double.NaN));
            err.println(String.format(Locale.ROOT, "  %s run %d: %.2f s, %.0f MiB", name, run + 1, times.get(run), peaks.get(run)));
            err.flush();
        }
        return new Measure(name, resources, median(times), median(peaks));
    }

    private static List<String> concat(List<String> head, String... tail) {
        var all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var tree = Files.walk(dir)) {
            for (var path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
