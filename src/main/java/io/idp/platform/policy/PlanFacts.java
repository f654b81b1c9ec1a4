package io.idp.platform.policy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading a plan for rules: nested inputs by path, policy documents, related resources; and tiny plans for examples. */
final class PlanFacts {
    private PlanFacts() {
    }

    /** The input at a dotted path ({@code vpcConfig.endpointPublicAccess}), list items by index ({@code rules.0.x}). */
    static Object input(PlannedResource resource, String path) {
        Object current = resource.inputs();
        for (var part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+") && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return current;
    }

    static boolean isTrue(PlannedResource resource, String path) {
        return Boolean.TRUE.equals(input(resource, path));
    }

    static Optional<JsonElement> json(Object text) {
        if (!(text instanceof String s) || s.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonParser.parseString(s));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Resources of a type whose input {@code property} names this resource (its id or name). */
    static List<PlannedResource> referencing(Plan plan, String type, String property, PlannedResource target) {
        var id = target.outputs().get("id");
        return plan.ofType(type).stream().filter(r -> {
            var value = input(r, property);
            return value != null && (value.equals(id) || value.equals(target.outputs().get("bucket")));
        }).toList();
    }

    static Optional<String> fail(boolean violated, String detail) {
        return violated ? Optional.of(detail) : Optional.empty();
    }

    // ---- tiny plans for the rules' examples -------------------------------------------------

    static PlannedResource resource(String type, String name, Map<String, Object> inputs) {
        var outputs = new java.util.TreeMap<String, Object>(inputs);
        outputs.putIfAbsent("id", name + "-id");
        return new PlannedResource("urn:pulumi:example::platform::" + type + "::" + name, type, name, "", true, false, "",
                inputs, outputs, List.of(), Map.of(), false, false, List.of(), List.of(), false, "");
    }

    static Plan plan(PlannedResource... resources) {
        return new Plan(Plan.FORMAT_VERSION, "platform", "example", "management", List.of(resources), Map.of(), List.of());
    }

    static Rule.Examples examples(Plan compliant, Plan violating) {
        return new Rule.Examples(compliant, violating);
    }

    /** One resource that complies and one that does not. */
    static Rule.Examples examples(String type, Map<String, Object> compliant, Map<String, Object> violating) {
        return new Rule.Examples(plan(resource(type, "compliant", compliant)), plan(resource(type, "violating", violating)));
    }
}
