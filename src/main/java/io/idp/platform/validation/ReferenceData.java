package io.idp.platform.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The charts' and Kubernetes' published data the checks hold the rendered repository against,
 * packaged with the program (src/main/resources/reference, generated from the platform's shared
 * reference data; see its README): per chart version, the default values, subchart defaults,
 * values.schema.json and CRD schemas; the Kubernetes 1.33 API definitions.
 */
public final class ReferenceData {
    public static final String KUBERNETES_RESOURCE = "reference/kubernetes-1.33.json.gz";
    /** The chart every application is made from; environments' application homes configure it. */
    public static final String APPLICATION_CHART = "apps/template/chart";
    /** Charts of the catalog for which no published data could be had; their values go unchecked, said so. */
    public static final Map<String, String> UNAVAILABLE = Map.of();
    /**
     * The Gateway API's standard channel, packaged like a chart's CRDs: Envoy Gateway's chart installs the
     * experimental channel, but the platform's own Gateway API objects keep to the standard one, so they
     * are checked against it (docs/edge.md).
     */
    public static final String GATEWAY_API = "gateway-api";
    public static final String GATEWAY_API_VERSION = "v1.6.1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReferenceData PACKAGED = new ReferenceData();

    private final Map<String, Optional<ChartPack>> charts = new ConcurrentHashMap<>();
    private volatile KubernetesApi kubernetes;

    /** One served or unserved version of a CRD with its openAPIV3Schema. */
    public record CrdVersion(String name, boolean served, JsonNode schema) {
    }

    /** A CustomResourceDefinition a chart installs. */
    public record Crd(String chart, String chartVersion, String group, String kind, String scope, List<CrdVersion> versions) {
        public Optional<CrdVersion> version(String name) {
            return versions.stream().filter(v -> v.name().equals(name)).findFirst();
        }

        public List<String> served() {
            return versions.stream().filter(CrdVersion::served).map(CrdVersion::name).toList();
        }
    }

    /** What a chart version publishes: its defaults, its subcharts' defaults, its values schema, its CRDs. */
    public record ChartPack(String chart, String version, JsonNode values, Map<String, JsonNode> subcharts,
                            JsonNode schema, List<Crd> crds) {
    }

    /** The Kubernetes API: every served group/version kind, and the definitions of the kinds packaged. */
    public record KubernetesApi(String version, List<String> served, JsonNode definitions) {
        public boolean serves(String apiVersion, String kind) {
            return served.contains(apiVersion + " " + kind);
        }

        /** The definition name of a served kind, if its schema is packaged. */
        public Optional<String> definition(String apiVersion, String kind) {
            var groupVersion = apiVersion.contains("/") ? apiVersion : "core/" + apiVersion;
            var group = groupVersion.substring(0, groupVersion.indexOf('/'));
            var version = groupVersion.substring(groupVersion.indexOf('/') + 1);
            var shortGroup = group.endsWith(".k8s.io") ? group.substring(0, group.length() - ".k8s.io".length()) : group;
            for (var candidate : List.of("io.k8s.api." + shortGroup + "." + version + "." + kind,
                    "io.k8s.api." + shortGroup.replace(".authorization", "") + "." + version + "." + kind)) {
                if (definitions.has(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }

        public boolean isBuiltIn(String group) {
            return served.stream().anyMatch(s -> {
                var apiVersion = s.substring(0, s.indexOf(' '));
                return (apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "").equals(group);
            });
        }
    }

    /** The application chart of this project (apps/template/chart): its default values, as a chart pack. */
    public static ChartPack applicationChart(java.nio.file.Path projectDir) {
        var dir = projectDir.resolve(APPLICATION_CHART);
        try {
            var yaml = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()));
            Object values = yaml.load(java.nio.file.Files.readString(dir.resolve("values.yaml")));
            return new ChartPack(APPLICATION_CHART, "template", JSON.valueToTree(values), Map.of(), null, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the application chart " + dir, e);
        }
    }

    public static ReferenceData packaged() {
        return PACKAGED;
    }

    static String chartResource(String chart, String version) {
        return "reference/charts/" + chart + "/" + version + ".json.gz";
    }

    public Optional<ChartPack> chart(String chart, String version) {
        return charts.computeIfAbsent(chart + "@" + version, key -> Optional.ofNullable(read(chartResource(chart, version)))
                .map(node -> pack(chart, version, node)));
    }

    public KubernetesApi kubernetes() {
        if (kubernetes == null) {
            var node = read(KUBERNETES_RESOURCE);
            if (node == null) {
                throw new IllegalStateException("the packaged Kubernetes API data is missing (" + KUBERNETES_RESOURCE + ")");
            }
            var served = new ArrayList<String>();
            node.get("served").forEach(s -> served.add(s.asText()));
            kubernetes = new KubernetesApi(node.get("kubernetes").asText(), List.copyOf(served), node.get("definitions"));
        }
        return kubernetes;
    }

    private static ChartPack pack(String chart, String version, JsonNode node) {
        var subcharts = new LinkedHashMap<String, JsonNode>();
        node.path("subcharts").fields().forEachRemaining(e -> subcharts.put(e.getKey(), e.getValue()));
        var crds = new ArrayList<Crd>();
        for (var crd : node.path("crds")) {
            var versions = new ArrayList<CrdVersion>();
            crd.get("versions").forEach(v -> versions.add(new CrdVersion(v.get("name").asText(), v.get("served").asBoolean(), v.get("schema"))));
            crds.add(new Crd(chart, version, crd.get("group").asText(), crd.get("kind").asText(), crd.get("scope").asText(), List.copyOf(versions)));
        }
        return new ChartPack(chart, version, node.get("values"), Map.copyOf(subcharts), node.get("schema"), List.copyOf(crds));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            try (var gz = new GZIPInputStream(in)) {
                return JSON.readTree(gz);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged reference data " + resource, e);
        }
    }
}
