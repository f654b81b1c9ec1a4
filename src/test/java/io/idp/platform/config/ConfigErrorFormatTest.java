package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** How one error reads: the file, the value quoted or "(not set)", long values shortened, allowed and example lines. */
class ConfigErrorFormatTest {
    @Test
    void aMissingValueIsShownAsNotSet() {
        assertEquals("(not set)", new ConfigError("platform:domain", null, "is required", "a domain", "x").shownValue());
    }

    @Test
    void aValueIsShownQuoted() {
        assertEquals("\"abc\"", new ConfigError("platform:domain", "abc", "is bad", null, null).shownValue());
    }

    @Test
    void aValueOfExactlyTwoHundredCharactersIsShownWhole() {
        var text = "a".repeat(ConfigError.MAX_SHOWN);
        assertEquals(text, ConfigError.shorten(text));
    }

    @Test
    void aValueOneCharacterPastTheLimitIsShortenedWithItsLength() {
        var text = "b".repeat(ConfigError.MAX_SHOWN + 1);
        assertEquals("b".repeat(197) + "... (201 characters)", ConfigError.shorten(text));
    }

    @Test
    void theShownValueOfALongValueIsShortened() {
        var error = new ConfigError("platform:tags", "c".repeat(300), "is bad", null, null);
        assertEquals("\"" + "c".repeat(197) + "... (300 characters)\"", error.shownValue());
    }

    @Test
    void formatNamesKeyValueProblemAllowedAndExample() {
        var error = new ConfigError("platform:natGateways", "many", "is not one of the allowed values", "onePerAz or single",
                "platform:natGateways: single");
        assertEquals("platform:natGateways = \"many\": is not one of the allowed values\n"
                + "      allowed: onePerAz or single\n"
                + "      example: platform:natGateways: single", error.format());
    }

    @Test
    void formatLeadsWithTheFileWhenTheErrorIsInAnotherFile() {
        var error = new ConfigError("name", "x y", "is not a project name", null, null).inFile("Pulumi.yaml");
        assertEquals("Pulumi.yaml", error.file());
        assertEquals("Pulumi.yaml: name = \"x y\": is not a project name", error.format());
    }

    @Test
    void inFileKeepsEveryOtherField() {
        var error = new ConfigError("k", "v", "p", "a", "e").inFile("f");
        assertEquals(new ConfigError("k", "v", "p", "a", "e", "f"), error);
    }

    @Test
    void blankAllowedAndExampleAreLeftOut() {
        var error = new ConfigError("k", null, "is required", " ", "");
        assertEquals("k = (not set): is required", error.format());
    }

    @Test
    void onlyTheExampleIsShownWhenAllowedIsMissing() {
        var error = new ConfigError("k", "v", "is bad", null, "k: good");
        assertEquals("k = \"v\": is bad\n      example: k: good", error.format());
    }
}
