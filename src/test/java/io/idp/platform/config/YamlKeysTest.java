package io.idp.platform.config;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Keys set twice in one YAML map, at any depth, named with both lines. */
class YamlKeysTest {
    private static List<ConfigError> duplicates(String yaml, String skipTop) {
        return YamlKeys.duplicates(new Yaml().compose(new StringReader(yaml)), "Pulumi.x.yaml", skipTop);
    }

    @Test
    void aTopLevelKeySetTwiceNamesBothLines() {
        var errors = duplicates("a: 1\nb: 2\na: 3\n", null);
        assertEquals(1, errors.size());
        var error = errors.get(0);
        assertEquals("a", error.key());
        assertEquals("3", error.value());
        assertEquals("is set twice, on lines 1 and 3; YAML would silently keep only the last", error.problem());
        assertEquals("each key once per map", error.allowed());
        assertEquals("keep one of lines 1 and 3", error.example());
        assertEquals("Pulumi.x.yaml", error.file());
    }

    @Test
    void aNestedKeyIsNamedByItsDottedPath() {
        var errors = duplicates("outer:\n  inner:\n    k: 1\n    k: [1, 2]\n", null);
        assertEquals(List.of("outer.inner.k"), errors.stream().map(ConfigError::key).toList());
        assertEquals("(a list)", errors.get(0).value());
    }

    @Test
    void theSkippedTopKeyIsLeftOutOfThePath() {
        var errors = duplicates("config:\n  platform:tags: {a: 1}\n  platform:tags:\n    b: 2\n", "config");
        assertEquals(List.of("platform:tags"), errors.stream().map(ConfigError::key).toList());
        assertEquals("(a map)", errors.get(0).value());
        assertEquals("keep one of lines 2 and 3", errors.get(0).example());
    }

    @Test
    void keysInsideListItemsAreChecked() {
        var errors = duplicates("items:\n  - name: a\n    name: b\n  - name: c\n", null);
        assertEquals(List.of("items.name"), errors.stream().map(ConfigError::key).toList());
        assertEquals("b", errors.get(0).value());
    }

    @Test
    void theSameKeyInDifferentMapsIsNoDuplicate() {
        assertEquals(List.of(), duplicates("a:\n  k: 1\nb:\n  k: 2\nlist: [1, 1]\n", null));
    }

    @Test
    void aKeyThriceGivesTwoErrorsBothNamingTheFirstLine() {
        var errors = duplicates("k: 1\nk: 2\nk: 3\n", null);
        assertEquals(List.of("keep one of lines 1 and 2", "keep one of lines 1 and 3"),
                errors.stream().map(ConfigError::example).toList());
    }
}
