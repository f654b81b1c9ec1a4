package io.idp.platform.stacks;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This repository's workflow files, read as GitHub reads them, and their run: scripts executed the way
 * a runner executes them (bash -e, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), so tests check what
 * the steps do rather than how they are spelled.
 */
final class Workflows {
    static final Path DIR = Path.of(".github/workflows");
    static final List<String> NAMES = List.of("deploy.yaml", "preview.yaml", "drift.yaml");

    private Workflows() {
    }

    static Map<String, Object> load(String name) throws IOException {
        return new Yaml().load(Files.readString(DIR.resolve(name)));
    }

    /** The triggers: YAML 1.1 reads the key {@code on} as the boolean true. */
    static Map<String, Object> triggers(Map<String, Object> workflow) {
        var on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(true);
        return map(on, "on");
    }

    static Map<String, Object> job(Map<String, Object> workflow, String id) {
        var jobs = map(workflow.get("jobs"), "jobs");
        return map(jobs.get(id), "jobs." + id);
    }

    static Map<String, Object> step(Map<String, Object> job, String id) {
        for (var step : list(job.get("steps"), "steps")) {
            var s = map(step, "step");
            if (id.equals(s.get("id"))) {
                return s;
            }
        }
        throw new AssertionError("no step with id " + id + " in " + job.get("steps"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new AssertionError(what + " is not a map: " + value);
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (!(value instanceof List<?> l)) {
            throw new AssertionError(what + " is not a list: " + value);
        }
        return (List<Object>) l;
    }

    /** needs: as GitHub accepts it, one job id or a list of them. */
    static List<String> needs(Map<String, Object> job) {
        var needs = job.get("needs");
        if (needs instanceof String one) {
            return List.of(one);
        }
        return needs == null ? List.of() : list(needs, "needs").stream().map(String::valueOf).toList();
    }

    record StepResult(int exit, String log, Map<String, String> outputs, String summary) {
    }

    /** Runs a step's run: script in dir with bash -e, as a runner does, with env added. */
    static StepResult run(Map<String, Object> step, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        var script = (String) step.get("run");
        assertTrue(script != null && !script.isBlank(), "the step has no run: script: " + step);
        var output = Files.createTempFile(dir, "github-output", ".txt");
        var summary = Files.createTempFile(dir, "step-summary", ".md");
        var log = Files.createTempFile(dir, "step-log", ".txt");
        var builder = new ProcessBuilder("bash", "-e", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("GITHUB_OUTPUT", output.toString());
        builder.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
        var process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the step timed out: " + script);
        var outputs = new LinkedHashMap<String, String>();
        for (var line : Files.readAllLines(output)) {
            var eq = line.indexOf('=');
            if (eq > 0) {
                outputs.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new StepResult(process.exitValue(), Files.readString(log), outputs, Files.readString(summary));
    }

    /** An executable script on disk, standing in for a command the runner provides. */
    static Path executable(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        var file = dir.resolve(name);
        Files.writeString(file, text);
        assertTrue(file.toFile().setExecutable(true), "cannot make " + file + " executable");
        return file;
    }
}
