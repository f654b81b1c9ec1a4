package io.idp.platform.gitops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.idp.platform.config.Observability;
import io.idp.platform.validation.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.idp.platform.gitops.Manifests.at;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every rendered Argo CD Application, ApplicationSet and AppProject validates against the
 * openAPIV3Schema of its CRD as the argo-cd chart pinned in the catalog installs it (the packaged
 * reference data, src/main/resources/reference), so a pin bump moves the schemas with it; and AppProjects name their
 * repositories, destinations and cluster resources.
 */
class ArgoCdManifestValidationTest {
    static final Map<String, JsonSchema> SCHEMAS = new HashMap<>();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The argo-cd chart pinned in the catalog: its CRDs are the ones the installed Argo CD serves. */
    static final Catalog.Tool ARGO_CD = Fixtures.catalog().tool("argo-cd");

    @BeforeAll
    static void loadCrds() {
        var pack = ReferenceData.packaged().chart(ARGO_CD.chart(), ARGO_CD.version())
                .orElseThrow(() -> new AssertionError("no reference data for argo-cd " + ARGO_CD.version()
                        + ": regenerate src/main/resources/reference (see its README)"));
        for (var crd : pack.crds()) {
            if (crd.group().equals("argoproj.io")) {
                var schema = crd.version("v1alpha1").orElseThrow().schema();
                SCHEMAS.put(crd.kind(), JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema));
            }
        }
        assertEquals(java.util.Set.of("Application", "ApplicationSet", "AppProject"), SCHEMAS.keySet());
    }

    static Map<String, String> everyRenderedFile() {
        var files = new TreeMap<String, String>(Fixtures.managementFiles());
        files.putAll(GitopsLayout.management(Fixtures.ROOT, Fixtures.catalog(), Fixtures.management(Observability.DATADOG)));
        files.putAll(Fixtures.workloadFiles(ClusterKind.WORKLOAD_EKS));
        files.putAll(GitopsLayout.environment(Fixtures.ROOT, "production", Fixtures.REPO));
        return files;
    }

    static List<String> validate(Manifests.Manifest manifest) {
        var schema = SCHEMAS.get(manifest.kind());
        var node = JSON.valueToTree(manifest.object());
        return schema.validate(node).stream().map(m -> manifest.file() + " " + manifest.kind() + "/" + manifest.name() + ": " + m.getMessage()).toList();
    }

    @Test
    void everyArgoCdObjectValidatesAgainstItsCrd() {
        var problems = new ArrayList<String>();
        int checked = 0;
        for (var manifest : Manifests.of(everyRenderedFile())) {
            if (SCHEMAS.containsKey(manifest.kind()) && "argoproj.io/v1alpha1".equals(manifest.object().get("apiVersion"))) {
                problems.addAll(validate(manifest));
                checked++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 25, "validated " + checked + " objects");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInvalidApplicationIsRejected() {
        var good = Manifests.of(Fixtures.managementFiles()).stream().filter(m -> m.kind().equals("Application")).findFirst().orElseThrow();
        var broken = new HashMap<>(good.object());
        var spec = new HashMap<>((Map<String, Object>) broken.get("spec"));
        spec.remove("destination");
        spec.put("syncPolicy", Map.of("automated", Map.of("prune", "yes")));
        broken.put("spec", spec);
        var problems = validate(new Manifests.Manifest("test", broken));
        assertTrue(problems.stream().anyMatch(p -> p.contains("destination")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("prune")), problems.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void appProjectsNameTheirRepositoriesDestinationsAndClusterResources() {
        var all = Manifests.of(Fixtures.managementFiles()).stream().filter(m -> m.kind().equals("AppProject")).toList();
        assertEquals(List.of("app-hello", "platform", "fleet", "default", "environments"), all.stream().map(Manifests.Manifest::name).toList());
        var locked = all.stream().filter(p -> p.name().equals("default")).findFirst().orElseThrow();
        for (var field : List.of("sourceRepos", "destinations", "clusterResourceWhitelist", "namespaceResourceWhitelist")) {
            assertEquals(List.of(), locked.spec().get(field), "the default project is locked: " + field);
        }
        var projects = all.stream().filter(p -> !p.name().equals("default") && !p.name().startsWith("app-")).toList();
        for (var project : projects) {
            var repos = (List<String>) project.spec().get("sourceRepos");
            assertTrue(repos.contains(Fixtures.REPO), project.name());
            assertTrue(repos.stream().noneMatch(r -> r.contains("*")), project.name() + " sourceRepos " + repos);
            var resources = (List<Map<String, Object>>) project.spec().get("clusterResourceWhitelist");
            assertTrue(resources.stream().noneMatch(r -> "*".equals(r.get("kind")) || "*".equals(r.get("group"))), project.name());
            var destinations = (List<Map<String, Object>>) project.spec().get("destinations");
            assertTrue(destinations.stream().noneMatch(d -> String.valueOf(d.get("server")).contains("*")
                    || String.valueOf(d.get("namespace")).contains("*")), project.name() + " destinations");
        }
        var platform = (List<Map<String, Object>>) at(projects.get(0).object(), "spec", "destinations");
        assertTrue(platform.stream().allMatch(d -> "https://kubernetes.default.svc".equals(d.get("server")) && !"*".equals(d.get("namespace"))),
                "the platform project writes only to named namespaces of its own cluster");
    }
}
