package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The reader's checks report what they record, mask values of secret keys, and the tag check's verdict. */
class ReaderChecksTest {
    private static ConfigReader reader(Map<String, String> values, Set<String> secrets) {
        return new ConfigReader(new RawConfig("Pulumi.test.yaml", values, secrets));
    }

    @Test
    void aFailedCheckWithItsOwnAllowedReturnsFalseAndRecordsIt() {
        var reader = reader(Map.of(), Set.of());
        assertFalse(reader.check(ConfigKeys.TAGS, "x", false, "is bad", "good ones", "platform:tags: {}"));
        assertEquals(List.of(new ConfigError("platform:tags", "x", "is bad", "good ones", "platform:tags: {}")), reader.errors());
    }

    @Test
    void aPassedCheckReturnsTrueAndRecordsNothing() {
        var reader = reader(Map.of(), Set.of());
        assertTrue(reader.check(ConfigKeys.TAGS, "x", true, "is bad", "good ones", "e"));
        assertTrue(reader.check(ConfigKeys.TAGS, "x", true, "is bad"));
        assertEquals(List.of(), reader.errors());
    }

    @Test
    void aFailedCheckOfASecretKeyMasksTheValue() {
        var reader = reader(Map.of("platform:tags", "{}"), Set.of("platform:tags"));
        reader.check(ConfigKeys.TAGS, "leak", false, "is bad", "a", "e");
        assertEquals(SecretValue.MASK, reader.errors().get(0).value());
    }

    @Test
    void aMissingValueOfASecretKeyStaysNotSet() {
        var reader = reader(Map.of(), Set.of("platform:tags"));
        reader.check(ConfigKeys.TAGS, null, false, "is bad", "a", "e");
        assertNull(reader.errors().get(0).value());
    }

    @Test
    void anEmptySecretFromTheEngineIsReportedMasked() {
        var reader = reader(Map.of("github:token", ""), Set.of("github:token"));
        assertEquals(Optional.empty(), reader.secret(ConfigKeys.GITHUB_TOKEN));
        assertEquals(List.of(new ConfigError("github:token", SecretValue.MASK, "is set as a secret but its value is empty",
                ConfigKeys.GITHUB_TOKEN.allowed(), ConfigKeys.GITHUB_TOKEN.example())), reader.errors());
    }

    @Test
    void aBlankSecretIsReportedAsEmptyNotAsMissing() {
        var reader = reader(Map.of("github:token", "  "), Set.of("github:token"));
        reader.secret(ConfigKeys.GITHUB_TOKEN);
        assertEquals("is set as a secret but its value is empty", reader.errors().get(0).problem());
    }

    @Test
    void aSecretIsReadMasked() {
        var reader = reader(Map.of("github:token", "ghp_x"), Set.of("github:token"));
        assertEquals(SecretValue.MASK, reader.secret(ConfigKeys.GITHUB_TOKEN).orElseThrow().toString());
        assertEquals(List.of(), reader.errors());
    }

    @Test
    void tagsWithinTheLimitsPass() {
        var reader = reader(Map.of(), Set.of());
        assertTrue(Tags.check(Map.of("team", "platform"), reader));
        assertEquals(List.of(), reader.errors());
    }

    @Test
    void tooManyTagsFail() {
        var tags = new java.util.HashMap<String, String>();
        for (int i = 0; i < 46; i++) {
            tags.put("t" + i, "v");
        }
        assertFalse(Tags.check(tags, reader(Map.of(), Set.of())));
    }

    @Test
    void aBadTagKeyFailsTheCheck() {
        assertFalse(Tags.check(Map.of("aws:team", "v"), reader(Map.of(), Set.of())));
    }

    @Test
    void aBadTagValueFailsTheCheck() {
        assertFalse(Tags.check(Map.of("team", "a*b"), reader(Map.of(), Set.of())));
    }

    @Test
    void aBadTagAmongGoodOnesFailsTheCheck() {
        var tags = new java.util.LinkedHashMap<String, String>();
        tags.put("bad#", "v");
        tags.put("good", "v");
        assertFalse(Tags.check(tags, reader(Map.of(), Set.of())));
    }

    @Test
    void aCallerBuiltErrorOfAPlainKeyIsKeptAsGiven() {
        var reader = reader(Map.of(), Set.of());
        var error = new ConfigError("platform:tags", "v", "p", "a", "e");
        reader.error(error);
        assertSame(error, reader.errors().get(0));
    }
}
