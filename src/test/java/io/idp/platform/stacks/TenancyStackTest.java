package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The boundaries between tenants as the shipped stacks plan them: projects, RBAC, network policies,
 * Pod Security labels and secret store conditions in the rendered files and the program's objects.
 */
class TenancyStackTest {
    static final String FILE = "github:index/repositoryFile:RepositoryFile";
    @TempDir
    static Path dir;
    static Plan mgmt;
    static Plan productionEast;
    static Plan staging;

    @BeforeAll
    static void plan() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        mgmt = engine.plan("mgmt").plan();
        engine.plans().write(mgmt);
        productionEast = engine.plan("production-east").plan();
        staging = engine.plan("staging").plan();
    }

    static Map<String, String> files(Plan plan) {
        var files = new TreeMap<String, String>();
        plan.ofType(FILE).stream().filter(f -> "gitops".equals(f.inputs().get("repository"))).forEach(f -> files.put(String.valueOf(f.inputs().get("file")), String.valueOf(f.inputs().get("content"))));
        return files;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(String content) {
        var out = new ArrayList<Map<String, Object>>();
        for (var doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(content)) {
            if (doc instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            }
        }
        return out;
    }

    static List<Map<String, Object>> all(Plan plan, String kind) {
        var out = new ArrayList<Map<String, Object>>();
        files(plan).forEach((path, content) -> {
            if (path.endsWith(".yaml")) {
                objects(content).stream().filter(o -> kind.equals(o.get("kind"))).forEach(out::add);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    static Object at(Object o, String... keys) {
        for (var k : keys) {
            o = o instanceof Map<?, ?> m ? m.get(k) : null;
        }
        return o;
    }

    static Map<String, Object> project(Plan plan, String name) {
        return all(plan, "AppProject").stream().filter(p -> name.equals(at(p, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no AppProject " + name));
    }

    static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(type + " " + name));
    }

    @Test
    void eachApplicationHasItsOwnProjectLimitedToItsNamespacesOnTheClustersOfItsEnvironments() {
        var hello = project(mgmt, "app-hello");
        assertEquals(List.of(
                        Map.of("name", "staging", "namespace", "hello-development"),
                        Map.of("name", "staging", "namespace", "hello-staging"),
                        Map.of("name", "production-east", "namespace", "hello-production"),
                        Map.of("name", "production-west", "namespace", "hello-production")),
                at(hello, "spec", "destinations"));
        assertEquals(List.of("git@github.com:acme-platform/gitops.git", "oci://111122223333.dkr.ecr.us-east-1.amazonaws.com/charts/hello"),
                at(hello, "spec", "sourceRepos"));
        assertEquals(List.of(), at(hello, "spec", "clusterResourceWhitelist"));
        @SuppressWarnings("unchecked")
        var kinds = ((List<Map<String, String>>) at(hello, "spec", "namespaceResourceWhitelist")).stream()
                .map(k -> k.get("group") + "/" + k.get("kind")).toList();
        assertTrue(kinds.containsAll(List.of("apps/Deployment", "/Service", "autoscaling/HorizontalPodAutoscaler",
                "policy/PodDisruptionBudget", "gateway.networking.k8s.io/HTTPRoute", "external-secrets.io/ExternalSecret")), kinds.toString());
        assertFalse(kinds.stream().anyMatch(k -> k.contains("Role") || k.contains("*") || k.startsWith("argoproj.io")), kinds.toString());
    }

    @Test
    void environmentsPutEachApplicationInItsProjectWithRestrictedNamespaces() {
        for (var environment : List.of("development", "staging", "production")) {
            var set = objects(files(mgmt).get("environments/" + environment + "/environment.yaml")).get(0);
            var spec = at(set, "spec", "template", "spec");
            assertEquals("app-{{.path.basename}}", at(spec, "project"));
            assertEquals("{{.name}}", at(spec, "destination", "name"), "named clusters, not servers");
            assertNull(at(spec, "destination", "server"));
            assertEquals("restricted", at(spec, "syncPolicy", "managedNamespaceMetadata", "labels", "pod-security.kubernetes.io/enforce"));
            var policies = files(mgmt).get("environments/" + environment + "/apps/hello/templates/network-policies.yaml");
            assertNotNull(policies, environment);
            var deny = objects(policies).stream().filter(p -> "default-deny".equals(at(p, "metadata", "name"))).findFirst().orElseThrow();
            assertEquals(Map.of(), at(deny, "spec", "podSelector"));
            assertEquals(List.of("Ingress", "Egress"), at(deny, "spec", "policyTypes"));
        }
    }

    @Test
    void noProjectNamesAWildcardAndTheDefaultProjectIsLocked() {
        for (var project : all(mgmt, "AppProject")) {
            @SuppressWarnings("unchecked")
            var destinations = (List<Map<String, String>>) at(project, "spec", "destinations");
            for (var d : destinations) {
                assertFalse(String.valueOf(d.get("server")).contains("*") || String.valueOf(d.get("namespace")).contains("*"),
                        at(project, "metadata", "name") + " " + d);
            }
        }
        var fleet = project(mgmt, "fleet");
        @SuppressWarnings("unchecked")
        var clusters = new TreeSet<>(((List<Map<String, String>>) at(fleet, "spec", "destinations")).stream().map(d -> d.get("name")).toList());
        assertEquals(Set.of("production-east", "production-west", "staging"), clusters, "the workload clusters of the stack files, never mgmt");
        var locked = project(mgmt, "default");
        assertEquals(List.of(), at(locked, "spec", "sourceRepos"));
        assertEquals(List.of(), at(locked, "spec", "destinations"));
        var environments = project(mgmt, "environments");
        assertEquals(List.of(Map.of("group", "argoproj.io", "kind", "ApplicationSet")), at(environments, "spec", "namespaceResourceWhitelist"));
        var app = all(mgmt, "Application").stream().filter(a -> "environments".equals(at(a, "metadata", "name"))).findFirst().orElseThrow();
        assertEquals("environments", at(app, "spec", "project"));
    }

    @Test
    void theRootApplicationIsInItsOwnProjectCreatedFirst() {
        var root = named(mgmt, "kubernetes:argoproj.io/v1alpha1:Application", "argocd-root");
        assertEquals("registry", at(root.inputs(), "spec", "project"));
        var project = named(mgmt, "kubernetes:argoproj.io/v1alpha1:AppProject", "argocd-root-project");
        assertEquals("registry", at(project.inputs(), "metadata", "name"));
        assertEquals(List.of(), at(project.inputs(), "spec", "clusterResourceWhitelist"));
        assertEquals(List.of(Map.of("server", "https://kubernetes.default.svc", "namespace", "argocd")), at(project.inputs(), "spec", "destinations"));
        assertTrue(root.dependencies().contains(project.urn()), "the project exists before the root syncs");
    }

    @Test
    void developersSeeAndSyncOnlyTheApplicationsProjects() {
        var release = mgmt.ofType("kubernetes:helm.sh/v3:Release").stream().filter(r -> "argo-cd".equals(r.inputs().get("chart"))).findFirst().orElseThrow();
        var csv = String.valueOf(at(release.inputs(), "values", "configs", "rbac", "policy.csv"));
        assertTrue(csv.contains("p, role:developer, applications, sync, app-*/*, allow"), csv);
        assertFalse(csv.contains("*/*, allow") && csv.lines().anyMatch(l -> l.contains("role:developer") && l.contains(" */*")), csv);
        assertEquals("", at(release.inputs(), "values", "configs", "rbac", "policy.default"));
        var template = files(mgmt).get("registry/clusters/mgmt/argo-cd.yaml");
        assertTrue(template.contains("p, role:developer, applications, sync, app-*/*, allow"), "the self-managed values agree");
    }

    @Test
    void everyPlatformNamespaceOfEveryClusterKindDeniesByDefault() {
        var files = files(mgmt);
        for (var ns : List.of("argocd", "cert-manager", "external-secrets", "kyverno", "monitoring", "envoy-gateway-system", "external-dns",
                "reloader", "trivy-system", "default")) {
            assertDeny(files.get("registry/clusters/mgmt/manifests/network-policies/" + ns + ".yaml"), ns);
        }
        for (var ns : List.of("cert-manager", "external-secrets", "kyverno", "monitoring", "envoy-gateway-system", "external-dns", "reloader",
                "trivy-system", "default")) {
            assertDeny(files.get("registry/fleet/network-policies/workload-eks/" + ns + ".yaml"), ns);
        }
        for (var ns : List.of("cert-manager", "kyverno", "reloader", "trivy-system", "default")) {
            assertDeny(files.get("registry/fleet/network-policies/workload-vcluster/" + ns + ".yaml"), ns);
        }
        assertFalse(files.containsKey("registry/fleet/network-policies/workload-vcluster/external-secrets.yaml"), "not in virtual clusters");
        // The tools' own allows: Argo CD's UI from the ingress controller only, webhooks from the control plane.
        var argocd = objects(files.get("registry/clusters/mgmt/manifests/network-policies/argocd.yaml"));
        var ui = argocd.stream().filter(p -> "allow-ingress-controller-to-argocd-server".equals(at(p, "metadata", "name"))).findFirst().orElseThrow();
        assertEquals(Map.of("matchLabels", Map.of("app.kubernetes.io/name", "argocd-server")), at(ui, "spec", "podSelector"));
        var certManager = objects(files.get("registry/clusters/mgmt/manifests/network-policies/cert-manager.yaml"));
        var webhook = certManager.stream().filter(p -> "allow-webhooks-from-control-plane".equals(at(p, "metadata", "name"))).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("protocol", "TCP", "port", 10250)), at(((List<?>) at(webhook, "spec", "ingress")).get(0), "ports"));
        var reloader = objects(files.get("registry/clusters/mgmt/manifests/network-policies/reloader.yaml"));
        assertTrue(reloader.stream().noneMatch(p -> "allow-egress-to-external-services".equals(at(p, "metadata", "name"))),
                "reloader talks to the Kubernetes API only");
        assertTrue(files.get("registry/clusters/mgmt/network-policies.yaml").contains("argocd.argoproj.io/sync-wave: \"-15\""));
        // The projects of the Applications that apply them allow every namespace they write to.
        assertPermits(project(mgmt, "platform"), null, files.keySet().stream()
                .filter(f -> f.startsWith("registry/clusters/mgmt/manifests/network-policies/")).toList(), files);
        for (var cluster : List.of("production-east", "staging")) {
            var kind = cluster.equals("staging") ? "workload-vcluster" : "workload-eks";
            assertPermits(project(mgmt, "fleet"), cluster, files.keySet().stream()
                    .filter(f -> f.startsWith("registry/fleet/network-policies/" + kind + "/")).toList(), files);
        }
    }

    @SuppressWarnings("unchecked")
    static void assertPermits(Map<String, Object> project, String cluster, List<String> paths, Map<String, String> files) {
        var destinations = (List<Map<String, String>>) at(project, "spec", "destinations");
        for (var path : paths) {
            for (var object : objects(files.get(path))) {
                var namespace = "Namespace".equals(object.get("kind")) ? null : (String) at(object, "metadata", "namespace");
                if (namespace != null) {
                    assertTrue(destinations.stream().anyMatch(d -> namespace.equals(d.get("namespace"))
                            && (cluster == null ? "https://kubernetes.default.svc".equals(d.get("server")) : cluster.equals(d.get("name")))),
                            at(project, "metadata", "name") + " does not permit " + namespace + " for " + path);
                }
            }
        }
    }

    static void assertDeny(String content, String namespace) {
        assertNotNull(content, namespace);
        var deny = objects(content).stream().filter(p -> "default-deny".equals(at(p, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no default-deny in " + namespace));
        assertEquals(namespace, at(deny, "metadata", "namespace"));
        assertEquals(Map.of(), at(deny, "spec", "podSelector"));
        assertEquals(List.of("Ingress", "Egress"), at(deny, "spec", "policyTypes"));
    }

    @Test
    void secretStoresServeOnlyTheNamespacesThatReadThem() {
        var store = all(mgmt, "ClusterSecretStore").get(0);
        assertEquals(List.of(Map.of("namespaces", List.of("argocd", "cert-manager", "external-dns", "monitoring", "argo", "arc-runners"))),
                at(store, "spec", "conditions"));
        var physical = all(productionEast, "ClusterSecretStore").get(0);
        // The observability stack's namespace reads its credentials (the remote-write login and Grafana's client
        // secret, or Datadog's key).
        assertEquals(List.of(Map.of("namespaces", List.of("cert-manager", "external-dns", "monitoring"))), at(physical, "spec", "conditions"));
        var credentials = named(staging, "kubernetes:external-secrets.io/v1:ClusterSecretStore", "staging-credentials-store");
        assertEquals(List.of(Map.of("namespaces", List.of("argocd"))), at(credentials.inputs(), "spec", "conditions"),
                "only Argo CD reads a virtual cluster's admin credentials");
    }

    @Test
    void virtualClustersAreIsolatedOnTheirHost() {
        var release = staging.ofType("kubernetes:helm.sh/v3:Release").stream().filter(r -> "vcluster".equals(r.inputs().get("chart"))).findFirst().orElseThrow();
        assertEquals(true, at(release.inputs(), "values", "policies", "networkPolicy", "enabled"));
        assertEquals(true, at(release.inputs(), "values", "policies", "networkPolicy", "workload", "publicEgress", "enabled"));
        assertEquals(true, at(release.inputs(), "values", "sync", "toHost", "networkPolicies", "enabled"));
    }

    @Test
    void argoCdsUiIsInternalByDefaultAndItsWebhookIsVerified() {
        // Routes with SecurityPolicies that allow only their client CIDRs; everything else is denied.
        var routes = objects(files(mgmt).get("registry/clusters/mgmt/manifests/argocd-routes/argocd.yaml"));
        var ui = routes.stream().filter(o -> "SecurityPolicy".equals(at(o, "kind")) && "argocd-server".equals(at(o, "metadata", "name"))).findFirst().orElseThrow();
        assertEquals("Deny", at(ui, "spec", "authorization", "defaultAction"));
        assertEquals(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"),
                at(((List<?>) at(ui, "spec", "authorization", "rules")).get(0), "principal", "clientCIDRs"));
        var webhookRoute = routes.stream().filter(o -> "HTTPRoute".equals(at(o, "kind")) && "argocd-webhook".equals(at(o, "metadata", "name"))).findFirst().orElseThrow();
        var match = ((List<?>) at(((List<?>) at(webhookRoute, "spec", "rules")).get(0), "matches")).get(0);
        assertEquals(Map.of("type", "Exact", "value", "/api/webhook"), at(match, "path"));
        var hooks = routes.stream().filter(o -> "SecurityPolicy".equals(at(o, "kind")) && "argocd-webhook".equals(at(o, "metadata", "name"))).findFirst().orElseThrow();
        assertEquals(List.of("192.30.252.0/22", "185.199.108.0/22", "140.82.112.0/20", "143.55.64.0/20"),
                at(((List<?>) at(hooks, "spec", "authorization", "rules")).get(0), "principal", "clientCIDRs"));
        assertTrue(files(mgmt).get("registry/clusters/mgmt/manifests/platform-gateway/gateway.yaml").contains("externalTrafficPolicy: Local"));
        var webhook = named(mgmt, "github:index/repositoryWebhook:RepositoryWebhook", "gitops-argocd");
        assertEquals("[secret]", at(webhook.inputs(), "configuration", "secret"), "set, and a Pulumi secret");
        var stored = named(mgmt, "aws:secretsmanager/secret:Secret", "secret-clusters-mgmt-argocd-github-webhook-secret");
        assertEquals("platform/mgmt/clusters/mgmt/argocd/github-webhook-secret", stored.inputs().get("name"));
        var merge = all(mgmt, "ExternalSecret").stream().filter(e -> "argocd-webhook".equals(at(e, "metadata", "name"))).findFirst().orElseThrow();
        assertEquals(Map.of("name", "argocd-secret", "creationPolicy", "Merge"), at(merge, "spec", "target"));
        assertFalse(files(mgmt).values().stream().anyMatch(c -> c.contains("webhook.github.secret:")), "no value in git");
    }

    @Test
    void aNewWorkloadStackFileBecomesADestinationOfTheProjects(@TempDir Path other) throws Exception {
        TestProject.copyOfRepository(other);
        Files.writeString(other.resolve("Pulumi.sandbox.yaml"), """
                config:
                  aws:region: us-east-1
                  platform:role: workload
                  platform:managementStack: mgmt
                  platform:clusterType: vcluster
                  platform:clusterName: sandbox
                  platform:environments:
                    - development
                """);
        var plan = new OfflineEngine(other).plan("mgmt").plan();
        @SuppressWarnings("unchecked")
        var destinations = (List<Map<String, String>>) at(project(plan, "app-hello"), "spec", "destinations");
        assertTrue(destinations.contains(Map.of("name", "sandbox", "namespace", "hello-development")), destinations.toString());
        assertFalse(destinations.contains(Map.of("name", "sandbox", "namespace", "hello-production")), destinations.toString());
    }
}
