package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** platform:tags against AWS's limits, counting the platform's own five tags. */
class TagLimitsTest {
    private static Map<String, String> withTags(String json) {
        var values = management();
        values.put("platform:tags", json);
        return values;
    }

    private static String tagsJson(int count) {
        var tags = new LinkedHashMap<String, String>();
        for (int i = 0; i < count; i++) {
            tags.put("t" + i, "v");
        }
        return new com.google.gson.Gson().toJson(tags);
    }

    @Test
    void fortyFiveTagsAreAccepted() {
        assertEquals(45, load(withTags(tagsJson(45))).tags().size());
    }

    @Test
    void fortySixTagsAreRefusedNamingTheLimitAndThePlatformsOwnTags() {
        var error = only(withTags(tagsJson(46)));
        assertEquals("platform:tags", error.key());
        assertEquals("46 tags", error.value());
        assertEquals("has 46 tags; AWS allows 50 per resource and the platform adds 5 of its own "
                + "(platform/stack, platform/cluster, platform/role, managed-by, Name)", error.problem());
        assertEquals("at most 45 tags", error.allowed());
        assertEquals(ConfigKeys.TAGS.exampleLine(), error.example());
    }

    @Test
    void aTagKeyOf128CharactersIsAccepted() {
        var key = "k".repeat(128);
        assertEquals("v", load(withTags("{\"" + key + "\": \"v\"}")).tags().get(key));
    }

    @Test
    void aTagKeyOf129CharactersIsRefused() {
        var error = only(withTags("{\"" + "k".repeat(129) + "\": \"v\"}"));
        assertEquals("has a tag key of 129 characters", error.problem());
        assertEquals("tag keys of 1-128 characters", error.allowed());
        assertEquals("k".repeat(129), error.value());
    }

    @Test
    void anEmptyTagKeyIsRefused() {
        var error = only(withTags("{\"\": \"v\"}"));
        assertEquals("has a tag key of 0 characters", error.problem());
        assertEquals("", error.value());
    }

    @Test
    void aTagKeyStartingWithAwsInAnyCaseIsRefused() {
        var error = only(withTags("{\"AWS:team\": \"v\"}"));
        assertEquals("has a tag key starting with 'aws:', which AWS reserves for its own tags", error.problem());
        assertEquals("tag keys not starting with aws:", error.allowed());
        assertEquals("AWS:team", error.value());
    }

    @Test
    void thePlatformsOwnTagKeyIsRefused() {
        var error = only(withTags("{\"managed-by\": \"me\"}"));
        assertEquals("sets the platform's own tag 'managed-by', which the platform sets on every resource", error.problem());
        assertEquals("tag keys other than platform/stack, platform/cluster, platform/role, managed-by, Name", error.allowed());
    }

    @Test
    void aTagKeyWithAForbiddenCharacterIsRefused() {
        var error = only(withTags("{\"team#1\": \"v\"}"));
        assertEquals("has a tag key with characters AWS does not allow", error.problem());
        assertEquals("letters, digits, spaces and _ . : / = + - @", error.allowed());
        assertEquals("team#1", error.value());
    }

    @Test
    void aBlankTagKeyIsRefused() {
        var error = only(withTags("{\"  \": \"v\"}"));
        assertEquals("has a tag key with characters AWS does not allow", error.problem());
    }

    @Test
    void aTagValueOf256CharactersIsAccepted() {
        assertEquals(256, load(withTags("{\"team\": \"" + "v".repeat(256) + "\"}")).tags().get("team").length());
    }

    @Test
    void aTagValueOf257CharactersIsRefusedShowingKeyAndValue() {
        var error = only(withTags("{\"team\": \"" + "v".repeat(257) + "\"}"));
        assertEquals("has a tag value of 257 characters", error.problem());
        assertEquals("tag values of at most 256 characters", error.allowed());
        assertEquals("team: " + "v".repeat(257), error.value());
    }

    @Test
    void aTagValueWithAForbiddenCharacterIsRefused() {
        var error = only(withTags("{\"team\": \"a*b\"}"));
        assertEquals("has a tag value with characters AWS does not allow", error.problem());
        assertEquals("team: a*b", error.value());
        assertEquals(ConfigKeys.TAGS.exampleLine(), error.example());
    }

    @Test
    void anEmptyTagValueAndAllowedPunctuationAreAccepted() {
        var tags = load(withTags("{\"team\": \"\", \"cost center\": \"a_b.c:d/e=f+g-h@i\"}")).tags();
        assertEquals("", tags.get("team"));
        assertEquals("a_b.c:d/e=f+g-h@i", tags.get("cost center"));
    }

    @Test
    void aBadKeyAndABadValueOfOneTagAreBothReported() {
        var problems = errors(withTags("{\"aws:x\": \"a*b\"}")).stream().map(ConfigError::problem).toList();
        assertEquals(java.util.List.of("has a tag key starting with 'aws:', which AWS reserves for its own tags",
                "has a tag value with characters AWS does not allow"), problems);
    }
}
