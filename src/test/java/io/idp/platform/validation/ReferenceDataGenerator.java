package io.idp.platform.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idp.platform.gitops.Catalog;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the packaged reference data (src/main/resources/reference/) from the platform's shared
 * reference data (../shared): for each chart pinned in stacks/catalog.yaml, its default values,
 * subchart defaults, values.schema.json and CRD schemas; and the Kubernetes 1.33 API definitions of
 * the kinds a gitops repository holds. Descriptions are dropped (they are most of the bytes and no
 * check reads them); everything else is kept as published. Run by ReferenceDataTest
 * ({@code -Dreference.update=true} rewrites the files; without it the test fails on drift).
 */
final class ReferenceDataGenerator {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Kinds of the Kubernetes API a gitops repository may hold, with every definition they reference. */
    static final List<String> KUBERNETES_KINDS = List.of(
            "io.k8s.api.core.v1.Namespace", "io.k8s.api.core.v1.Secret", "io.k8s.api.core.v1.ConfigMap",
            "io.k8s.api.core.v1.Service", "io.k8s.api.core.v1.ServiceAccount", "io.k8s.api.core.v1.ResourceQuota",
            "io.k8s.api.core.v1.LimitRange", "io.k8s.api.core.v1.PersistentVolumeClaim", "io.k8s.api.core.v1.Pod",
            "io.k8s.api.apps.v1.Deployment", "io.k8s.api.apps.v1.StatefulSet", "io.k8s.api.apps.v1.DaemonSet",
            "io.k8s.api.batch.v1.Job", "io.k8s.api.batch.v1.CronJob",
            "io.k8s.api.networking.v1.Ingress", "io.k8s.api.networking.v1.IngressClass", "io.k8s.api.networking.v1.NetworkPolicy",
            "io.k8s.api.rbac.v1.Role", "io.k8s.api.rbac.v1.RoleBinding", "io.k8s.api.rbac.v1.ClusterRole",
            "io.k8s.api.rbac.v1.ClusterRoleBinding", "io.k8s.api.policy.v1.PodDisruptionBudget",
            "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler", "io.k8s.api.scheduling.v1.PriorityClass",
            "io.k8s.api.storage.v1.StorageClass");

    private ReferenceDataGenerator() {
    }

    /** Packaged path (under src/main/resources) to gzipped JSON content. */
    static Map<String, byte[]> generate(Path shared, Catalog catalog) {
        var out = new TreeMap<String, byte[]>();
        for (var tool : catalog.tools().values()) {
            var dir = shared.resolve("charts").resolve(tool.chart()).resolve(tool.version());
            if (Files.isDirectory(dir)) {
                out.put(ReferenceData.chartResource(tool.chart(), tool.version()), gzip(chart(tool.chart(), tool.version(), dir)));
            }
        }
        // The Gateway API's standard channel: the platform's own routes and gateways must keep to it.
        var gatewayApi = shared.resolve("crds/gateway-api").resolve(ReferenceData.GATEWAY_API_VERSION);
        if (Files.isDirectory(gatewayApi)) {
            out.put(ReferenceData.chartResource(ReferenceData.GATEWAY_API, ReferenceData.GATEWAY_API_VERSION),
                    gzip(crds(ReferenceData.GATEWAY_API, ReferenceData.GATEWAY_API_VERSION, gatewayApi)));
        }
        out.put(ReferenceData.KUBERNETES_RESOURCE, gzip(kubernetes(shared.resolve("kubernetes/1.33/swagger.json"))));
        return out;
    }

    /** A set of CRDs published without a chart (upstream files in {@code dir}), as a pack with no values. */
    static ObjectNode crds(String name, String version, Path dir) {
        var pack = JSON.createObjectNode();
        pack.put("chart", name);
        pack.put("version", version);
        pack.putObject("values");
        pack.putObject("subcharts");
        var crds = pack.putArray("crds");
        for (var file : list(dir)) {
            if (file.getFileName().toString().endsWith(".yaml")) {
                addCrd(crds, file);
            }
        }
        return pack;
    }

    private static void addCrd(com.fasterxml.jackson.databind.node.ArrayNode crds, Path file) {
        var crd = JSON.valueToTree(stringKeys(yaml(file)));
        var entry = crds.addObject();
        entry.put("group", crd.at("/spec/group").asText());
        entry.put("kind", crd.at("/spec/names/kind").asText());
        entry.put("scope", crd.at("/spec/scope").asText());
        var versions = entry.putArray("versions");
        for (var v : crd.at("/spec/versions")) {
            var version2 = versions.addObject();
            version2.put("name", v.get("name").asText());
            version2.put("served", v.path("served").asBoolean(false));
            version2.set("schema", stripDescriptions(v.at("/schema/openAPIV3Schema")));
        }
    }

    static ObjectNode chart(String chart, String version, Path dir) {
        var pack = JSON.createObjectNode();
        pack.put("chart", chart);
        pack.put("version", version);
        pack.set("values", JSON.valueToTree(stringKeys(yaml(dir.resolve("values.yaml")))));
        var subcharts = pack.putObject("subcharts");
        var subDir = dir.resolve("subcharts");
        if (Files.isDirectory(subDir)) {
            for (var sub : list(subDir)) {
                subcharts.set(sub.getFileName().toString(), JSON.valueToTree(stringKeys(yaml(sub.resolve("values.yaml")))));
            }
        }
        var schema = dir.resolve("values.schema.json");
        if (Files.isRegularFile(schema)) {
            pack.set("schema", stripDescriptions(read(schema)));
        }
        var crds = pack.putArray("crds");
        var crdDir = dir.resolve("crds");
        if (Files.isDirectory(crdDir)) {
            for (var file : list(crdDir)) {
                var crd = JSON.valueToTree(stringKeys(yaml(file)));
                var entry = crds.addObject();
                entry.put("group", crd.at("/spec/group").asText());
                entry.put("kind", crd.at("/spec/names/kind").asText());
                entry.put("scope", crd.at("/spec/scope").asText());
                var versions = entry.putArray("versions");
                for (var v : crd.at("/spec/versions")) {
                    var version2 = versions.addObject();
                    version2.put("name", v.get("name").asText());
                    version2.put("served", v.path("served").asBoolean(false));
                    version2.set("schema", stripDescriptions(v.at("/schema/openAPIV3Schema")));
                }
            }
        }
        return pack;
    }

    static ObjectNode kubernetes(Path swaggerFile) {
        var swagger = read(swaggerFile);
        var definitions = swagger.get("definitions");
        var kept = new TreeSet<String>();
        var queue = new ArrayDeque<>(KUBERNETES_KINDS);
        while (!queue.isEmpty()) {
            var name = queue.pop();
            if (kept.add(name)) {
                var definition = definitions.get(name);
                if (definition == null) {
                    throw new IllegalStateException("swagger.json has no definition " + name);
                }
                definition.findValues("$ref").forEach(ref -> queue.add(ref.asText().replace("#/definitions/", "")));
            }
        }
        var pack = JSON.createObjectNode();
        pack.put("kubernetes", "1.33");
        var served = pack.putArray("served");
        var servedSet = new TreeSet<String>();
        definitions.fields().forEachRemaining(e -> e.getValue().path("x-kubernetes-group-version-kind").forEach(gvk -> {
            var group = gvk.get("group").asText();
            servedSet.add((group.isEmpty() ? "" : group + "/") + gvk.get("version").asText() + " " + gvk.get("kind").asText());
        }));
        servedSet.forEach(served::add);
        var out = pack.putObject("definitions");
        for (var name : kept) {
            out.set(name, stripDescriptions(definitions.get(name)));
        }
        return pack;
    }

    /** Drops every description string (a property named "description" is a schema, not a string, and stays). */
    static JsonNode stripDescriptions(JsonNode node) {
        var copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("description").isTextual()) {
                object.remove("description");
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                strip(it.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ReferenceDataGenerator::strip);
        }
    }

    static Object yaml(Path file) {
        var options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        try {
            return new Yaml(new SafeConstructor(options)).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Object stringKeys(Object value) {
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            ((Map<Object, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), stringKeys(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReferenceDataGenerator::stringKeys).toList();
        }
        return value;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(JsonNode node) {
        try {
            var bytes = new ByteArrayOutputStream();
            try (var gz = new GZIPOutputStream(bytes)) {
                gz.write(JSON.writeValueAsBytes(node));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
