package io.idp.platform.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/** Values combined the way Helm combines them: maps merge key by key, lists and scalars replace, null deletes. */
public final class HelmValues {
    private HelmValues() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> defaults, Map<String, Object> overrides) {
        var merged = new LinkedHashMap<String, Object>(defaults == null ? Map.of() : defaults);
        overrides.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> base) {
                merged.put(key, merge((Map<String, Object>) base, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
