package io.idp.platform.gitops;

import io.idp.platform.config.Observability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Adding a platform tool is one catalog entry and one values file: a copy of stacks/ with a new tool
 * renders it everywhere it belongs (the management cluster, the workload kinds it names and no
 * other, the projects, the install order, docs/catalog.md) with nothing else edited.
 */
class AddingAToolTest {
    static final String ENTRY = """
              fake-exporter:
                repository: https://charts.example.com/fake
                chart: fake-exporter
                version: 1.2.3
                namespace: fake-system
                wave: 25
                clusters: [management, workload-vcluster]
                needs: [cluster-name]
            """;
    static final String VALUES = """
            exporter:
              clusterName: '${cluster.name}'
              interval: 30s
            """;

    @TempDir
    Path root;

    @BeforeEach
    void copyStacks() {
        copy(Fixtures.ROOT.resolve("stacks"), root.resolve("stacks"));
    }

    static void copy(Path from, Path to) {
        try (var walk = Files.walk(from)) {
            for (var source : walk.toList()) {
                var target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void declare(String entry, Map<String, String> valuesFiles) {
        try {
            var catalog = root.resolve(Catalog.FILE);
            Files.writeString(catalog, Files.readString(catalog).replace("\neksAddons:", "\n" + entry + "\neksAddons:"));
            for (var file : valuesFiles.entrySet()) {
                var path = root.resolve(ToolValues.DIRECTORY).resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a path of map keys and list indices, or null. */
    static Object at(Object object, String... path) {
        Object current = object;
        for (var key : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (current instanceof List<?> list && key.matches("\\d+") && Integer.parseInt(key) < list.size()) {
                current = list.get(Integer.parseInt(key));
            } else {
                return null;
            }
        }
        return current;
    }

    SortedMap<String, String> management() {
        return GitopsLayout.management(root, Catalog.load(root), Fixtures.management(Observability.PROMETHEUS), Fixtures.TENANCY);
    }

    static Manifests.Manifest named(SortedMap<String, String> files, String kind, String name) {
        return Manifests.of(files).stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + files.keySet()));
    }

    @Test
    void theManagementClusterGetsItsApplicationInItsWave() {
        declare(ENTRY, Map.of("fake-exporter/values.yaml", VALUES));
        var files = management();
        var application = named(files, "Application", "fake-exporter");
        assertEquals("registry/clusters/mgmt/fake-exporter.yaml", application.file());
        var spec = application.object();
        assertEquals("https://charts.example.com/fake", at(spec, "spec", "source", "repoURL"));
        assertEquals("fake-exporter", at(spec, "spec", "source", "chart"));
        assertEquals("1.2.3", at(spec, "spec", "source", "targetRevision"));
        assertEquals("fake-exporter", at(spec, "spec", "source", "helm", "releaseName"));
        assertEquals("platform", at(spec, "spec", "project"));
        assertEquals("fake-system", at(spec, "spec", "destination", "namespace"));
        assertEquals("https://kubernetes.default.svc", at(spec, "spec", "destination", "server"));
        assertEquals(Map.of("clusterName", "mgmt", "interval", "30s"), at(spec, "spec", "source", "helm", "valuesObject", "exporter"));
        // Install order: after the ingress controller (20), before external-dns and anything with a hostname (30).
        assertEquals(25, application.wave());
        var waves = Manifests.of(files).stream().filter(m -> m.kind().equals("Application")).sorted(
                java.util.Comparator.comparingInt(Manifests.Manifest::wave)).map(Manifests.Manifest::name).toList();
        assertTrue(waves.indexOf("ingress-nginx") < waves.indexOf("fake-exporter"), waves.toString());
        assertTrue(waves.indexOf("fake-exporter") < waves.indexOf("external-dns"), waves.toString());
    }

    @Test
    void theFleetDeliversItToTheKindsItNamesAndNoOther() {
        declare(ENTRY, Map.of("fake-exporter/values.yaml", VALUES));
        var files = management();
        var set = named(files, "ApplicationSet", "fleet-fake-exporter");
        assertEquals("registry/clusters/mgmt/fleet-addons.yaml", set.file());
        var spec = set.object();
        assertEquals(Map.of("enable_fake_exporter", "true"),
                at(spec, "spec", "generators", "0", "clusters", "selector", "matchLabels"));
        assertEquals("fake-exporter-{{.name}}", at(spec, "spec", "template", "metadata", "name"));
        assertEquals("25", at(spec, "spec", "template", "metadata", "annotations", "argocd.argoproj.io/sync-wave"));
        assertEquals("fleet", at(spec, "spec", "template", "spec", "project"));
        assertEquals("1.2.3", at(spec, "spec", "template", "spec", "source", "targetRevision"));
        assertEquals(Map.of("clusterName", "{{.name}}", "interval", "30s"),
                at(spec, "spec", "template", "spec", "source", "helm", "valuesObject", "exporter"));
        var catalog = Catalog.load(root);
        // The add-ons a cluster's registration labels enable_<tool>.
        assertTrue(GitopsLayout.tools(catalog, ClusterKind.WORKLOAD_VCLUSTER, Observability.PROMETHEUS).contains("fake-exporter"));
        assertFalse(GitopsLayout.tools(catalog, ClusterKind.WORKLOAD_EKS, Observability.PROMETHEUS).contains("fake-exporter"));
        assertTrue(files.containsKey("registry/fleet/network-policies/workload-vcluster/fake-system.yaml"), files.keySet().toString());
        assertFalse(files.containsKey("registry/fleet/network-policies/workload-eks/fake-system.yaml"));
    }

    @Test
    void theProjectsAdmitItsChartAndNamespaceWhereItRuns() {
        declare(ENTRY, Map.of("fake-exporter/values.yaml", VALUES));
        var files = management();
        var platform = named(files, "AppProject", "platform").object();
        assertTrue(((List<?>) at(platform, "spec", "sourceRepos")).contains("https://charts.example.com/fake"));
        assertTrue(((List<?>) at(platform, "spec", "destinations")).contains(
                Map.of("server", "https://kubernetes.default.svc", "namespace", "fake-system")));
        var fleet = named(files, "AppProject", "fleet").object();
        assertTrue(((List<?>) at(fleet, "spec", "sourceRepos")).contains("https://charts.example.com/fake"));
        var destinations = (List<?>) at(fleet, "spec", "destinations");
        assertTrue(destinations.contains(Map.of("name", "staging", "namespace", "fake-system")), destinations.toString());
        assertFalse(destinations.contains(Map.of("name", "production-east", "namespace", "fake-system")), destinations.toString());
    }

    @Test
    void theCatalogPageListsItInItsWave() {
        declare(ENTRY, Map.of("fake-exporter/values.yaml", VALUES));
        var table = CatalogTable.markdown(Catalog.load(root));
        var row = "| 25 | fake-exporter | https://charts.example.com/fake `fake-exporter` | `1.2.3` | fake-system | management, workload-vcluster | cluster-name |";
        assertTrue(table.contains(row), table);
        assertTrue(table.indexOf("| 20 | ingress-nginx") < table.indexOf(row));
        assertTrue(table.indexOf(row) < table.indexOf("| 30 | datadog"));
    }

    @Test
    void aToolWithoutTheManagementClusterHasNoApplicationThere() {
        declare(ENTRY.replace("[management, workload-vcluster]", "[workload-eks]"), Map.of("fake-exporter/values.yaml", VALUES));
        var files = management();
        assertFalse(files.containsKey("registry/clusters/mgmt/fake-exporter.yaml"));
        named(files, "ApplicationSet", "fleet-fake-exporter");
        var platform = named(files, "AppProject", "platform").object();
        assertFalse(((List<?>) at(platform, "spec", "sourceRepos")).contains("https://charts.example.com/fake"));
    }

    @Test
    void aKindWithValuesOfItsOwnGetsAnApplicationSetOfItsOwn() {
        declare(ENTRY.replace("[management, workload-vcluster]", "[workload-eks, workload-vcluster]"), Map.of(
                "fake-exporter/values.yaml", VALUES,
                "fake-exporter/workload.yaml", "exporter:\n  interval: 60s\n",
                "fake-exporter/workload-vcluster.yaml", "exporter:\n  interval: 120s\n  virtual: true\n"));
        var files = management();
        assertThrows(AssertionError.class, () -> named(files, "ApplicationSet", "fleet-fake-exporter"));
        var eks = named(files, "ApplicationSet", "fleet-fake-exporter-workload-eks").object();
        var vcluster = named(files, "ApplicationSet", "fleet-fake-exporter-workload-vcluster").object();
        assertEquals(Map.of("enable_fake_exporter", "true", "platform/cluster-kind", "workload-eks"),
                at(eks, "spec", "generators", "0", "clusters", "selector", "matchLabels"));
        assertEquals(Map.of("enable_fake_exporter", "true", "platform/cluster-kind", "workload-vcluster"),
                at(vcluster, "spec", "generators", "0", "clusters", "selector", "matchLabels"));
        assertEquals("fake-exporter-workload-eks-{{.name}}", at(eks, "spec", "template", "metadata", "name"));
        assertEquals(Map.of("clusterName", "{{.name}}", "interval", "60s"),
                at(eks, "spec", "template", "spec", "source", "helm", "valuesObject", "exporter"));
        assertEquals(Map.of("clusterName", "{{.name}}", "interval", "120s", "virtual", true),
                at(vcluster, "spec", "template", "spec", "source", "helm", "valuesObject", "exporter"));
    }

    @Test
    void aFactOfTheClusterMustBeDeclared() {
        declare(ENTRY.replace("    needs: [cluster-name]\n", ""), Map.of("fake-exporter/values.yaml", VALUES));
        var e = assertThrows(RenderException.class, this::management);
        assertTrue(e.problems().contains("stacks/tools/fake-exporter/values.yaml:2: ${cluster.name} is a fact of the cluster that "
                + "tools.fake-exporter of stacks/catalog.yaml does not declare; add it: needs: [cluster-name]"), e.problems().toString());
    }

    @Test
    void badValuesFilesAreNamedAllTogether() {
        declare(ENTRY, Map.of(
                "fake-exporter/values.yaml", "- a list\n",
                "fake-exporter/management.yaml", "exporter: [unclosed\n",
                "fake-exporter/workload-vcluster.yaml", "exporter:\n  region: '${cluster.regoin}'\n",
                "fake-exporter/managment.yaml", "exporter: {}\n"));
        var problems = assertThrows(RenderException.class, this::management).problems();
        assertTrue(problems.contains("stacks/tools/fake-exporter/values.yaml: must be a map of Helm values (chart's values.yaml keys), not ArrayList"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("stacks/tools/fake-exporter/management.yaml: not valid YAML after rendering")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("stacks/tools/fake-exporter/workload-vcluster.yaml:2: ${cluster.regoin} has no value")),
                problems.toString());
        assertTrue(problems.contains("stacks/tools/fake-exporter/managment.yaml: not a values layer; allowed: management.yaml, values.yaml, "
                + "workload-eks.yaml, workload-vcluster.yaml, workload.yaml"), problems.toString());
    }

    @Test
    void aDirectoryForNoToolIsAnError() {
        declare("", Map.of("fake-exporter/values.yaml", VALUES));
        var problems = assertThrows(RenderException.class, this::management).problems();
        assertEquals(List.of("stacks/tools/fake-exporter/: no tool of stacks/catalog.yaml is named fake-exporter"), problems);
    }

    @Test
    void aToolWithoutValuesHasNoValuesObject() {
        declare(ENTRY.replace("    needs: [cluster-name]\n", ""), Map.of());
        var files = management();
        assertNull(at(named(files, "Application", "fake-exporter").object(), "spec", "source", "helm", "valuesObject"));
        assertEquals("fake-exporter", at(named(files, "Application", "fake-exporter").object(), "spec", "source", "helm", "releaseName"));
    }

    @Test
    void aValuesFileOfCommentsOnlyAddsNothing() {
        declare(ENTRY, Map.of("fake-exporter/values.yaml", VALUES, "fake-exporter/management.yaml", "# nothing differs yet\n"));
        assertEquals(Map.of("clusterName", "mgmt", "interval", "30s"),
                at(named(management(), "Application", "fake-exporter").object(), "spec", "source", "helm", "valuesObject", "exporter"));
    }

    @Test
    void aBrokenSkeletonIsNamedWithItsLine() throws IOException {
        declare(ENTRY, Map.of("fake-exporter/values.yaml", VALUES));
        for (var skeleton : List.of(ToolApplications.APPLICATION, ToolApplications.APPLICATION_SET)) {
            var file = root.resolve(ToolValues.DIRECTORY).resolve(skeleton);
            Files.writeString(file, Files.readString(file).replace("${tool.chart}", "${tool.chrat}"));
        }
        var problems = assertThrows(RenderException.class, this::management).problems();
        assertTrue(problems.contains("stacks/tools/application.yaml:15: ${tool.chrat} has no value; did you mean ${tool.chart}?"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("stacks/tools/applicationset.yaml:")), problems.toString());
    }

    @Test
    void aSkeletonWithoutTheValuesPlaceIsAnError() throws IOException {
        declare(ENTRY, Map.of("fake-exporter/values.yaml", VALUES));
        var file = root.resolve(ToolValues.DIRECTORY).resolve(ToolApplications.APPLICATION);
        Files.writeString(file, Files.readString(file).replace("  source:\n", "  source: oops\n  unused:\n"));
        var e = assertThrows(IllegalStateException.class, this::management);
        assertEquals("stacks/tools: the object's skeleton has no map at 'source'", e.getMessage());
    }

    @Test
    void generatedFilesAreBlockYamlWithIndentedListsAndLongLinesWhole() {
        var text = ToolApplications.dump(List.of(Map.of("a", List.of("x " + "y".repeat(100) + " z"))));
        assertEquals("a:\n  - x " + "y".repeat(100) + " z\n", text);
        assertEquals("a: 1\n---\nb: 2\n", ToolApplications.dump(List.of(Map.of("a", 1), Map.of("b", 2))));
    }
}
