package io.idp.platform.cli;

import io.idp.platform.bench.SyntheticStacks;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.PlanDiff;
import io.idp.platform.local.StackFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** One benchmark workload in its own process (what {@code ./platform bench} measures): floor or synthetic N. */
@Command(name = "bench-workload", hidden = true, description = "Plans a benchmark program: floor | synthetic N")
final class BenchWorkloadCommand implements Callable<Integer> {
    private final PrintWriter out;
    private final Path projectDir;

    @Parameters(index = "0", paramLabel = "KIND")
    String kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "RESOURCES")
    Integer resources;

    BenchWorkloadCommand(PrintWriter out, Path projectDir) {
        this.out = out;
        this.projectDir = projectDir;
    }

    @Override
    public Integer call() {
        var raw = StackFile.read(projectDir, "mgmt");
        var config = PlatformConfig.load("mgmt", raw);
        var engine = new OfflineEngine(projectDir);
        var program = "floor".equals(kind) ? SyntheticStacks.floor() : SyntheticStacks.synthetic(resources == null ? 100 : resources);
        var plan = engine.plan("bench", raw, config, program).plan();
        // The same work a plan does after the engine: diff, plan file.
        var diff = PlanDiff.between(null, plan);
        engine.plans().write(plan);
        out.println(plan.resources().size() + " resources; " + diff.summary());
        out.flush();
        return 0;
    }
}
