package io.idp.platform.gitops;

import io.idp.platform.config.Observability;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** Application projects and the fleet's destinations, from the applications, environments and clusters. */
class TenancyTest {
    static final Tenancy.Cluster EAST = new Tenancy.Cluster("production-east", ClusterKind.WORKLOAD_EKS, List.of("production"));
    static final Tenancy.Cluster STAGING = new Tenancy.Cluster("staging", ClusterKind.WORKLOAD_VCLUSTER, List.of("development", "staging"));

    @Test
    void projectAndNamespaceNamesFollowTheApplication() {
        assertEquals("app-hello", Tenancy.appProject("hello"));
        assertEquals("hello-staging", Tenancy.appNamespace("hello", "staging"));
    }

    @Test
    void clustersAreKeptInNameOrderAndTheListsAreCopies() {
        var apps = new ArrayList<>(List.of("hello"));
        var tenancy = new Tenancy(apps, List.of("production"), List.of(STAGING, EAST));
        apps.add("other");
        assertEquals(List.of("hello"), tenancy.applications());
        assertEquals(List.of(EAST, STAGING), tenancy.clusters());
    }

    @Test
    void anApplicationDeploysToItsEnvironmentNamespaceOnEveryClusterCarryingThatEnvironment() {
        var west = new Tenancy.Cluster("production-west", ClusterKind.WORKLOAD_EKS, List.of("production"));
        var tenancy = new Tenancy(List.of("hello"), List.of("development", "staging", "production", "qa"), List.of(west, STAGING, EAST));
        assertEquals(List.of(
                        Map.of("name", "staging", "namespace", "hello-development"),
                        Map.of("name", "staging", "namespace", "hello-staging"),
                        Map.of("name", "production-east", "namespace", "hello-production"),
                        Map.of("name", "production-west", "namespace", "hello-production")),
                tenancy.appDestinations("hello"));
        assertEquals(List.of(), new Tenancy(List.of("hello"), List.of("qa"), List.of(EAST)).appDestinations("hello"));
    }

    @Test
    void eachApplicationGetsAProjectLimitedToItsChartItsNamespacesAndNamespacedKinds() {
        var tenancy = new Tenancy(List.of("hello"), List.of("staging", "production"), List.of(STAGING, EAST));
        assertEquals("""
                # One project per application: its chart and the gitops repository, its own namespaces
                # (<app>-<env>) on the clusters that carry each environment, no cluster-scoped kinds.
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: AppProject
                metadata:
                  name: app-hello
                  namespace: argocd
                  labels:
                    platform/application: hello
                  annotations:
                    argocd.argoproj.io/sync-wave: "-20"
                spec:
                  description: The application hello in its environments
                  sourceRepos:
                    - git@github.com:acme/gitops.git
                    - oci://111122223333.dkr.ecr.us-east-1.amazonaws.com/charts/hello
                  destinations:
                    - name: staging
                      namespace: hello-staging
                    - name: production-east
                      namespace: hello-production
                  clusterResourceWhitelist: []
                  namespaceResourceWhitelist:
                    - group: "apps"
                      kind: Deployment
                    - group: ""
                      kind: Service
                    - group: ""
                      kind: ConfigMap
                    - group: ""
                      kind: ServiceAccount
                    - group: "autoscaling"
                      kind: HorizontalPodAutoscaler
                    - group: "policy"
                      kind: PodDisruptionBudget
                    - group: "networking.k8s.io"
                      kind: NetworkPolicy
                    - group: "gateway.networking.k8s.io"
                      kind: HTTPRoute
                    - group: "external-secrets.io"
                      kind: ExternalSecret
                  orphanedResources:
                    warn: true
                """, tenancy.appProjects("argocd", "git@github.com:acme/gitops.git", "111122223333.dkr.ecr.us-east-1.amazonaws.com"));
    }

    @Test
    void aProjectWhoseEnvironmentsNoClusterCarriesHasAnEmptyDestinationListAndEachApplicationItsOwnProject() {
        var projects = new Tenancy(List.of("hello", "shop"), List.of("qa"), List.of(EAST)).appProjects("gitops", "repo", "registry");
        var documents = projects.split("\n---\n");
        assertEquals(3, documents.length, projects);
        assertTrue(documents[1].contains("  name: app-hello\n  namespace: gitops\n"), documents[1]);
        assertTrue(documents[2].contains("  name: app-shop\n  namespace: gitops\n  labels:\n    platform/application: shop\n"), documents[2]);
        assertTrue(documents[2].contains("    - oci://registry/charts/shop\n  destinations: []\n  clusterResourceWhitelist: []\n"), documents[2]);
        assertFalse(projects.contains("    - name: "), projects);
        assertEquals("", new Tenancy(List.of(), List.of("qa"), List.of(EAST)).appProjects("argocd", "repo", "registry")
                .replaceAll("(?m)^#.*\n", ""));
    }

    @Test
    void theFleetMayDeployToEveryAddOnNamespaceOfEachClusterUnderEitherObservabilityStack() {
        var tenancy = new Tenancy(List.of(), List.of(), List.of(STAGING, EAST));
        assertEquals("""
                [
                    {name: production-east, namespace: cert-manager},
                    {name: production-east, namespace: datadog},
                    {name: production-east, namespace: default},
                    {name: production-east, namespace: envoy-gateway-system},
                    {name: production-east, namespace: external-dns},
                    {name: production-east, namespace: external-secrets},
                    {name: production-east, namespace: fluent-bit},
                    {name: production-east, namespace: kube-system},
                    {name: production-east, namespace: kyverno},
                    {name: production-east, namespace: metrics-server},
                    {name: production-east, namespace: monitoring},
                    {name: production-east, namespace: opentelemetry},
                    {name: production-east, namespace: reloader},
                    {name: production-east, namespace: trivy-system},
                    {name: production-east, namespace: velero},
                    {name: staging, namespace: cert-manager},
                    {name: staging, namespace: default},
                    {name: staging, namespace: kyverno},
                    {name: staging, namespace: reloader},
                    {name: staging, namespace: trivy-system}
                  ]""", tenancy.fleetDestinations(Fixtures.catalog()));
        assertEquals("[]", Tenancy.NONE.fleetDestinations(Fixtures.catalog()));
    }

    @Test
    void theFleetDestinationsFollowTheCatalogsNamespaces() {
        var catalog = Fixtures.catalog();
        var expected = new TreeSet<String>(List.of("default"));
        for (var choice : Observability.values()) {
            GitopsLayout.tools(catalog, ClusterKind.WORKLOAD_VCLUSTER, choice).forEach(t -> expected.add(catalog.tool(t).namespace()));
        }
        var destinations = new Tenancy(List.of(), List.of(), List.of(STAGING)).fleetDestinations(catalog);
        assertEquals(expected.stream().map(ns -> "{name: staging, namespace: " + ns + "}").toList(),
                destinations.lines().map(String::strip).filter(l -> l.startsWith("{")).map(l -> l.replaceFirst(",$", "")).toList());
    }
}
