package io.idp.platform.gitops;

import io.idp.platform.config.Observability;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Where the management cluster's files put the application projects and the namespaces' network policies. */
class TenancyFilesTest {

    @Test
    void anApplicationsNamespacePoliciesAreATemplateOfItsEnvironmentChart() {
        assertEquals("environments/production/apps/hello/templates/network-policies.yaml",
                GitopsLayout.appNamespacePolicies("production", "hello"));
    }

    @Test
    void everyApplicationEnvironmentGetsTheApplicationPoliciesAdmittingBothObservabilityStacks() {
        var files = Fixtures.managementFiles();
        var expected = NetworkPolicies.forApplication("envoy-gateway-system", List.of("datadog", "monitoring"));
        for (var environment : List.of("development", "staging", "production")) {
            assertEquals(expected, files.get("environments/" + environment + "/apps/hello/templates/network-policies.yaml"), environment);
        }
        assertEquals(3, files.keySet().stream().filter(f -> f.startsWith("environments/")).count(), files.keySet().toString());
        assertTrue(files.get(GitopsLayout.clusterDirectory("mgmt") + GitopsLayout.APP_PROJECTS).contains("  name: app-hello\n"));
    }

    @Test
    void theFleetsPlatformNamespacesHavePoliciesPerKindOfCluster() {
        var files = Fixtures.managementFiles();
        assertEquals(List.of("cert-manager", "datadog", "default", "envoy-gateway-system", "external-dns", "external-secrets", "fluent-bit",
                        "kyverno", "metrics-server", "monitoring", "opentelemetry", "reloader", "trivy-system", "velero"),
                namespaces(files, GitopsLayout.FLEET_NETWORK_POLICIES + "workload-eks/"));
        assertEquals(List.of("cert-manager", "default", "kyverno", "reloader", "trivy-system"),
                namespaces(files, GitopsLayout.FLEET_NETWORK_POLICIES + "workload-vcluster/"));
        assertEquals(NetworkPolicies.denyAll("default"), files.get(GitopsLayout.FLEET_NETWORK_POLICIES + "workload-eks/default.yaml"));
        // A workload cluster runs either stack: its namespaces admit both scrapers.
        var kyverno = NetworkPoliciesTest.documents(files.get(GitopsLayout.FLEET_NETWORK_POLICIES + "workload-eks/kyverno.yaml"));
        assertEquals(List.of(java.util.Map.of("from", List.of(NetworkPoliciesTest.namespaceSelector("datadog"),
                NetworkPoliciesTest.namespaceSelector("monitoring")))), NetworkPoliciesTest.spec(kyverno, "allow-metrics-scraping").get("ingress"));
    }

    @Test
    void theManagementClustersNamespacesAdmitItsOwnScraperAndArgoCdsNamespaceIsTheProgramsToCreate() {
        var files = Fixtures.managementFiles();
        var directory = GitopsLayout.clusterDirectory("mgmt") + "manifests/network-policies/";
        var argocd = NetworkPoliciesTest.documents(files.get(directory + "argocd.yaml"));
        assertEquals("NetworkPolicy/default-deny", NetworkPoliciesTest.names(argocd).get(0));
        assertEquals("Namespace/kyverno", NetworkPoliciesTest.names(NetworkPoliciesTest.documents(files.get(directory + "kyverno.yaml"))).get(0));
        assertEquals(List.of(java.util.Map.of("from", List.of(NetworkPoliciesTest.namespaceSelector("monitoring")))),
                NetworkPoliciesTest.spec(argocd, "allow-metrics-scraping").get("ingress"));
        assertEquals(NetworkPolicies.denyAll("default"), files.get(directory + "default.yaml"));
    }

    @Test
    void withoutApplicationsNoProjectsOrApplicationPoliciesAreWrittenAndSecretsAreReadInTheGivenRegion() {
        var files = GitopsLayout.management(Fixtures.ROOT, Fixtures.catalog(), Fixtures.management(Observability.PROMETHEUS), "us-west-2");
        assertFalse(files.containsKey(GitopsLayout.clusterDirectory("mgmt") + GitopsLayout.APP_PROJECTS));
        assertTrue(files.keySet().stream().noneMatch(f -> f.startsWith("environments/")), files.keySet().toString());
        assertTrue(files.get("registry/clusters/mgmt/manifests/platform-secrets/cluster-secret-store.yaml").contains("region: us-west-2"));
    }

    @Test
    void anEmptyCatalogFileIsRejectedAsNotAMap() {
        var error = assertThrows(CatalogException.class, () -> Catalog.parse(""));
        assertTrue(error.getMessage().contains("must be a map with catalogVersion, tools and eksAddons"), error.getMessage());
    }

    static List<String> namespaces(java.util.Map<String, String> files, String directory) {
        return files.keySet().stream().filter(f -> f.startsWith(directory))
                .map(f -> f.substring(directory.length()).replaceFirst("\\.yaml$", "")).sorted().toList();
    }
}
