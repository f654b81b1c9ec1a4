package io.idp.platform.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A rendered Kubernetes object against the API that will receive it: a custom resource against its
 * CRD's openAPIV3Schema at the version the catalog pins (the version served, required fields, enums,
 * formats, no unknown fields); a built-in kind against the Kubernetes API's definition, in an API
 * version the cluster still serves. A kind nobody defines fails, naming the chart expected to.
 */
public final class ObjectCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private final ReferenceData.KubernetesApi kubernetes;
    /** group/kind to its CRD, from the pinned charts. */
    private final Map<String, ReferenceData.Crd> crds = new TreeMap<>();
    /** group to the chart that defines kinds in it. */
    private final Map<String, String> groups = new TreeMap<>();
    private final Map<String, JsonSchema> compiled = new LinkedHashMap<>();

    public ObjectCheck(ReferenceData.KubernetesApi kubernetes, List<ReferenceData.ChartPack> charts) {
        this.kubernetes = kubernetes;
        for (var chart : charts) {
            for (var crd : chart.crds()) {
                crds.put(crd.group() + "/" + crd.kind(), crd);
                groups.putIfAbsent(crd.group(), chart.chart() + " " + chart.version());
            }
        }
    }

    @SuppressWarnings("unchecked")
    public List<String> check(String file, Map<String, Object> object) {
        var problems = new ArrayList<String>();
        var apiVersion = String.valueOf(object.get("apiVersion"));
        var kind = String.valueOf(object.get("kind"));
        var metadata = object.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        var where = file + " " + kind + "/" + metadata.get("name") + ": ";
        if (metadata.get("name") == null || !NAME.matcher(String.valueOf(metadata.get("name"))).matches()) {
            problems.add(where + "metadata.name must be a lower-case DNS name, was " + metadata.get("name"));
        }
        var group = group(apiVersion);
        var version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        var crd = crds.get(group + "/" + kind);
        JsonNode schema;
        String key;
        if (crd != null) {
            var crdVersion = crd.version(version).filter(ReferenceData.CrdVersion::served);
            if (crdVersion.isEmpty()) {
                problems.add(where + "apiVersion " + apiVersion + " is not served by the " + kind + " CRD of " + crd.chart() + " "
                        + crd.chartVersion() + " (served: " + String.join(", ", crd.served()) + ")");
                return problems;
            }
            if (crd.scope().equals("Cluster") && metadata.get("namespace") != null) {
                problems.add(where + "metadata.namespace is set, but " + kind + " is cluster-scoped");
            }
            key = crd.chart() + "@" + crd.chartVersion() + "/" + group + "/" + version + "/" + kind;
            schema = crdVersion.get().schema();
        } else if (kubernetes.isBuiltIn(group) || group.isEmpty()) {
            if (!kubernetes.serves(apiVersion, kind)) {
                problems.add(where + apiVersion + " " + kind + " is not served by Kubernetes " + kubernetes.version());
                return problems;
            }
            var definition = kubernetes.definition(apiVersion, kind);
            if (definition.isEmpty()) {
                problems.add(where + "no schema for " + apiVersion + " " + kind + " is packaged; add it to the reference data");
                return problems;
            }
            key = "kubernetes/" + definition.get();
            schema = kubernetesSchema(definition.get());
        } else {
            var chart = groups.get(group);
            problems.add(where + (chart != null
                    ? "kind " + kind + " is not defined by " + chart + ", which provides the other " + group + " kinds; its CRDs: "
                    + crds.values().stream().filter(c -> c.group().equals(group)).map(ReferenceData.Crd::kind).toList()
                    : "no CRD for " + apiVersion + " " + kind + ": no chart in the catalog provides the group " + group
                    + "; add the chart that defines it to stacks/catalog.yaml"));
            return problems;
        }
        var validator = compiled.computeIfAbsent(key, k -> Schemas.compile(crd != null ? Schemas.closed(schema) : schema));
        for (var message : Schemas.validate(validator, JSON.valueToTree(object))) {
            problems.add(where + message);
        }
        return problems;
    }

    private JsonNode kubernetesSchema(String definition) {
        var definitions = (ObjectNode) Schemas.closed(kubernetes.definitions());
        // The API accepts a number or a string for these, though the document types them as strings.
        definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", anyOf("string", "integer"));
        definitions.set("io.k8s.apimachinery.pkg.api.resource.Quantity", anyOf("string", "number"));
        var root = JSON.createObjectNode();
        root.set("definitions", definitions);
        root.put("$ref", "#/definitions/" + definition);
        return root;
    }

    private static JsonNode anyOf(String... types) {
        var node = JSON.createObjectNode();
        var list = node.putArray("anyOf");
        for (var type : types) {
            list.addObject().put("type", type);
        }
        return node;
    }

    static String group(String apiVersion) {
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }
}
