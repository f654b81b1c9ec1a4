package io.idp.platform;

import com.pulumi.Pulumi;
import io.idp.platform.cli.PlatformCli;
import io.idp.platform.config.ConfigException;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.config.RawConfig;

/**
 * The one entry point. Started by the Pulumi engine (which sets PULUMI_MONITOR and passes no
 * arguments) it runs the stack's program; started by a person it runs the {@code ./platform} CLI.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") != null) {
            runUnderPulumi();
        } else {
            System.exit(PlatformCli.run(args));
        }
    }

    private static void runUnderPulumi() {
        var stack = System.getenv().getOrDefault("PULUMI_STACK", "unknown");
        PlatformConfig config;
        try {
            // Validated before Pulumi.run, so a bad configuration registers nothing, not even the stack.
            config = PlatformConfig.load(stack, RawConfig.fromEngineEnvironment(stack, System.getenv()));
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        Pulumi.run(ctx -> PlatformProgram.define(ctx, config));
    }
}
