package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every stack's gitops repository, rendered from the tools' declarations, means what it meant when each
 * tool's Application and ApplicationSet were written by hand (src/test/resources/rendered-before/):
 * the same files, each the same YAML documents once parsed (key order, quoting, comments and line
 * breaks are free), apart from the deliberate differences below.
 */
class RenderedEquivalenceTest {
    static final Path BEFORE = Path.of("src/test/resources/rendered-before");
    static final List<String> STACKS = List.of("mgmt", "production-east", "production-west", "staging");

    /**
     * The deliberate differences, applied to the files from before: every Application and ApplicationSet
     * source of a chart below moved from the pin before to the pin now (the catalog's move to the newest
     * releases, each chart's upgrade notes handled in its values; vcluster is installed by the program,
     * not from the gitops repository). Chart, pin before, pin now.
     */
    static final Map<String, List<String>> PIN_BUMPS = Map.of(
            "argo-cd", List.of("8.5.0", "10.1.1"),
            "cert-manager", List.of("v1.18.2", "v1.21.1"),
            "external-secrets", List.of("0.19.2", "2.9.0"),
            "kyverno", List.of("3.4.4", "3.9.0"),
            "kube-prometheus-stack", List.of("75.15.1", "88.5.3"),
            "datadog", List.of("3.126.0", "3.240.0"),
            "external-dns", List.of("1.18.0", "1.21.1"),
            "reloader", List.of("2.1.5", "2.2.16"),
            "trivy-operator", List.of("0.29.3", "0.34.0"));

    /**
     * Objects of the management cluster moved to an earlier sync wave, each to the first wave after what
     * it needs (the waits without need {@code ./platform plan mgmt --critical-path} reported): the
     * object's (or ApplicationSet template's) name, its wave before and its wave now.
     */
    static final Map<String, List<String>> WAVE_MOVES = Map.of(
            "argocd-ingress", List.of("50", "35"),
            "environments", List.of("60", "10"),
            "grafana-sso", List.of("35", "30"),
            "alertmanager-platform", List.of("35", "30"),
            "kyverno-policies", List.of("30", "20"),
            "reloader", List.of("30", "20"),
            "reloader-{{.name}}", List.of("30", "20"),
            "trivy-operator", List.of("40", "20"),
            "trivy-operator-{{.name}}", List.of("40", "20"));

    /** Argo CD's self-managed Dex asks about every team of people.yaml, as the program's install does. */
    static final String DEX_TEAMS_BEFORE = "teams:\n            - platform-admins\n            - developers\n";
    static final String DEX_TEAMS_NOW = "teams: [platform-admins, developers, contractors]\n";

    /**
     * Kyverno's policies moved from ClusterPolicy (kyverno.io/v1, deprecated since Kyverno 1.17) to ValidatingPolicy
     * (policies.kyverno.io/v1, CEL; KyvernoPoliciesTest holds their rules): each ClusterPolicy before stands for the
     * ValidatingPolicy now with the same metadata (name, title, category, sync wave), and the projects' cluster-resource
     * whitelists allow the new kind in place of the old. Kind before, kind now, as whitelist entries.
     */
    static final Map<String, String> POLICY_KIND_BEFORE = Map.of("group", "kyverno.io", "kind", "ClusterPolicy");
    static final Map<String, String> POLICY_KIND_NOW = Map.of("group", "policies.kyverno.io", "kind", "ValidatingPolicy");

    /**
     * Tools added since: their files are additions (each listed in {@link #ADDED_FILES}), and what they add
     * to files that existed (their chart repository and namespace in the projects, their ApplicationSets in
     * the fleet's file) is taken out of the current files before those are compared, nothing else.
     */
    static final List<String> ADDED_TOOLS = List.of("metrics-server", "karpenter", "velero", "loki", "tempo", "fluent-bit",
            "opentelemetry-collector", "gha-runner-scale-set-controller", "gha-runner-scale-set", "argo-workflows");
    static final Map<String, List<String>> ADDED_FILES = Map.of(
            "mgmt", List.of(
                    "registry/clusters/mgmt/metrics-server.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/metrics-server.yaml",
                    "registry/fleet/network-policies/workload-eks/metrics-server.yaml",
                    "registry/clusters/mgmt/karpenter.yaml",
                    "registry/clusters/mgmt/manifests/karpenter/node-class.yaml",
                    "registry/clusters/mgmt/manifests/karpenter/node-pool.yaml",
                    "registry/clusters/mgmt/velero.yaml",
                    "registry/clusters/mgmt/manifests/velero/locations.yaml",
                    "registry/clusters/mgmt/manifests/velero/schedule-platform.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/velero.yaml",
                    "registry/fleet/network-policies/workload-eks/velero.yaml",
                    // Logs and traces: the stores and agents, their namespaces' policies, the workload clusters' push credentials.
                    "registry/clusters/mgmt/loki.yaml",
                    "registry/clusters/mgmt/tempo.yaml",
                    "registry/clusters/mgmt/fluent-bit.yaml",
                    "registry/clusters/mgmt/opentelemetry-collector.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/loki.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/tempo.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/fluent-bit.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/opentelemetry.yaml",
                    "registry/fleet/network-policies/workload-eks/fluent-bit.yaml",
                    "registry/fleet/network-policies/workload-eks/opentelemetry.yaml",
                    "templates/workload-eks/fluent-bit.yaml",
                    "templates/workload-eks/opentelemetry-collector.yaml",
                    // The fleet's dashboards on the management Grafana.
                    "registry/clusters/mgmt/grafana-dashboards.yaml",
                    // The route the fleet's Prometheus servers remote-write through, on the edge.
                    "registry/clusters/mgmt/prometheus-write.yaml",
                    "registry/clusters/mgmt/gha-runner-scale-set-controller.yaml",
                    "registry/clusters/mgmt/gha-runner-scale-set.yaml",
                    "registry/clusters/mgmt/argo-workflows.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/arc-systems.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/arc-runners.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/argo.yaml",
                    "registry/clusters/mgmt/manifests/ci/runner-credentials.yaml",
                    "registry/clusters/mgmt/manifests/ci/workflows-rbac.yaml",
                    "registry/clusters/mgmt/manifests/ci/workflow-template-buildah-build.yaml",
                    "registry/clusters/mgmt/manifests/ci/workflow-template-helm-publish.yaml"),


            "production-east", physicalClusterFiles("production-east", "registry/clusters/production-east/fluent-bit.yaml",
                    "registry/clusters/production-east/opentelemetry-collector.yaml"),
            "production-west", physicalClusterFiles("production-west", "registry/clusters/production-west/fluent-bit.yaml",
                    "registry/clusters/production-west/opentelemetry-collector.yaml"),
            // The virtual cluster's people's RBAC (SignInDifferences).
            "staging", List.of("registry/clusters/staging/" + io.idp.platform.gitops.VirtualClusterAccess.FILE));

    /** A physical workload cluster's own Karpenter and Velero objects (stacks/physical/). */
    static List<String> physicalClusterFiles(String cluster, String... more) {
        var directory = "registry/clusters/" + cluster + "/";
        var files = new ArrayList<>(List.of(directory + "karpenter/node-class.yaml", directory + "karpenter/node-pool.yaml",
                directory + "velero/locations.yaml", directory + "velero/schedule-platform.yaml",
                directory + "velero/schedule-environments.yaml"));
        files.addAll(List.of(more));
        return List.copyOf(files);
    }

    /** The projects may hold Karpenter's cluster-scoped kinds (the NodePool and EC2NodeClass of each physical cluster). */
    static final List<Map<String, String>> ADDED_CLUSTER_KINDS = List.of(
            Map.of("group", "karpenter.sh", "kind", "NodePool"), Map.of("group", "karpenter.k8s.aws", "kind", "EC2NodeClass"));

    /**
     * The edge's move from ingress-nginx to the Gateway API on Envoy Gateway (docs/edge.md): ingress-nginx's
     * files and Argo CD's Ingress are gone, the edge's are new, and these files change for it (the edge's
     * namespace in policies and projects, routes instead of Ingresses, TLS ending at the gateway, the
     * applications' hostnames); theDeliberateDifferencesAreThere checks what each now says.
     */
    static final Map<String, List<String>> EDGE_REMOVED_FILES = Map.of(
            "mgmt", List.of(
                    "registry/clusters/mgmt/argocd-ingress.yaml",
                    "registry/clusters/mgmt/ingress-nginx.yaml",
                    "registry/clusters/mgmt/manifests/argocd-ingress/ingress.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/ingress-nginx.yaml",
                    "registry/fleet/network-policies/workload-eks/ingress-nginx.yaml"),
            "production-east", List.of(), "production-west", List.of(), "staging", List.of());
    static final Map<String, List<String>> EDGE_ADDED_FILES = Map.of(
            "mgmt", List.of(
                    "registry/clusters/mgmt/envoy-gateway.yaml",
                    "registry/clusters/mgmt/platform-gateway.yaml",
                    "registry/clusters/mgmt/manifests/platform-gateway/gateway.yaml",
                    "registry/clusters/mgmt/manifests/argocd-routes/argocd.yaml",
                    "registry/clusters/mgmt/manifests/network-policies/envoy-gateway-system.yaml",
                    "registry/fleet/network-policies/workload-eks/envoy-gateway-system.yaml",
                    "templates/workload-eks/platform-gateway.yaml"),
            "production-east", List.of("registry/clusters/production-east/platform-gateway.yaml"),
            "production-west", List.of("registry/clusters/production-west/platform-gateway.yaml"),
            "staging", List.of());
    static final List<String> EDGE_CHANGED_FILES = List.of(
            "environments/development/apps/hello/templates/network-policies.yaml",
            "environments/production/apps/hello/templates/network-policies.yaml",
            "environments/staging/apps/hello/templates/network-policies.yaml",
            "environments/development/environment.yaml",
            "environments/production/environment.yaml",
            "environments/staging/environment.yaml",
            "registry/clusters/mgmt/app-projects-applications.yaml",
            "registry/clusters/mgmt/app-projects.yaml",
            "registry/clusters/mgmt/argo-cd.yaml",
            "registry/clusters/mgmt/cert-manager.yaml",
            "registry/clusters/mgmt/external-dns.yaml",
            "registry/clusters/mgmt/fleet-addons.yaml",
            "registry/clusters/mgmt/kube-prometheus-stack.yaml",
            "registry/clusters/mgmt/manifests/network-policies/argocd.yaml",
            "registry/clusters/mgmt/manifests/network-policies/monitoring.yaml",
            "registry/fleet/network-policies/workload-eks/monitoring.yaml");
    /**
     * Logs and traces: an application's namespace may now send OTLP to its cluster's collector (one more
     * NetworkPolicy in its environment chart), and the management cluster's Grafana reads Loki and Tempo
     * (its additionalDataSources, a key that did not exist before). Both are taken out of the current
     * files before they are compared; {@link #theDeliberateDifferencesAreThere} checks they are present.
     */
    static final String APP_TRACE_EGRESS = "allow-traces-to-collector";
    static final String GRAFANA_DATA_SOURCES = "additionalDataSources";

    /**
     * Objects the fleet's metrics changed (docs/observability-fleet.md): left out of the comparison, and
     * their new content asserted in {@link #theDeliberateDifferencesAreThere}. File (a pattern), kind, name.
     */
    record Changed(String file, String kind, String name) {
        boolean matches(String path, Object document) {
            return document instanceof Map<?, ?> object && path.matches(file) && kind.equals(object.get("kind"))
                    && object.get("metadata") instanceof Map<?, ?> metadata && name.equals(metadata.get("name"));
        }
    }

    static final List<Changed> FLEET_METRICS = List.of(
            // Remote-write receiver, fleet retention, cluster label, the platform tools' rules.
            new Changed("registry/clusters/mgmt/kube-prometheus-stack\\.yaml", "Application", "kube-prometheus-stack"),
            // The SMTP relay from configuration, grouping and inhibition per cluster.
            new Changed("registry/clusters/mgmt/kube-prometheus-stack\\.yaml", "ExternalSecret", "alertmanager-platform"),
            // Remote write, external labels, short retention; no Alertmanager or rules of their own.
            new Changed("registry/clusters/mgmt/fleet-addons\\.yaml", "ApplicationSet", "fleet-kube-prometheus-stack"),
            // The Datadog agent: APM over its socket, processes, the env tag of each cluster's environments.
            new Changed("registry/clusters/mgmt/fleet-addons\\.yaml", "ApplicationSet", "fleet-datadog"),
            // Workload clusters: the remote-write login replaces Alertmanager's SMTP credentials ...
            new Changed(".*kube-prometheus-stack\\.yaml", "ExternalSecret", "alertmanager-platform"),
            // ... and the observability namespace may read the store (Datadog's API key could not before).
            new Changed("(templates/workload-eks|registry/clusters/production-[a-z]+)/platform-secrets\\.yaml", "ClusterSecretStore", "platform"));
    /** Objects the fleet's metrics added to files that existed. */
    static final List<Changed> FLEET_METRICS_ADDED = List.of(
            new Changed("(templates/workload-eks|registry/clusters/production-[a-z]+)/kube-prometheus-stack\\.yaml", "ExternalSecret",
                    "prometheus-remote-write"),
            new Changed(".*network-policies/(workload-eks/)?monitoring\\.yaml", "NetworkPolicy",
                    "allow-ingress-controller-to-prometheus"));

    static List<Object> withoutFleetMetrics(String file, List<Object> documents) {
        documents.removeIf(d -> FLEET_METRICS.stream().anyMatch(c -> c.matches(file, d))
                || FLEET_METRICS_ADDED.stream().anyMatch(c -> c.matches(file, d)));
        return documents;
    }

    /**
     * What the CI services (self-hosted runners, Argo Workflows) change in files that existed: Dex's static
     * client argo-workflows after Grafana's, Argo CD's OCI repository entry for the runner charts, the
     * platform store serving argo and arc-runners, and argocd-sso carrying the new client's secret.
     */
    static final String CI_DEX_CLIENT = "  - id: argo-workflows\n    name: Argo Workflows\n    secret: $argocd-sso:argoWorkflowsClientSecret\n"
            + "    redirectURIs:\n      - https://workflows.mgmt.example.com/oauth2/callback\n";
    static final Map<String, Object> CI_REPOSITORY = Map.of("actions-runner-controller", Map.of("name", "actions-runner-controller",
            "type", "helm", "url", "ghcr.io/actions/actions-runner-controller-charts", "enableOCI", "true"),
            // The edge's and Karpenter's charts are OCI too.
            "envoy-gateway", Map.of("name", "envoy-gateway", "type", "helm", "url", "docker.io/envoyproxy", "enableOCI", "true"),
            "karpenter", Map.of("name", "karpenter", "type", "helm", "url", "public.ecr.aws/karpenter", "enableOCI", "true"));
    static final List<String> CI_STORE_NAMESPACES = List.of("argo", "arc-runners");
    static final String CI_RUNS_ON = "platform";
    static final Map<String, Object> CI_DEX_SECRET = Map.of("secretKey", "argoWorkflowsClientSecret",
            "remoteRef", Map.of("key", "platform/mgmt/clusters/mgmt/sso/argo-workflows-client-secret"));

    @TempDir
    static Path dir;
    static final Map<String, Map<String, String>> NOW = new LinkedHashMap<>();

    @BeforeAll
    static void planEveryStack() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        for (var stack : STACKS) {
            Plan plan = engine.plan(stack).plan();
            engine.plans().write(plan);
            var files = new TreeMap<String, String>();
            for (var file : plan.ofType("github:index/repositoryFile:RepositoryFile")) {
                if ("gitops".equals(file.inputs().get("repository"))) {
                    files.put(String.valueOf(file.inputs().get("file")), String.valueOf(file.inputs().get("content")));
                }
            }
            NOW.put(stack, files);
        }
    }

    @Test
    void everyStackWritesTheSameFilesPlusTheAddedToolsFiles() {
        for (var stack : STACKS) {
            var expected = new java.util.TreeSet<>(before(stack).keySet());
            expected.addAll(ADDED_FILES.get(stack));
            EDGE_REMOVED_FILES.get(stack).forEach(expected::remove);
            expected.addAll(EDGE_ADDED_FILES.get(stack));
            assertEquals(expected, NOW.get(stack).keySet(), stack);
        }
    }

    @Test
    void everyFileMeansTheSameApartFromTheDeliberateDifferences() {
        var differences = new ArrayList<String>();
        for (var stack : STACKS) {
            before(stack).forEach((file, text) -> {
                var now = NOW.get(stack).get(file);
                if (now == null || EDGE_CHANGED_FILES.contains(file)) {
                    return;
                }
                if (!file.endsWith(".yaml") && !file.endsWith(".yml")) {
                    if (!text.equals(now)) {
                        differences.add(stack + ": " + file + " differs");
                    }
                    return;
                }
                var expected = parse(text);
                bumpPins(expected);
                movePolicies(expected, parse(now));
                if (stack.equals("mgmt")) {
                    moveWaves(expected);
                    listEveryTeam(expected);
                    if (file.startsWith("registry/clusters/mgmt/")) {
                        addCiServices(expected);
                    }
                    if (file.equals(".github/workflows/validate.yaml")) {
                        runOnTheScaleSet(expected);
                    }
                }
                SignInDifferences.apply(stack, file, expected);
                if (!withoutFleetMetrics(file, expected).equals(withoutFleetMetrics(file, withoutTelemetryLinks(withoutAddedTools(parse(now)))))) {
                    differences.add(stack + ": " + file + " means something else now");
                }
            });
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void theDeliberateDifferencesAreThere() {
        var pins = new TreeMap<String, Object>();
        NOW.get("mgmt").forEach((file, text) -> {
            if (file.endsWith(".yaml")) {
                collectPins(parse(text), pins);
            }
        });
        PIN_BUMPS.forEach((chart, pin) -> assertEquals(pin.get(1), pins.get(chart), chart));
        assertTrue(NOW.get("mgmt").get("registry/clusters/mgmt/argo-cd.yaml").contains("teams: [platform-admins, developers, contractors]"));
        for (var stack : STACKS) {
            var policyFiles = before(stack).entrySet().stream().filter(e -> e.getValue().contains("\nkind: ClusterPolicy\n"))
                    .map(Map.Entry::getKey).toList();
            assertEquals(stack.equals("mgmt") ? 2 : 1, policyFiles.size(), stack + ": " + policyFiles);
            NOW.get(stack).forEach((file, text) -> {
                if (policyFiles.contains(file)) {
                    assertEquals(List.of("policies.kyverno.io/v1 ValidatingPolicy", "policies.kyverno.io/v1 ValidatingPolicy"),
                            parse(text).stream().map(d -> ((Map<?, ?>) d).get("apiVersion") + " " + ((Map<?, ?>) d).get("kind")).toList(),
                            stack + ": " + file);
                }
            });
        }
        var projects = NOW.get("mgmt").get("registry/clusters/mgmt/app-projects.yaml");
        assertTrue(projects.contains("- group: policies.kyverno.io\n      kind: ValidatingPolicy"), projects);
        assertFalse(projects.contains("kind: ClusterPolicy"), projects);
        var environments = document(parse(NOW.get("mgmt").get("registry/clusters/mgmt/cluster-registries.yaml")), "environments");
        assertEquals("10", String.valueOf(map(map(environments, "metadata"), "annotations").get("argocd.argoproj.io/sync-wave")));
        // Sign-in everywhere: the fleet's Dex clients, their secrets' keys, each Grafana's local login off.
        var argocd = NOW.get("mgmt").get("registry/clusters/mgmt/argo-cd.yaml");
        assertTrue(argocd.contains("- id: grafana-production-east") && argocd.contains("- id: vcluster-staging"), argocd);
        assertTrue(NOW.get("mgmt").get("registry/clusters/mgmt/manifests/platform-secrets/cluster-secret-store.yaml")
                .contains("secretKey: grafanaClientSecret-production-west"));
        var fleet = document(parse(NOW.get("mgmt").get("registry/clusters/mgmt/fleet-addons.yaml")), "fleet-kube-prometheus-stack");
        var grafana = map(map(map(map(map(map(fleet, "spec"), "template"), "spec"), "source"), "helm"), "valuesObject");
        assertEquals(SignInDifferences.yaml(SignInDifferences.WORKLOAD_GRAFANA), grafana.get("grafana"));
        assertTrue(NOW.get("production-east").get("registry/clusters/production-east/kube-prometheus-stack.yaml").contains("name: grafana-sso"));
        assertTrue(NOW.get("staging").get("registry/clusters/staging/" + io.idp.platform.gitops.VirtualClusterAccess.FILE)
                .contains("name: 'oidc:acme-platform:platform-admins'"));
        var projectDocuments = parse(NOW.get("mgmt").get("registry/clusters/mgmt/app-projects.yaml"));
        for (var project : List.of("platform", "fleet")) {
            var whitelist = (List<?>) map(document(projectDocuments, project), "spec").get("clusterResourceWhitelist");
            assertTrue(whitelist.containsAll(ADDED_CLUSTER_KINDS), project + " may hold NodePools and EC2NodeClasses");
        }
        for (var environment : List.of("development", "staging", "production")) {
            var policies = parse(NOW.get("mgmt").get("environments/" + environment + "/apps/hello/templates/network-policies.yaml"));
            assertEquals("Egress", ((List<?>) map(document(policies, APP_TRACE_EGRESS), "spec").get("policyTypes")).get(0), environment);
        }
        var prometheus = document(parse(NOW.get("mgmt").get("registry/clusters/mgmt/kube-prometheus-stack.yaml")), "kube-prometheus-stack");
        var managementValues = map(map(map(map(prometheus, "spec"), "source"), "helm"), "valuesObject");
        assertEquals(2, ((List<?>) map(managementValues, "grafana").get(GRAFANA_DATA_SOURCES)).size());
        // The fleet's metrics: every changed object is still there, and says what it should.
        var mgmtPrometheus = NOW.get("mgmt").get("registry/clusters/mgmt/kube-prometheus-stack.yaml");
        assertTrue(mgmtPrometheus.contains("enableRemoteWriteReceiver: true"));
        assertTrue(mgmtPrometheus.contains("smtp_smarthost: email-smtp.us-east-1.amazonaws.com:587"));
        assertTrue(mgmtPrometheus.contains("group_by: [cluster, namespace, alertname]"));
        var fleetFile = NOW.get("mgmt").get("registry/clusters/mgmt/fleet-addons.yaml");
        assertTrue(fleetFile.contains("url: https://prometheus-write.mgmt.example.com/api/v1/write"));
        assertTrue(fleetFile.contains("env:{{index .metadata.annotations") && fleetFile.contains("processCollection: true"));
        for (var stack : List.of("production-east", "production-west")) {
            var own = NOW.get(stack).get("registry/clusters/" + stack + "/kube-prometheus-stack.yaml");
            assertTrue(own.contains("name: prometheus-remote-write") && !own.contains("alertmanager-platform"), stack);
            var store = NOW.get(stack).get("registry/clusters/" + stack + "/platform-secrets.yaml");
            assertTrue(store.contains("- monitoring\n"), stack);
        }
        for (var changed : FLEET_METRICS_ADDED) {
            assertTrue(NOW.values().stream().flatMap(files -> files.entrySet().stream()).anyMatch(e -> e.getKey().endsWith(".yaml")
                    && parse(e.getValue()).stream().anyMatch(d -> changed.matches(e.getKey(), d))), changed.toString());
        }
        assertTrue(NOW.get("mgmt").get(".github/workflows/validate.yaml").contains("runs-on: " + CI_RUNS_ON));
        var argocdCi = NOW.get("mgmt").get("registry/clusters/mgmt/argo-cd.yaml");
        assertTrue(argocdCi.contains("- https://workflows.mgmt.example.com/oauth2/callback"), argocdCi);
        assertTrue(argocdCi.contains("url: ghcr.io/actions/actions-runner-controller-charts"), argocdCi);
        var ciSecrets = parse(NOW.get("mgmt").get("registry/clusters/mgmt/manifests/platform-secrets/cluster-secret-store.yaml"));
        assertTrue(String.valueOf(map(document(ciSecrets, "platform"), "spec").get("conditions")).contains("argo, arc-runners"));
        assertTrue(((List<?>) map(document(ciSecrets, "argocd-sso"), "spec").get("data")).contains(CI_DEX_SECRET));
        theEdgeMovedToTheGatewayApi(NOW.get("mgmt"));
    }

    /** The current documents without the application's trace egress policy and Grafana's new data sources. */
    static List<Object> withoutTelemetryLinks(List<Object> documents) {
        documents.removeIf(d -> d instanceof Map<?, ?> object && object.get("metadata") instanceof Map<?, ?> metadata
                && APP_TRACE_EGRESS.equals(metadata.get("name")));
        documents.forEach(RenderedEquivalenceTest::stripDataSources);
        return documents;
    }

    private static void stripDataSources(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("grafana") instanceof Map<?, ?> grafana) {
                grafana.remove(GRAFANA_DATA_SOURCES);
            }
            map.values().forEach(RenderedEquivalenceTest::stripDataSources);
        } else if (node instanceof List<?> list) {
            list.forEach(RenderedEquivalenceTest::stripDataSources);
        }
    }


    /** What each file the edge changed says now. */
    static void theEdgeMovedToTheGatewayApi(Map<String, String> mgmt) {
        for (var file : EDGE_CHANGED_FILES) {
            var text = mgmt.get(file);
            assertNotNull(text, file);
            assertFalse(text.contains("ingress-nginx") || text.contains("kind: Ingress\n"), file + " still names ingress-nginx or an Ingress");
        }
        for (var env : List.of("development", "staging", "production")) {
            assertTrue(mgmt.get("environments/" + env + "/apps/hello/templates/network-policies.yaml")
                    .contains("kubernetes.io/metadata.name: envoy-gateway-system"), env);
            assertTrue(mgmt.get("environments/" + env + "/environment.yaml").contains(
                    "value: '{{.path.basename}}-" + env + "{{index .metadata.annotations \"apps_hostname_suffix\"}}'"), env);
        }
        for (var file : List.of("registry/clusters/mgmt/app-projects.yaml", "registry/clusters/mgmt/fleet-addons.yaml")) {
            assertTrue(mgmt.get(file).contains("envoy-gateway-system"), file);
        }
        assertTrue(mgmt.get("registry/clusters/mgmt/app-projects.yaml").contains("kind: GatewayClass"));
        assertFalse(mgmt.get("registry/clusters/mgmt/app-projects-applications.yaml").contains("kind: Ingress"));
        assertTrue(mgmt.get("registry/clusters/mgmt/argo-cd.yaml").contains("server.insecure: true"));
        assertTrue(mgmt.get("registry/clusters/mgmt/cert-manager.yaml").contains("enableGatewayAPI: true"));
        assertTrue(mgmt.get("registry/clusters/mgmt/external-dns.yaml").contains("- gateway-httproute"));
        var grafana = mgmt.get("registry/clusters/mgmt/kube-prometheus-stack.yaml");
        assertTrue(grafana.contains("sectionName: https") && grafana.contains("- grafana.mgmt.example.com") && grafana.contains("|envoy-gateway-system|"));
        for (var file : List.of("registry/clusters/mgmt/manifests/network-policies/argocd.yaml",
                "registry/clusters/mgmt/manifests/network-policies/monitoring.yaml", "registry/fleet/network-policies/workload-eks/monitoring.yaml")) {
            assertTrue(mgmt.get(file).contains("kubernetes.io/metadata.name: envoy-gateway-system"), file);
        }
    }

    /** mgmt's platform:ciRunners is self-hosted: the gitops repository's check runs on the scale set. */
    @SuppressWarnings("unchecked")
    static void runOnTheScaleSet(List<Object> documents) {
        for (var document : documents) {
            if (document instanceof Map<?, ?> workflow && workflow.get("jobs") instanceof Map<?, ?> jobs) {
                jobs.values().forEach(job -> ((Map<String, Object>) job).replace("runs-on", "ubuntu-latest", CI_RUNS_ON));
            }
        }
    }

    @SuppressWarnings("unchecked")
    static void addCiServices(Object node) {
        if (node instanceof Map<?, ?> object) {
            var writable = (Map<String, Object>) object;
            if (object.get("dex.config") instanceof String dex && dex.contains("id: grafana")) {
                writable.put("dex.config", dex + CI_DEX_CLIENT);
            }
            if (object.containsKey("cm") && object.containsKey("rbac") && object.containsKey("params")) {
                writable.put("repositories", CI_REPOSITORY);
            }
            if (object.get("metadata") instanceof Map<?, ?> metadata && object.get("spec") instanceof Map<?, ?> spec) {
                if ("ClusterSecretStore".equals(object.get("kind")) && "platform".equals(metadata.get("name"))
                        && spec.get("conditions") instanceof List<?> conditions && !conditions.isEmpty()
                        && ((Map<String, Object>) conditions.get(0)).get("namespaces") instanceof List<?> namespaces) {
                    ((List<Object>) namespaces).addAll(CI_STORE_NAMESPACES);
                }
                if ("ExternalSecret".equals(object.get("kind")) && "argocd-sso".equals(metadata.get("name"))
                        && spec.get("data") instanceof List<?> data) {
                    ((List<Object>) data).add(CI_DEX_SECRET);
                }
            }
            object.values().forEach(RenderedEquivalenceTest::addCiServices);
        } else if (node instanceof List<?> list) {
            list.forEach(RenderedEquivalenceTest::addCiServices);
        }
    }

    /** Moves every source of a bumped chart from its pin before to its pin now; any other pin is left to differ. */
    static void bumpPins(Object node) {
        if (node instanceof Map<?, ?> object) {
            var pin = PIN_BUMPS.get(String.valueOf(object.get("chart")));
            if (pin != null && pin.get(0).equals(object.get("targetRevision"))) {
                @SuppressWarnings("unchecked")
                var source = (Map<String, Object>) object;
                source.put("targetRevision", pin.get(1));
            }
            object.values().forEach(RenderedEquivalenceTest::bumpPins);
        } else if (node instanceof List<?> list) {
            list.forEach(RenderedEquivalenceTest::bumpPins);
        }
    }

    /**
     * Each ClusterPolicy before becomes the ValidatingPolicy now of the same metadata, when there is one (else it stays,
     * and differs); each whitelist entry of the old kind becomes the new kind's.
     */
    static void movePolicies(List<Object> expected, List<Object> now) {
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) instanceof Map<?, ?> before && "ClusterPolicy".equals(before.get("kind"))) {
                for (var candidate : now) {
                    if (candidate instanceof Map<?, ?> after && "ValidatingPolicy".equals(after.get("kind"))
                            && "policies.kyverno.io/v1".equals(after.get("apiVersion")) && before.get("metadata").equals(after.get("metadata"))) {
                        expected.set(i, candidate);
                    }
                }
            }
        }
        replaceWhitelistedKind(expected);
    }

    static void replaceWhitelistedKind(Object node) {
        if (node instanceof Map<?, ?> object) {
            object.values().forEach(RenderedEquivalenceTest::replaceWhitelistedKind);
        } else if (node instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            var writable = (List<Object>) list;
            writable.replaceAll(entry -> POLICY_KIND_BEFORE.equals(entry) ? new LinkedHashMap<>(POLICY_KIND_NOW) : entry);
            list.forEach(RenderedEquivalenceTest::replaceWhitelistedKind);
        }
    }

    static void moveWaves(Object node) {
        if (node instanceof Map<?, ?> object) {
            if (object.get("metadata") instanceof Map<?, ?> metadata && metadata.get("annotations") instanceof Map<?, ?> annotations) {
                var move = WAVE_MOVES.get(String.valueOf(metadata.get("name")));
                if (move != null && move.get(0).equals(String.valueOf(annotations.get("argocd.argoproj.io/sync-wave")))) {
                    @SuppressWarnings("unchecked")
                    var writable = (Map<String, Object>) annotations;
                    writable.put("argocd.argoproj.io/sync-wave", move.get(1));
                }
            }
            object.values().forEach(RenderedEquivalenceTest::moveWaves);
        } else if (node instanceof List<?> list) {
            list.forEach(RenderedEquivalenceTest::moveWaves);
        }
    }

    static void listEveryTeam(Object node) {
        if (node instanceof Map<?, ?> object) {
            if (object.get("dex.config") instanceof String dex) {
                @SuppressWarnings("unchecked")
                var writable = (Map<String, Object>) object;
                writable.put("dex.config", dex.replace(DEX_TEAMS_BEFORE, DEX_TEAMS_NOW));
            }
            object.values().forEach(RenderedEquivalenceTest::listEveryTeam);
        } else if (node instanceof List<?> list) {
            list.forEach(RenderedEquivalenceTest::listEveryTeam);
        }
    }

    static void collectPins(Object node, Map<String, Object> pins) {
        if (node instanceof Map<?, ?> object) {
            if (object.get("chart") instanceof String chart && object.containsKey("targetRevision")) {
                pins.put(chart, object.get("targetRevision"));
            }
            object.values().forEach(value -> collectPins(value, pins));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectPins(value, pins));
        }
    }

    static Map<String, String> before(String stack) {
        var root = BEFORE.resolve(stack);
        var files = new TreeMap<String, String>();
        try (var walk = Files.walk(root)) {
            for (var file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(files.isEmpty(), "no files under " + root);
        return files;
    }

    /** The current documents without what the added tools put in them: their ApplicationSets, repositories and namespaces. */
    static List<Object> withoutAddedTools(List<Object> documents) {
        var catalog = io.idp.platform.gitops.Catalog.load(Path.of("."));
        var repositories = new java.util.HashSet<String>();
        var namespaces = new java.util.HashSet<String>();
        for (var tool : ADDED_TOOLS) {
            repositories.add(io.idp.platform.gitops.ToolApplications.argoRepository(catalog.tool(tool).repository()));
            namespaces.add(catalog.tool(tool).namespace());
        }
        // A repository an older tool shares (argo-helm: Argo CD's and Argo Workflows') was there before.
        catalog.tools().values().stream().filter(t -> !ADDED_TOOLS.contains(t.name())).forEach(t -> repositories.remove(t.repository()));
        documents.removeIf(d -> d instanceof Map<?, ?> object && object.get("metadata") instanceof Map<?, ?> metadata
                && ADDED_TOOLS.stream().anyMatch(t -> String.valueOf(metadata.get("name")).matches("fleet-" + java.util.regex.Pattern.quote(t) + "(-workload-(eks|vcluster))?")));
        documents.forEach(d -> strip(d, repositories, namespaces));
        return documents;
    }

    /** Removes, from every list, a repository URL of an added tool and a destination entry of its namespace. */
    private static void strip(Object node, java.util.Set<String> repositories, java.util.Set<String> namespaces) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> strip(v, repositories, namespaces));
        } else if (node instanceof List<?> list) {
            list.removeIf(e -> e instanceof String text ? repositories.contains(text)
                    : e instanceof Map<?, ?> entry && namespaces.contains(entry.get("namespace"))
                    && java.util.Set.of("server", "name", "namespace").containsAll(entry.keySet())
                    // kube-system was a destination of the management cluster's project before Karpenter came.
                    && !(entry.containsKey("server") && "kube-system".equals(entry.get("namespace")))
                    || ADDED_CLUSTER_KINDS.contains(e));
            list.forEach(e -> strip(e, repositories, namespaces));
        }
    }

    static List<Object> parse(String text) {
        var documents = new ArrayList<Object>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).forEach(documents::add);
        documents.removeIf(java.util.Objects::isNull);
        return documents;
    }

    static Map<String, Object> document(List<Object> documents, String name) {
        for (var document : documents) {
            if (document instanceof Map<?, ?> object && object.get("metadata") instanceof Map<?, ?> metadata
                    && name.equals(metadata.get("name"))) {
                return map(Map.of("d", object), "d");
            }
        }
        throw new AssertionError("no object named " + name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<?, ?> parent, String key) {
        var value = parent.get(key);
        assertInstanceOf(Map.class, value, key);
        return (Map<String, Object>) value;
    }
}
