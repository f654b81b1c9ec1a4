package io.idp.platform.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every key path a Helm source sets must mean something to its chart at that version: it exists in
 * the chart's default values (or a subchart's, under the subchart's name), or lies under a map whose
 * default is empty (free-form: annotations, configs.cm, grafana.ini...), or is one of the documented
 * {@link ValuesExceptions}. The values merged with the defaults must satisfy the chart's
 * values.schema.json where it ships one, as Helm checks them.
 */
public final class ValuesCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ValuesCheck() {
    }

    public static List<String> check(HelmSource source, ReferenceData.ChartPack pack) {
        var problems = new ArrayList<String>();
        walk(source, pack, source.values(), pack.values(), List.of(), problems);
        if (pack.schema() != null) {
            @SuppressWarnings("unchecked")
            var defaults = JSON.convertValue(pack.values(), Map.class);
            @SuppressWarnings("unchecked")
            var merged = HelmValues.merge((Map<String, Object>) defaults, source.values());
            for (var message : Schemas.validate(Schemas.compile(pack.schema()), JSON.valueToTree(merged))) {
                problems.add(source.describe() + ": values.schema.json: " + message);
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void walk(HelmSource source, ReferenceData.ChartPack pack, Map<String, Object> ours, JsonNode defaults,
                             List<String> path, List<String> problems) {
        for (var entry : ours.entrySet()) {
            var key = entry.getKey();
            var keys = new ArrayList<>(path);
            keys.add(key);
            var keyPath = String.join(".", keys);
            var value = entry.getValue();
            JsonNode next;
            if (ValuesExceptions.freeForm(pack.chart(), keys)) {
                continue;
            }
            if (defaults.has(key)) {
                next = defaults.get(key);
                if (path.isEmpty() && pack.subcharts().containsKey(key)) {
                    next = merged(pack.subcharts().get(key), next);
                }
            } else if (path.isEmpty() && pack.subcharts().containsKey(key)) {
                next = pack.subcharts().get(key);
            } else if (declaredBySchema(pack.schema(), keys)) {
                continue;
            } else if (ValuesExceptions.allows(pack.chart(), keyPath)) {
                continue;
            } else {
                problems.add(source.describe() + ": " + keyPath + " is not a value of " + pack.chart() + " " + pack.version()
                        + nearest(defaults, key));
                continue;
            }
            if (value instanceof Map<?, ?> map && next != null && next.isObject() && !next.isEmpty()) {
                walk(source, pack, (Map<String, Object>) map, next, keys, problems);
            }
        }
    }

    /** The subchart's defaults under the parent's overrides, maps merged key by key as Helm merges them. */
    private static JsonNode merged(JsonNode subchartDefaults, JsonNode parentOverrides) {
        if (!subchartDefaults.isObject() || !parentOverrides.isObject()) {
            return parentOverrides;
        }
        var copy = (com.fasterxml.jackson.databind.node.ObjectNode) subchartDefaults.deepCopy();
        parentOverrides.fields().forEachRemaining(e -> copy.set(e.getKey(),
                copy.has(e.getKey()) ? merged(copy.get(e.getKey()), e.getValue()) : e.getValue()));
        return copy;
    }

    /** A key the chart's schema declares (some charts document keys only there). */
    private static boolean declaredBySchema(JsonNode schema, List<String> keys) {
        if (schema == null) {
            return false;
        }
        var node = schema;
        for (var key : keys) {
            node = node.path("properties").path(key);
            if (node.isMissingNode()) {
                return false;
            }
        }
        return true;
    }

    private static String nearest(JsonNode defaults, String key) {
        var names = new ArrayList<String>();
        defaults.fieldNames().forEachRemaining(names::add);
        return io.idp.platform.config.Validators.closest(key, names).map(c -> " (did you mean " + c + "?)")
                .orElse(names.isEmpty() ? "" : " (its keys here: " + String.join(", ", names.subList(0, Math.min(12, names.size())))
                        + (names.size() > 12 ? ", ..." : "") + ")");
    }
}
