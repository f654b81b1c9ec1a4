package io.idp.platform.gitops;

import io.idp.platform.components.ArgoCdValues;
import io.idp.platform.config.Observability;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.idp.platform.gitops.Manifests.at;
import static org.junit.jupiter.api.Assertions.*;

/** What the gitops repository holds for each kind of cluster, rendered from this repository's templates. */
class GitopsLayoutTest {

    static Map<String, Manifests.Manifest> applications(Map<String, String> files) {
        return Manifests.of(files).stream().filter(m -> m.kind().equals("Application"))
                .collect(Collectors.toMap(Manifests.Manifest::name, m -> m, (a, b) -> a, TreeMap::new));
    }

    @Test
    void managementRunsEveryManagementToolOfTheCatalogAtItsPin() {
        var apps = applications(Fixtures.managementFiles());
        var catalog = Fixtures.catalog();
        for (var tool : GitopsLayout.tools(catalog, ClusterKind.MANAGEMENT, Observability.PROMETHEUS)) {
            var app = apps.get(tool);
            assertNotNull(app, tool + " has no Application");
            assertEquals(catalog.tool(tool).version(), at(app.spec(), "source", "targetRevision"), tool);
            assertEquals(catalog.tool(tool).chart(), at(app.spec(), "source", "chart"), tool);
            assertEquals(catalog.tool(tool).namespace(), at(app.spec(), "destination", "namespace"), tool);
            assertEquals(catalog.tool(tool).wave(), app.wave(), tool);
        }
        assertFalse(apps.containsKey("datadog"), "only one observability stack");
        assertFalse(apps.containsKey("vcluster"));
    }

    @Test
    void datadogReplacesPrometheusWhenConfigured() {
        var files = GitopsLayout.management(Fixtures.ROOT, Fixtures.catalog(), Fixtures.management(Observability.DATADOG));
        var apps = applications(files);
        assertTrue(apps.containsKey("datadog"));
        assertFalse(apps.containsKey("kube-prometheus-stack"));
        assertTrue(files.get("registry/clusters/mgmt/datadog.yaml").contains("key: platform/mgmt/clusters/mgmt/datadog/api-key"));
    }

    @Test
    void externalDnsOwnsOnlyItsClustersRecords() {
        var values = at(applications(Fixtures.managementFiles()).get("external-dns").spec(), "source", "helm", "valuesObject");
        @SuppressWarnings("unchecked")
        var map = (Map<String, Object>) values;
        assertEquals("mgmt", map.get("txtOwnerId"));
        assertEquals(List.of("mgmt.example.com"), map.get("domainFilters"));
        assertEquals("cloudflare", at(map, "provider", "name"));
    }

    @Test
    void clusterIssuersUseLetsEncryptWithDns01ThroughCloudflare() {
        var issuers = Manifests.of(Fixtures.managementFiles()).stream().filter(m -> m.kind().equals("ClusterIssuer")).toList();
        assertEquals(Set.of("letsencrypt-staging", "letsencrypt-production"),
                issuers.stream().map(Manifests.Manifest::name).collect(Collectors.toSet()));
        for (var issuer : issuers) {
            assertEquals("platform-team@example.com", at(issuer.spec(), "acme", "email"));
            @SuppressWarnings("unchecked")
            var solver = ((List<Map<String, Object>>) at(issuer.spec(), "acme", "solvers")).get(0);
            assertEquals("cloudflare-api-token", at(solver, "dns01", "cloudflare", "apiTokenSecretRef", "name"));
        }
    }

    @Test
    void secretsComeFromTheClustersOwnPathThroughExternalSecretsNeverAsValues() {
        var manifests = Manifests.of(Fixtures.managementFiles());
        var store = manifests.stream().filter(m -> m.kind().equals("ClusterSecretStore")).findFirst().orElseThrow();
        assertEquals("SecretsManager", at(store.spec(), "provider", "aws", "service"));
        for (var secret : manifests.stream().filter(m -> m.kind().equals("ExternalSecret")).toList()) {
            @SuppressWarnings("unchecked")
            var data = (List<Map<String, Object>>) secret.spec().get("data");
            if (data == null && secret.spec().get("dataFrom") instanceof List<?> from
                    && from.get(0) instanceof Map<?, ?> first && first.get("find") instanceof Map<?, ?> find) {
                // A collection (the fleet's remote-write logins): found by name, under this cluster's own path only.
                assertTrue(String.valueOf(((Map<?, ?>) find.get("name")).get("regexp")).startsWith("^platform/mgmt/clusters/mgmt/"), secret.name());
                continue;
            }
            if (data == null) {
                assertEquals("ecr-charts", secret.name(), "only the ECR token is generated rather than read");
                continue;
            }
            data.forEach(d -> assertTrue(String.valueOf(at(d, "remoteRef", "key")).startsWith("platform/mgmt/clusters/mgmt/"), secret.name()));
        }
        // The only Secrets in git are ServiceAccount token Secrets without values: Kubernetes fills them in.
        var secrets = manifests.stream().filter(m -> m.kind().equals("Secret")).toList();
        assertFalse(secrets.isEmpty(), "Argo Workflows' SSO accounts have token Secrets");
        for (var secret : secrets) {
            assertEquals("kubernetes.io/service-account-token", secret.object().get("type"), secret.name());
            assertFalse(secret.object().containsKey("data") || secret.object().containsKey("stringData"), "no Secret values in git: " + secret.name());
        }
    }

    @Test
    void argoCdPullsApplicationChartsFromEcrWithARenewedToken() {
        var manifests = Manifests.of(Fixtures.managementFiles());
        var secret = manifests.stream().filter(m -> m.name().equals("ecr-charts")).findFirst().orElseThrow();
        assertEquals("6h", secret.spec().get("refreshInterval"));
        assertEquals("111122223333.dkr.ecr.us-east-1.amazonaws.com", at(secret.spec(), "target", "template", "data", "url"));
        assertEquals("repository", at(secret.spec(), "target", "template", "metadata", "labels", "argocd.argoproj.io/secret-type"));
    }

    @Test
    void argoCdManagesItselfWithTheValuesTheProgramInstalled() {
        var values = at(applications(Fixtures.managementFiles()).get("argo-cd").spec(), "source", "helm", "valuesObject");
        var expected = ArgoCdValues.render("argocd.mgmt.example.com", true, "arn:aws:iam::111122223333:role/mgmt-argocd-fleet",
                new ArgoCdValues.Sso("acme-platform", "platform-admins", "developers", "Ov23liExampleClient01", "grafana.mgmt.example.com"));
        var gson = new com.google.gson.Gson();
        assertEquals(gson.toJsonTree(expected), gson.toJsonTree(values));
    }

    @Test
    void fleetAddonsSelectClustersByLabelAndPreserveWorkloadsOnDeletion() {
        var sets = Manifests.of(Fixtures.managementFiles()).stream()
                .filter(m -> m.kind().equals("ApplicationSet") && m.name().startsWith("fleet-"))
                .filter(m -> !m.name().equals("fleet-network-policies")).toList();
        var catalog = Fixtures.catalog();
        // Each workload cluster chooses its observability stack: the fleet offers both.
        var workloadTools = new java.util.TreeSet<String>();
        for (var choice : Observability.values()) {
            workloadTools.addAll(GitopsLayout.tools(catalog, ClusterKind.WORKLOAD_EKS, choice));
            workloadTools.addAll(GitopsLayout.tools(catalog, ClusterKind.WORKLOAD_VCLUSTER, choice));
        }
        assertTrue(workloadTools.containsAll(List.of("kube-prometheus-stack", "datadog")), workloadTools.toString());
        assertEquals(workloadTools, sets.stream().map(s -> s.name().substring("fleet-".length())).collect(Collectors.toCollection(java.util.TreeSet::new)));
        for (var set : sets) {
            var addon = set.name().substring("fleet-".length());
            assertEquals(true, at(set.spec(), "syncPolicy", "preserveResourcesOnDeletion"), set.name());
            @SuppressWarnings("unchecked")
            var generator = ((List<Map<String, Object>>) set.spec().get("generators")).get(0);
            assertEquals(Map.of("enable_" + addon.replace('-', '_'), "true"), at(generator, "clusters", "selector", "matchLabels"));
            assertEquals("fleet", at(set.spec(), "template", "spec", "project"));
        }
    }

    @Test
    void workloadTemplatesRenderThePerClusterSettings() {
        var eks = Fixtures.workloadFiles(ClusterKind.WORKLOAD_EKS);
        assertEquals(Set.of("registry/clusters/production-east/cluster-issuers.yaml",
                "registry/clusters/production-east/fluent-bit.yaml",
                "registry/clusters/production-east/kube-prometheus-stack.yaml",
                "registry/clusters/production-east/kyverno-policies.yaml",
                "registry/clusters/production-east/opentelemetry-collector.yaml",
                "registry/clusters/production-east/platform-gateway.yaml",
                "registry/clusters/production-east/platform-secrets.yaml",
                "registry/clusters/production-east/karpenter/node-class.yaml",
                "registry/clusters/production-east/karpenter/node-pool.yaml",
                "registry/clusters/production-east/velero/locations.yaml",
                "registry/clusters/production-east/velero/schedule-environments.yaml",
                "registry/clusters/production-east/velero/schedule-platform.yaml"), eks.keySet());
        assertTrue(eks.get("registry/clusters/production-east/platform-secrets.yaml")
                .contains("key: platform/mgmt/clusters/production-east/cloudflare/external-dns-token"));
        var virtual = Fixtures.workloadFiles(ClusterKind.WORKLOAD_VCLUSTER);
        assertEquals(Set.of("registry/clusters/production-east/cluster-issuers.yaml",
                "registry/clusters/production-east/kyverno-policies.yaml"), virtual.keySet(),
                "virtual clusters get their secrets from the host namespace: issuers and policies only");
        assertEquals(eks.get("registry/clusters/production-east/cluster-issuers.yaml"),
                virtual.get("registry/clusters/production-east/cluster-issuers.yaml"), "one template serves both kinds");
    }

    @Test
    void environmentsAreLateBoundByClusterLabel() {
        var files = GitopsLayout.environment(Fixtures.ROOT, "staging", Fixtures.REPO);
        assertEquals(Set.of("environments/staging/environment.yaml", "environments/staging/apps/README.md"), files.keySet());
        var set = Manifests.of(files).get(0);
        @SuppressWarnings("unchecked")
        var matrix = (List<Map<String, Object>>) at(((List<Map<String, Object>>) set.spec().get("generators")).get(0), "matrix", "generators");
        assertEquals(Map.of("environment_staging", "true"), at(matrix.get(0), "clusters", "selector", "matchLabels"));
        assertEquals(true, at(set.spec(), "syncPolicy", "preserveResourcesOnDeletion"));
    }
}
