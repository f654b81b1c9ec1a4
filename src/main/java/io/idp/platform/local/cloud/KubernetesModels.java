package io.idp.platform.local.cloud;

import java.util.Map;

/**
 * What the kubernetes provider returns: objects identified by namespace/name, a Helm release's
 * status. Any {@code kubernetes:} type without a model of its own is treated as an object.
 */
final class KubernetesModels {
    private KubernetesModels() {
    }

    static void register(ResourceModels m, Ids ids) {
        m.fallback("kubernetes:", c -> {
            var metadata = c.state.get("metadata") instanceof Map<?, ?> meta ? meta : Map.of();
            var name = metadata.get("name") != null ? String.valueOf(metadata.get("name")) : c.name;
            var namespace = metadata.get("namespace");
            c.id = namespace != null ? namespace + "/" + name : name;
        });
        m.model("kubernetes:helm.sh/v3:Release", c -> {
            var name = c.input("name") != null ? c.input("name") : c.name;
            c.id = c.input("namespace") + "/" + name;
            c.put("status", Map.of("name", name, "namespace", String.valueOf(c.input("namespace")), "status", "deployed",
                    "chart", String.valueOf(c.input("chart")), "version", String.valueOf(c.input("version")), "revision", 1));
        });
    }
}
