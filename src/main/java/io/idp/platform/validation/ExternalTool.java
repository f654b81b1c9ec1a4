package io.idp.platform.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A tool's own validator (amtool, promtool), found on the PATH. Its verdict on a file is the check;
 * where the tool is missing, the caller says so and names the command that installs it.
 */
public record ExternalTool(String name, String debianPackage) {
    public static final ExternalTool AMTOOL = new ExternalTool("amtool", "prometheus-alertmanager");
    public static final ExternalTool PROMTOOL = new ExternalTool("promtool", "prometheus");

    public Optional<Path> executable() {
        var path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (var dir : path.split(java.io.File.pathSeparator)) {
            var candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public String installHint() {
        return name + " is not installed; install it with: apt-get install " + debianPackage + " (bash .ci/run does)";
    }

    /** The tool's result for one file: exit code and what it printed. */
    public record Result(int exitCode, String output) {
        public boolean passed() {
            return exitCode == 0;
        }
    }

    /** Runs the tool with these arguments followed by a temporary file holding {@code content}. */
    public Result run(List<String> arguments, String fileName, String content) {
        var executable = executable().orElseThrow(() -> new IllegalStateException(installHint()));
        try {
            var dir = Files.createTempDirectory("platform-" + name);
            var file = dir.resolve(fileName);
            Files.writeString(file, content);
            try {
                var command = new ArrayList<String>();
                command.add(executable.toString());
                command.addAll(arguments);
                command.add(file.toString());
                var process = new ProcessBuilder(command).redirectErrorStream(true).start();
                var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, name + " did not finish in 60 s");
                }
                return new Result(process.exitValue(), output.replace(file.toString(), fileName).strip());
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }
}
