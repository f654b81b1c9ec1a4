package io.idp.platform.gitops;

import io.idp.platform.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** A tool's declaration: the catalog's releaseName and needs, the values layers and how they merge. */
class ToolDeclarationTest {
    static final String TOOL = "  fake: {repository: https://charts.example.com, chart: fake, version: \"1.0.0\", namespace: fake, "
            + "wave: 5, clusters: [management, workload-eks]";

    @Test
    void releaseNameAndNeedsAreRead() {
        var tool = Catalog.parse(CatalogRulesTest.catalog(TOOL + ", releaseName: faker, needs: [cluster-hostname, cluster-name]}\n"))
                .tool("fake");
        assertEquals("faker", tool.releaseName());
        assertEquals(List.of("cluster-hostname", "cluster-name"), tool.needs());
    }

    @Test
    void withoutThemAToolIsReleasedUnderItsNameAndReadsNoFact() {
        var tool = Catalog.parse(CatalogRulesTest.catalog(TOOL + "}\n")).tool("fake");
        assertEquals("fake", tool.releaseName());
        assertEquals(List.of(), tool.needs());
    }

    @Test
    void badReleaseNameAndNeedsAreErrorsNamingTheKey() {
        var errors = CatalogRulesTest.errors(CatalogRulesTest.catalog(
                TOOL + ", releaseName: [a], needs: [cluster-name, cluster-colour]}\n"
                        + "  other: {repository: r, chart: c, version: v, namespace: n, wave: 1, clusters: [], needs: cluster-name}\n"));
        assertEquals(List.of(
                new ConfigError("tools.fake.releaseName", "[a]", "is not text", "the Helm release name (default: the tool's name)",
                        "tools.fake.releaseName: argocd", Catalog.FILE),
                new ConfigError("tools.fake.needs", "cluster-colour", "is not a fact of a cluster a tool can read",
                        "a list of cluster-name, cluster-hostname, external-secrets-role, cluster-region, karpenter-role, karpenter-queue, velero-role, management-hostname",
                        "tools.fake.needs: [cluster-name, cluster-hostname]", Catalog.FILE),
                new ConfigError("tools.other.needs", "cluster-name", "must be a list",
                        "a list of cluster-name, cluster-hostname, external-secrets-role, cluster-region, karpenter-role, karpenter-queue, velero-role, management-hostname", "tools.other.needs: [cluster-name]",
                        Catalog.FILE)), errors);
    }

    @Test
    void aVirtualClusterHasNoExternalSecretsRoleToGive() {
        var errors = CatalogRulesTest.errors(CatalogRulesTest.catalog(
                "  fake: {repository: r, chart: c, version: v, namespace: n, wave: 1, clusters: [workload-eks, workload-vcluster], "
                        + "needs: [external-secrets-role, cluster-region, velero-role]}\n"));
        assertEquals(List.of(new ConfigError("tools.fake.needs", "external-secrets-role",
                "is not a fact of a virtual cluster (made with a physical cluster's AWS resources)",
                "external-secrets-role only for management and workload-eks", "tools.fake.clusters: [management, workload-eks]",
                Catalog.FILE), new ConfigError("tools.fake.needs", "velero-role",
                "is not a fact of a virtual cluster (made with a physical cluster's AWS resources)",
                "velero-role only for management and workload-eks", "tools.fake.clusters: [management, workload-eks]",
                Catalog.FILE)), errors);
        assertEquals(List.of("external-secrets-role"), Catalog.parse(CatalogRulesTest.catalog(
                "  fake: {repository: r, chart: c, version: v, namespace: n, wave: 1, clusters: [workload-eks], "
                        + "needs: [external-secrets-role]}\n")).tool("fake").needs());
    }

    @Test
    void theCatalogKeepsItsOrder() {
        var catalog = Catalog.parse(CatalogRulesTest.catalog(
                "  zeta: {repository: z, chart: z, version: v, namespace: z, wave: 1, clusters: []}\n"
                        + "  alpha: {repository: a, chart: a, version: v, namespace: a, wave: 1, clusters: []}\n"));
        assertEquals(List.of("argo-cd", "zeta", "alpha"), List.copyOf(catalog.tools().keySet()));
    }

    @Test
    void layersGoFromEveryClusterToTheKind() {
        assertEquals(List.of("values.yaml", "management.yaml"), ToolValues.layers(ClusterKind.MANAGEMENT));
        assertEquals(List.of("values.yaml", "workload.yaml", "workload-eks.yaml"), ToolValues.layers(ClusterKind.WORKLOAD_EKS));
        assertEquals(List.of("values.yaml", "workload.yaml", "workload-vcluster.yaml"), ToolValues.layers(ClusterKind.WORKLOAD_VCLUSTER));
    }

    @Test
    void mapsMergeAndEverythingElseReplaces() {
        var into = new LinkedHashMap<String, Object>(Map.of(
                "a", new LinkedHashMap<>(Map.of("keep", 1, "change", 2)),
                "list", List.of(1, 2),
                "scalar", "x",
                "becomesScalar", Map.of("k", 1)));
        ToolValues.merge(into, Map.of(
                "a", Map.of("change", 3, "add", 4),
                "list", List.of(3),
                "scalar", Map.of("now", "a map"),
                "becomesScalar", "s",
                "new", true));
        assertEquals(Map.of(
                "a", Map.of("keep", 1, "change", 3, "add", 4),
                "list", List.of(3),
                "scalar", Map.of("now", "a map"),
                "becomesScalar", "s",
                "new", true), into);
    }

    @Test
    void theShippedToolsHaveNoStrayFiles() {
        assertEquals(List.of(), ToolValues.strayFiles(Fixtures.ROOT, Fixtures.catalog()));
    }

    @Test
    void aProjectWithoutToolValuesHasNothingStray(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertEquals(List.of(), ToolValues.strayFiles(empty, Fixtures.catalog()));
    }

    @Test
    void projectListsAreFlowListsOneItemALine() {
        var catalog = Fixtures.catalog();
        assertEquals("[\n    'git@x',\n    'https://charts.jetstack.io',\n    'https://kyverno.github.io/kyverno'\n  ]",
                ToolApplications.sourceRepos(catalog, Set.of("kyverno", "cert-manager"), "git@x"));
        assertEquals("[\n    {server: 'https://kubernetes.default.svc', namespace: 'cert-manager'},\n"
                        + "    {server: 'https://kubernetes.default.svc', namespace: 'kube-system'}\n  ]",
                ToolApplications.destinations(catalog, Set.of("cert-manager"), List.of("kube-system")));
        assertEquals("[]", ToolApplications.destinations(catalog, Set.of(), List.of()));
    }

    @Test
    void eachToolIsSelectedByItsLabel() {
        assertEquals("enable_kube_prometheus_stack", ToolApplications.enableLabel("kube-prometheus-stack"));
    }

    @Test
    void theFleetFillsEachClustersFactsFromItsSecret() {
        var variables = ToolApplications.fleetVariables(Fixtures.catalog());
        assertEquals("{{.name}}", variables.get("cluster.name"));
        assertEquals("{{index .metadata.annotations \"cluster_hostname\"}}", variables.get("cluster.hostname"));
        assertEquals("{{index .metadata.annotations \"external_secrets_role_arn\"}}", variables.get("role.externalSecrets"));
        assertEquals("monitoring", variables.get("tool.kube-prometheus-stack.namespace"));
        assertNull(variables.get("sso.organisation"));
    }

    @Test
    void theShippedFleetFillsFactsPerCluster() {
        var fleet = Manifests.of(Fixtures.managementFiles()).stream().filter(m -> m.kind().equals("ApplicationSet")).toList();
        var externalDns = fleet.stream().filter(m -> m.name().equals("fleet-external-dns")).findFirst().orElseThrow();
        assertEquals("{{.name}}", Manifests.at(externalDns.object(), "spec", "template", "spec", "source", "helm", "valuesObject", "txtOwnerId"));
        assertTrue(Fixtures.managementFiles().get("registry/clusters/mgmt/fleet-addons.yaml").startsWith("# Add-ons for workload clusters, GitOps Bridge style, generated from stacks/catalog.yaml and\n"
                + "# stacks/tools/ (change those, not this file): one ApplicationSet per add-on selects the registered\n"));
        assertTrue(Fixtures.managementFiles().get("registry/clusters/mgmt/kyverno.yaml").startsWith(ToolApplications.header("kyverno")));
        assertEquals("# Generated from tools.kyverno of stacks/catalog.yaml and stacks/tools/kyverno/: change those, not this file.\n",
                ToolApplications.header("kyverno"));
    }

    @Test
    void aToolsCredentialsFollowItsApplicationInItsFile() {
        var datadog = Fixtures.managementFiles();
        var files = GitopsLayout.management(Fixtures.ROOT, Fixtures.catalog(),
                Fixtures.management(io.idp.platform.config.Observability.DATADOG), Fixtures.TENANCY);
        var kinds = Manifests.of(Map.of("x.yaml", files.get("registry/clusters/mgmt/datadog.yaml"))).stream()
                .map(Manifests.Manifest::kind).toList();
        assertEquals(List.of("Application", "ExternalSecret"), kinds);
        assertFalse(datadog.containsKey("registry/clusters/mgmt/datadog.yaml"));
    }
}
