package io.idp.platform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code ./platform}: the offline plan and the project's other local commands. */
@Command(name = "platform", mixinStandardHelpOptions = true, version = "platform 0.1.0",
        description = "Plans the GitOps platform's Pulumi stacks offline, against a simulated cloud.",
        subcommands = {PlanCommand.class, ValidateCommand.class, ConfigKeysCommand.class, CatalogCommand.class, NewStackCommand.class, PoliciesCommand.class,
                BenchCommand.class, BenchWorkloadCommand.class})
public final class PlatformCli implements Runnable {
    /** Plan errors (configuration, provider constraints, policy) exit with this code. */
    public static final int PLAN_ERROR = 1;
    /** Wrong usage of the command line. */
    public static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: plan, validate, new-stack, policies, config-keys or catalog");
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), projectDir(), args);
    }

    public static int run(PrintWriter out, PrintWriter err, Path projectDir, String... args) {
        var cli = commandLine(out, err, projectDir);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> USAGE_ERROR);
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return USAGE_ERROR;
        });
        return cli.execute(args);
    }

    /** The command line with every command, for running or only parsing (the docs' commands are checked with it). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Path projectDir) {
        return new CommandLine(new PlatformCli(), new Factory(out, err, projectDir));
    }

    /** The launcher exports PLATFORM_HOME so the CLI finds the stack files from any directory. */
    static Path projectDir() {
        var home = System.getenv("PLATFORM_HOME");
        return Path.of(home != null && !home.isBlank() ? home : ".").toAbsolutePath().normalize();
    }

    /** Gives commands the writers and project directory, so tests can run the CLI in-process. */
    private record Factory(PrintWriter out, PrintWriter err, Path projectDir) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == PlanCommand.class) {
                return type.cast(new PlanCommand(out, err, projectDir));
            }
            if (type == BenchCommand.class) {
                return type.cast(new BenchCommand(out, err, projectDir));
            }
            if (type == BenchWorkloadCommand.class) {
                return type.cast(new BenchWorkloadCommand(out, projectDir));
            }
            if (type == NewStackCommand.class) {
                return type.cast(new NewStackCommand(out, err, projectDir));
            }
            if (type == CatalogCommand.class) {
                return type.cast(new CatalogCommand(projectDir));
            }
            if (type == ValidateCommand.class) {
                return type.cast(new ValidateCommand(out, err, projectDir));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
