package io.idp.platform.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Every ./platform command the runbook names exists, with the options it uses; the teardown doc links to it. */
class DisasterRecoveryRunbookTest {
    static final Path RUNBOOK = Path.of("docs/disaster-recovery.md");

    /** The ./platform command lines of the runbook's code blocks, as arguments. */
    static List<List<String>> platformCommands(String markdown) {
        var commands = new ArrayList<List<String>>();
        boolean code = false;
        for (var line : markdown.split("\n")) {
            var text = line.strip();
            if (text.startsWith("```")) {
                code = !code;
            } else if (code && text.startsWith("./platform ")) {
                var args = new ArrayList<String>();
                var matcher = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(text.substring("./platform ".length()));
                while (matcher.find()) {
                    args.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
                commands.add(args);
            }
        }
        return commands;
    }

    static CommandLine cli(Path dir) {
        var out = new PrintWriter(new StringWriter());
        return PlatformCli.commandLine(out, out, dir);
    }

    @Test
    void everyPlatformCommandOfTheRunbookParses() throws Exception {
        var commands = platformCommands(Files.readString(RUNBOOK));
        assertTrue(commands.size() >= 5, "the runbook names the project's commands: " + commands);
        assertTrue(commands.stream().anyMatch(c -> c.contains("--recovery")));
        assertTrue(commands.stream().anyMatch(c -> c.contains("--replace") && c.contains("--allow-loss")));
        for (var args : commands) {
            var parsed = assertDoesNotThrow(() -> cli(Path.of(".")).parseArgs(args.toArray(String[]::new)), String.join(" ", args));
            assertTrue(parsed.hasSubcommand(), String.join(" ", args));
        }
    }

    @Test
    void theCheckCatchesACommandOrOptionThatDoesNotExist() {
        var wrong = platformCommands("```sh\n./platform plan mgmt --recover\n./platform restore mgmt\n```\n");
        for (var args : wrong) {
            assertThrows(CommandLine.ParameterException.class, () -> cli(Path.of(".")).parseArgs(args.toArray(String[]::new)), args.toString());
        }
    }

    @Test
    void theReplacedUrnInTheRunbookIsTheManagementClustersOwn() throws Exception {
        var runbook = Files.readString(RUNBOOK);
        assertTrue(runbook.contains(RebuildManagementClusterTest.CLUSTER_URN), "the runbook's URN is the one the rebuild test plans");
    }

    @Test
    void theTeardownDocLinksToTheRunbook() throws Exception {
        assertTrue(Files.readString(Path.of("docs/teardown.md")).contains("(disaster-recovery.md)"));
    }
}
