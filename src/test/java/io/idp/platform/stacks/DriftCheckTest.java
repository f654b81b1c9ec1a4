package io.idp.platform.stacks;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.idp.platform.stacks.Workflows.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The drift workflow's own steps, run as a runner runs them, with stand-ins for the two commands the
 * runner provides: pulumi (answering as the CLI does with --expect-no-changes) and gh (recording what
 * it is asked to do, and answering issue list through the real jq with the step's own filter).
 */
class DriftCheckTest {
    static final String PATH = System.getenv("PATH");

    @BeforeAll
    static void jqIsInstalled() throws Exception {
        var found = new ProcessBuilder("sh", "-c", "command -v jq").start().waitFor() == 0;
        Assumptions.assumeTrue(found, "jq is not installed; .ci/run installs it (apt-get install jq)");
    }

    static Map<String, Object> checkStep() throws IOException {
        return step(job(load("drift.yaml"), "check"), "preview");
    }

    static Map<String, Object> reportStep() throws IOException {
        var steps = list(job(load("drift.yaml"), "report").get("steps"), "steps");
        for (var step : steps) {
            if (map(step, "step").get("run") != null) {
                return map(step, "step");
            }
        }
        throw new AssertionError("the report job has no run: step");
    }

    @ParameterizedTest(name = "exit {0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "0   | Resources: 64 unchanged                                                     | clean",
            "255 | error: no changes were expected but changes were proposed                  | drifted",
            "255 | error: no changes were expected for preview but changes were proposed      | drifted",
            "255 | error: no stack named 'production-eu' found                               | failed",
            "255 | error: failed to decrypt: incorrect passphrase                              | failed"})
    void thePreviewExitAndOutputDecideTheStatus(int exit, String message, String status, @TempDir Path dir) throws Exception {
        var calls = dir.resolve("pulumi-args.txt");
        var bin = dir.resolve("bin");
        executable(bin, "pulumi", "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + calls + "'\n"
                + "echo 'Previewing update (staging):'\necho \"$ANSWER\" >&2\nexit " + exit + "\n");
        var result = Workflows.run(checkStep(), dir, Map.of("STACK", "staging", "PATH", bin + ":" + PATH, "ANSWER", message));
        assertEquals(0, result.exit(), "the step records the status; a later step fails the job:\n" + result.log());
        assertEquals(Map.of("status", status), result.outputs());
        assertEquals(status, Files.readString(dir.resolve("drift/staging.status")).trim());
        assertTrue(Files.readString(dir.resolve("drift/staging.txt")).contains(message), "the output is kept for the issue");
        assertEquals(List.of("preview", "--stack", "staging", "--expect-no-changes", "--refresh", "--diff",
                "--non-interactive", "--color", "never"), Files.readAllLines(calls));
        assertEquals("drifted".equals(status), result.log().contains("::warning::stack staging drifted"), result.log());
    }

    /** gh, recording one line per call and the body files it is given; issue list answers from ISSUES. */
    static final String FAKE_GH = """
            #!/bin/bash
            n=$(( $(wc -l < "$CALLS") + 1 ))
            echo "$*" >> "$CALLS"
            previous=""
            for arg in "$@"; do
              if [ "$previous" = "--body-file" ]; then cp "$arg" "$BODIES/$n.md"; fi
              if [ "$previous" = "--jq" ]; then filter=$arg; fi
              previous=$arg
            done
            if [ "$1 $2" = "issue list" ]; then jq -r "$filter" <<<"$ISSUES"; fi
            """;

    @Test
    void eachStackGetsOneIssueOpenedUpdatedOrClosedByItsStatus(@TempDir Path dir) throws Exception {
        var drift = Files.createDirectories(dir.resolve("drift"));
        for (var stack : Map.of("mgmt", "drifted", "production-east", "drifted", "staging", "clean",
                "production-west", "failed", "production-eu", "clean").entrySet()) {
            Files.writeString(drift.resolve(stack.getKey() + ".status"), stack.getValue() + "\n");
            Files.writeString(drift.resolve(stack.getKey() + ".txt"), "~ aws:eks:NodeGroup " + stack.getKey() + "-nodes update\n");
        }
        var calls = Files.createFile(dir.resolve("calls.txt"));
        var bodies = Files.createDirectories(dir.resolve("bodies"));
        var bin = dir.resolve("bin");
        executable(bin, "gh", FAKE_GH);
        // Open: mgmt's drift issue, staging's (now clean), production-west's (check failed), and an
        // issue whose title only starts like mgmt's.
        var issues = """
                [{"number": 11, "title": "Drift in stack mgmt-old"},
                 {"number": 3, "title": "Drift in stack mgmt"},
                 {"number": 7, "title": "Drift in stack staging"},
                 {"number": 9, "title": "Drift in stack production-west"}]""";
        var env = new HashMap<String, String>(Map.of("PATH", bin + ":" + PATH, "CALLS", calls.toString(),
                "BODIES", bodies.toString(), "ISSUES", issues, "RUN_URL", "https://github.com/acme/platform/actions/runs/42"));
        var result = Workflows.run(reportStep(), dir, env);
        assertEquals(0, result.exit(), result.log());
        var lines = Files.readAllLines(calls);
        assertTrue(lines.get(0).startsWith("label create drift "), lines.get(0));
        assertTrue(lines.get(0).endsWith(" --force"), "the label is created or kept: " + lines.get(0));
        var changes = lines.stream().filter(l -> !l.startsWith("issue list") && !l.startsWith("label")).toList();
        assertEquals(List.of(
                "issue edit 3 --body-file body.md",
                "issue comment 3 --body Still drifted: https://github.com/acme/platform/actions/runs/42",
                "issue create --title Drift in stack production-east --label drift --body-file body.md",
                "issue close 7 --comment No drift any more: https://github.com/acme/platform/actions/runs/42"),
                changes, "in the stacks' order");
        assertEquals(5, lines.stream().filter(l -> l.startsWith("issue list --state open --label drift")).count(),
                "one look-up per stack: " + lines);
        var created = Files.readString(bodies.resolve((lines.indexOf(changes.stream()
                .filter(l -> l.startsWith("issue create")).findFirst().orElseThrow()) + 1) + ".md"));
        assertTrue(created.contains("~ aws:eks:NodeGroup production-east-nodes update"), created);
        assertTrue(created.contains("pulumi up -s production-east"), created);
        assertTrue(created.contains("https://github.com/acme/platform/actions/runs/42"), created);
        assertTrue(result.log().contains("stack production-west: the check failed"), result.log());
    }
}
