package io.idp.platform.validation;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Running a validator on a temporary file: exit code, output with the file's own name, the file removed. */
class ExternalToolTest {
    /** The POSIX shell stands in for a validator: it runs the file it is given. */
    static final ExternalTool SHELL = new ExternalTool("sh", "dash");

    @Test
    void theToolsExitCodeAndOutputAreItsVerdictWithTheTemporaryPathShownAsTheFileName() {
        Assumptions.assumeTrue(SHELL.executable().isPresent(), "sh is not on the PATH");
        var result = SHELL.run(List.of("-e"), "check.sh", "echo \"checking $0\"\necho \"$1-$2\" >&2\nexit 3\n");
        assertEquals(new ExternalTool.Result(3, "checking check.sh\n-"), result);
        assertFalse(result.passed());
        var passed = SHELL.run(List.of(), "ok.sh", "echo '  fine  '\n");
        assertEquals(new ExternalTool.Result(0, "fine"), passed);
        assertTrue(passed.passed());
    }

    @Test
    void theTemporaryFileIsRemovedAfterTheRun() {
        Assumptions.assumeTrue(SHELL.executable().isPresent(), "sh is not on the PATH");
        var result = SHELL.run(List.of(), "where.sh", "dirname \"$(readlink -f \"$0\")\"\n");
        var dir = result.output().replace("where.sh", "");
        assertTrue(dir.contains("platform-sh"), result.output());
        assertFalse(Files.exists(java.nio.file.Path.of(dir)), dir + " is left behind");
    }

    @Test
    void theExecutableIsFoundOnThePathAndAMissingOneNamesItsPackage() {
        // Every POSIX system has sh (Debian: dash, essential), so its absence is a failure, not a skip.
        assertTrue(SHELL.executable().isPresent(), "sh is not on the PATH");
        assertTrue(Files.isExecutable(SHELL.executable().orElseThrow()));
        assertEquals("sh", SHELL.executable().orElseThrow().getFileName().toString());
        var missing = new ExternalTool("no-such-validator-here", "some-package");
        assertTrue(missing.executable().isEmpty());
        assertEquals("no-such-validator-here is not installed; install it with: apt-get install some-package (bash .ci/run does)",
                missing.installHint());
        var error = assertThrows(IllegalStateException.class, () -> missing.run(List.of(), "f", "x"));
        assertEquals(missing.installHint(), error.getMessage());
        assertEquals("amtool", ExternalTool.AMTOOL.name());
        assertEquals("prometheus-alertmanager", ExternalTool.AMTOOL.debianPackage());
        assertEquals("promtool", ExternalTool.PROMTOOL.name());
        assertEquals("prometheus", ExternalTool.PROMTOOL.debianPackage());
    }
}
