package io.idp.platform.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one offline plan of a stack registered and exported; the content of a plan file. */
public record Plan(
        int formatVersion,
        String project,
        String stack,
        String role,
        List<PlannedResource> resources,
        Map<String, Object> outputs,
        List<String> secretOutputs) {

    /** 2: URNs as the engine assigns them (no root stack type in children's URNs). 1 is read and converted. */
    public static final int FORMAT_VERSION = 2;

    public Optional<PlannedResource> resource(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
