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
        var commands = spec.subcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()).map(java.util.Map.Entry::getKey).toList();
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + String.join(", ", commands));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), projectDir(), System.getenv(), args);
    }

    public static int run(PrintWriter out, PrintWriter err, Path projectDir, String... args) {
        return run(out, err, projectDir, System.getenv(), args);
    }

    /** Runs the CLI with an environment of its own (COLUMNS, for instance), as tests do. */
    public static int run(PrintWriter out, PrintWriter err, Path projectDir, java.util.Map<String, String> env, String... args) {
        var cli = commandLine(out, err, projectDir, env);
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
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Path projectDir, java.util.Map<String, String> env) {
        return new CommandLine(new PlatformCli(), new Factory(out, err, projectDir, env));
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, Path projectDir) {
        return commandLine(out, err, projectDir, System.getenv());
    }

    /** The launcher exports PLATFORM_HOME so the CLI finds the stack files from any directory. */
    static Path projectDir() {
        var home = System.getenv("PLATFORM_HOME");
        return Path.of(home != null && !home.isBlank() ? home : ".").toAbsolutePath().normalize();
    }

    /** Gives commands the writers and project directory, so tests can run the CLI in-process. */
    private record Factory(PrintWriter out, PrintWriter err, Path projectDir, java.util.Map<String, String> env)
            implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == PlanCommand.class) {
                return type.cast(new PlanCommand(out, err, projectDir, Terminal.width(env)));
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
