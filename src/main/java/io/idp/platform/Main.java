package io.idp.platform;

import com.pulumi.Pulumi;
import io.idp.platform.cli.PlatformCli;
import io.idp.platform.config.ConfigException;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.config.RawConfig;
import io.idp.platform.gitops.Sources;
import io.idp.platform.local.StackDirectory;
import io.idp.platform.gitops.CatalogException;

import java.nio.file.Path;

/**
 * The one entry point. Started by the Pulumi engine (which sets PULUMI_MONITOR and passes no
 * arguments) it runs the stack's program; started by a person it runs the {@code ./platform} CLI.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        io.idp.platform.bench.PeakMemory.reportAtExitIfAsked();
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") != null) {
            runUnderPulumi();
        } else {
            System.exit(PlatformCli.run(args));
        }
    }

    private static void runUnderPulumi() {
        var stack = System.getenv().getOrDefault("PULUMI_STACK", "unknown");
        PlatformConfig config;
        Sources sources;
        try {
            // Checked before Pulumi.run, so bad input registers nothing, not even the stack.
            config = PlatformConfig.load(stack, RawConfig.fromEngineEnvironment(stack, System.getenv()));
            sources = Sources.load(Path.of("."));
            var disagreements = io.idp.platform.config.PeopleCheck.check(sources.people(), config);
            if (!disagreements.isEmpty()) {
                throw new ConfigException(io.idp.platform.config.People.FILE, disagreements);
            }
            new StackDirectory(Path.of(".")).checkAddresses(config, "Pulumi." + stack + ".yaml");
        } catch (ConfigException | CatalogException | io.idp.platform.local.PlanException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        Pulumi.run(ctx -> PlatformProgram.define(ctx, config, sources));
    }
}
