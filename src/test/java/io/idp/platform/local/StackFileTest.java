package io.idp.platform.local;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class StackFileTest {
    static final String FILE = """
            config:
              aws:region: us-east-1
              platform:kubernetesVersion: 1.30
              platform:availabilityZones: 3
              platform:nodeInstanceTypes:
                - m6i.large
                - m7g.large
              platform:tags:
                team: platform
              github:token:
                secure: v1:b3BhcXVlLWNpcGhlcnRleHQ=
            """;

    @Test
    void scalarsKeepTheirTextSoVersionsAreNotNumbers() {
        var raw = StackFile.parse("Pulumi.test.yaml", FILE);
        assertEquals("1.30", raw.get("platform:kubernetesVersion").orElseThrow());
        assertEquals("3", raw.get("platform:availabilityZones").orElseThrow());
    }

    @Test
    void listsAndMapsBecomeJsonAsTheEnginePassesThem() {
        var raw = StackFile.parse("Pulumi.test.yaml", FILE);
        assertEquals("[\"m6i.large\",\"m7g.large\"]", raw.get("platform:nodeInstanceTypes").orElseThrow());
        assertEquals("{\"team\":\"platform\"}", raw.get("platform:tags").orElseThrow());
    }

    @Test
    void secureValuesAreSecretAndStayOpaque() {
        var raw = StackFile.parse("Pulumi.test.yaml", FILE);
        assertTrue(raw.isSecret("github:token"));
        assertFalse(raw.isSecret("aws:region"));
        assertEquals("v1:b3BhcXVlLWNpcGhlcnRleHQ=", raw.get("github:token").orElseThrow());
    }

    @Test
    void aKeyGivenTwiceIsAProblemNamingBothLines() {
        var parsed = StackFile.parseChecked("Pulumi.test.yaml", """
                config:
                  aws:region: us-east-1
                  platform:clusterName: one
                  platform:clusterName: two
                """);
        assertEquals(1, parsed.problems().size(), parsed.problems().toString());
        var problem = parsed.problems().get(0);
        assertEquals("platform:clusterName", problem.key());
        assertEquals("two", problem.value());
        assertTrue(problem.problem().contains("on lines 3 and 4"), problem.problem());
        assertThrows(io.idp.platform.config.ConfigException.class, () -> StackFile.parse("Pulumi.test.yaml", """
                config:
                  platform:tags:
                    team: a
                    team: b
                """));
    }

    @Test
    void aSecureValueThatCannotBeCiphertextIsAProblemAndIsNotShown() {
        for (var value : java.util.List.of("12345", "not base64!", "\"\"", "[a, b]", "true")) {
            var parsed = StackFile.parseChecked("Pulumi.test.yaml", "config:\n  github:token:\n    secure: " + value + "\n");
            assertEquals(1, parsed.problems().size(), value);
            var problem = parsed.problems().get(0);
            assertEquals("[secret]", problem.value(), value);
            assertTrue(problem.problem().contains("cannot be Pulumi ciphertext"), problem.problem());
        }
        assertTrue(StackFile.parseChecked("Pulumi.test.yaml", "config:\n  github:token:\n    secure: AAABAHl0b2tlbg==\n")
                .problems().isEmpty(), "service ciphertext is plain base64");
    }

    @Test
    void invalidYamlNamesTheFile() {
        var e = assertThrows(PlanException.class, () -> StackFile.parse("Pulumi.bad.yaml", "config: [unclosed"));
        assertTrue(e.getMessage().startsWith("Pulumi.bad.yaml is not valid YAML"), e.getMessage());
    }

    @Test
    void missingStackFileSaysWhichFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var e = assertThrows(PlanException.class, () -> StackFile.read(dir, "qa"));
        assertTrue(e.getMessage().contains("Pulumi.qa.yaml"), e.getMessage());
    }
}
