package io.idp.platform.local;

import java.util.List;
import java.util.Map;

/** Resources and plans for the diff, printer and plan-file tests: one place that builds the records. */
final class PlanFixtures {
    private PlanFixtures() {
    }

    static PlannedResource resource(String type, String name, String parent, boolean custom, boolean read, Map<String, Object> inputs,
                                    boolean protect, boolean retain, List<String> replaceOnChanges, String importId) {
        return new PlannedResource(urn(type, name), type, name, parent, custom, read, "", inputs, Map.of(), List.of(), Map.of(),
                protect, retain, List.of(), replaceOnChanges, false, importId);
    }

    static PlannedResource custom(String type, String name, Map<String, Object> inputs) {
        return resource(type, name, "", true, false, inputs, false, false, List.of(), "");
    }

    static PlannedResource replacingOn(String type, String name, Map<String, Object> inputs, String... replaceOnChanges) {
        return resource(type, name, "", true, false, inputs, false, false, List.of(replaceOnChanges), "");
    }

    static String urn(String type, String name) {
        return "urn:pulumi:s::platform::" + type + "::" + name;
    }

    static Plan plan(PlannedResource... resources) {
        return new Plan(Plan.FORMAT_VERSION, "platform", "s", "management", List.of(resources), Map.of(), List.of());
    }
}
