package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class HelmValuesTest {
    @Test
    void mapsMergeListsReplaceAndNullDeletes() {
        var defaults = Map.<String, Object>of("a", Map.of("x", 1, "y", 2), "list", List.of(1, 2, 3), "gone", "soon", "kept", true);
        var overrides = new HashMap<String, Object>();
        overrides.put("a", Map.of("y", 20, "z", 30));
        overrides.put("list", List.of(9));
        overrides.put("gone", null);
        var merged = HelmValues.merge(defaults, overrides);
        assertEquals(Map.of("x", 1, "y", 20, "z", 30), merged.get("a"));
        assertEquals(List.of(9), merged.get("list"));
        assertFalse(merged.containsKey("gone"));
        assertEquals(true, merged.get("kept"));
    }
}
