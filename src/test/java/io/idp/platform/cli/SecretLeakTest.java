package io.idp.platform.cli;

import io.idp.platform.TestProject;
import io.idp.platform.local.StackFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** No secure value of a stack file appears in plain text in any plan file, console output, picture or committed file. */
class SecretLeakTest {
    @TempDir
    Path dir;

    @Test
    void secureValuesNeverAppearInPlansOrOutput() throws Exception {
        var project = TestProject.copyOfRepository(dir);
        var transcript = new StringBuilder();
        for (var args : new String[][]{{"plan", "mgmt"}, {"plan", "mgmt", "--json"}, {"plan", "production-east"},
                {"plan", "production-east", "--json"}, {"plan", "production-west", "--critical-path"}, {"plan", "staging", "--json"},
                {"plan", "mgmt", "--graph", dir.resolve("mgmt.mmd").toString()}}) {
            assertEquals(0, project.cli(args), project.err());
            transcript.append(project.out()).append(project.err());
        }
        for (var stack : new String[]{"mgmt", "production-east", "production-west", "staging"}) {
            transcript.append(Files.readString(project.planFile(stack)));
        }
        transcript.append(Files.readString(dir.resolve("mgmt.mmd")));
        try (var repository = Files.walk(dir.resolve(".platform/github"))) {
            for (var file : repository.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/.git/")).toList()) {
                transcript.append(Files.readString(file));
            }
        }
        var raw = StackFile.read(dir, "mgmt");
        assertFalse(raw.secretKeys().isEmpty(), "the example stack has secure values to look for");
        for (var key : raw.secretKeys()) {
            var value = raw.get(key).orElseThrow();
            assertFalse(transcript.toString().contains(value), key + " leaked");
        }
    }
}
