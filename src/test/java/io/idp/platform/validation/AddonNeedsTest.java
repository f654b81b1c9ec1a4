package io.idp.platform.validation;

import io.idp.platform.components.ClusterRegistration;
import io.idp.platform.components.VirtualCluster;
import io.idp.platform.config.Observability;
import io.idp.platform.gitops.Catalog;
import io.idp.platform.gitops.ClusterKind;
import io.idp.platform.gitops.GitopsLayout;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every add-on gets what it needs on every kind of cluster that installs it, for every observability
 * choice: the catalog's tools × cluster kinds × choices, each add-on found where it is delivered (the
 * management cluster's Application, or the fleet ApplicationSet whose label the cluster's Secret
 * carries) and its needs (credentials, API keys, cluster names, CRDs) checked against what that
 * cluster's own directory provides.
 */
class AddonNeedsTest {
    static final Catalog CATALOG = Rendered.catalog();

    /** One delivery of a tool to a cluster: its Helm values and the objects the cluster's directory holds. */
    record Delivery(String tool, ClusterKind kind, Observability choice, String source, Map<String, Object> values,
                    List<Map<String, Object>> clusterObjects, Set<String> clusterTools) {
        String where() {
            return tool + " on " + kind.catalogName() + " with " + choice.configValue() + " (" + source + ")";
        }

        /** A Secret of this name exists in the namespace on this cluster (written by External Secrets, or synced in). */
        boolean hasSecret(String namespace, String name) {
            if (kind == ClusterKind.WORKLOAD_VCLUSTER && VirtualCluster.SYNCED_SECRETS.containsValue(namespace + "/" + name)) {
                return true;
            }
            return clusterObjects.stream().anyMatch(o -> "ExternalSecret".equals(o.get("kind"))
                    && namespace.equals(at(o, "metadata", "namespace")) && name.equals(at(o, "spec", "target", "name")));
        }
    }

    interface Need {
        List<String> check(Delivery delivery);
    }

    static String text(Map<String, Object> values, String... path) {
        var value = at(values, path);
        return value == null ? "" : String.valueOf(value);
    }

    static Need secretNamed(String description, String... path) {
        return d -> {
            var name = text(d.values(), path);
            var namespace = CATALOG.tool(d.tool()).namespace();
            if (name.isEmpty()) {
                return List.of(d.where() + ": " + String.join(".", path) + " (" + description + ") is not set");
            }
            return d.hasSecret(namespace, name) ? List.of()
                    : List.of(d.where() + ": " + String.join(".", path) + " names Secret " + namespace + "/" + name
                    + " (" + description + "), which nothing on the cluster writes");
        };
    }

    /** The cluster's own directory holds an object of this kind and name. */
    static Need clusterHas(String kind, String name) {
        return d -> d.clusterObjects().stream().anyMatch(o -> kind.equals(o.get("kind")) && name.equals(at(o, "metadata", "name")))
                ? List.of() : List.of(d.where() + ": no " + kind + " " + name + " in the cluster's own directory");
    }

    static Need set(String... path) {
        return d -> text(d.values(), path).isEmpty() ? List.of(d.where() + ": " + String.join(".", path) + " is not set") : List.of();
    }

    /** What each catalog tool needs from the cluster it runs on. A new tool must say (or say nothing is needed). */
    static final Map<String, List<Need>> NEEDS = Map.ofEntries(
            Map.entry("argo-cd", List.of(d -> d.hasSecret("argocd", "argocd-sso") ? List.of()
                    : List.of(d.where() + ": the SSO Secret argocd-sso that dex.config references is not written"))),
            Map.entry("cert-manager", List.of(
                    d -> d.hasSecret(CATALOG.tool("cert-manager").namespace(), "cloudflare-api-token") ? List.of()
                            : List.of(d.where() + ": the issuers' DNS-01 token cloudflare-api-token is not on the cluster"),
                    d -> String.valueOf(d.values().get("extraArgs")).contains("--dns01-recursive-nameservers-only") ? List.of()
                            : List.of(d.where() + ": DNS-01 checks must ask Cloudflare's resolvers (extraArgs)"),
                    d -> Boolean.TRUE.equals(at(d.values(), "config", "enableGatewayAPI")) ? List.of()
                            : List.of(d.where() + ": the Gateway's certificate needs cert-manager's Gateway API support (config.enableGatewayAPI)"))),
            Map.entry("external-secrets", List.of(set("serviceAccount", "annotations", "eks.amazonaws.com/role-arn"))),
            Map.entry("kyverno", List.of()),
            Map.entry("kube-prometheus-stack", List.of(AddonNeedsTest::alertmanagerOrRemoteWriteHasItsSecret,
                    AddonNeedsTest::grafanaSignInHasItsClientSecret)),
            Map.entry("datadog", List.of(secretNamed("the agent's API key", "datadog", "apiKeyExistingSecret"), set("datadog", "clusterName"))),
            // Its Gateway is the cluster directory's (docs/edge.md); the chart itself reads nothing of it.
            Map.entry("envoy-gateway", List.of()),
            Map.entry("external-dns", List.of(
                    d -> {
                        var env = d.values().get("env") instanceof List<?> l ? l : List.of();
                        var token = env.stream().filter(e -> e instanceof Map<?, ?> m && "CF_API_TOKEN".equals(m.get("name"))).findFirst();
                        if (token.isEmpty()) {
                            return List.of(d.where() + ": no CF_API_TOKEN for the Cloudflare provider");
                        }
                        @SuppressWarnings("unchecked")
                        var name = text((Map<String, Object>) token.get(), "valueFrom", "secretKeyRef", "name");
                        return d.hasSecret(CATALOG.tool("external-dns").namespace(), name) ? List.of()
                                : List.of(d.where() + ": CF_API_TOKEN reads Secret " + name + ", which nothing on the cluster writes");
                    },
                    set("txtOwnerId"), set("domainFilters"),
                    d -> String.valueOf(d.values().get("sources")).contains("gateway-httproute") ? List.of()
                            : List.of(d.where() + ": routes' hostnames need the gateway-httproute source"))),
            Map.entry("reloader", List.of()),
            // Reads only the kubelets; nothing of the cluster's directory.
            Map.entry("metrics-server", List.of()),
            Map.entry("trivy-operator", List.of()),
            // Its role and queue, and a NodePool with its EC2NodeClass in the cluster's own directory.
            Map.entry("karpenter", List.of(set("serviceAccount", "annotations", "eks.amazonaws.com/role-arn"),
                    set("settings", "clusterName"), set("settings", "interruptionQueue"),
                    clusterHas("NodePool", "default"), clusterHas("EC2NodeClass", "default"))),
            // Its role, and where its backups go and when, in the cluster's own directory.
            Map.entry("velero", List.of(set("serviceAccount", "server", "annotations", "eks.amazonaws.com/role-arn"),
                    clusterHas("BackupStorageLocation", "default"), clusterHas("VolumeSnapshotLocation", "default"),
                    clusterHas("Schedule", "platform"))),
            Map.entry("vcluster", List.of()),
            // Logs and traces: the stores' push htpasswd and S3 roles; the agents' push credentials.
            Map.entry("loki", List.of(secretNamed("the gateway's htpasswd", "gateway", "basicAuth", "existingSecret"),
                    set("serviceAccount", "annotations", "eks.amazonaws.com/role-arn"), set("loki", "storage", "bucketNames", "chunks"))),
            Map.entry("tempo", List.of(set("serviceAccount", "annotations", "eks.amazonaws.com/role-arn"),
                    set("tempo", "storage", "trace", "s3", "bucket"))),
            Map.entry("fluent-bit", List.of(secretsReferenced("envFrom"), set("env"))),
            Map.entry("opentelemetry-collector", List.of(secretsReferenced("extraEnvsFrom"), secretsReferenced("extraVolumes"))),
            Map.entry("gha-runner-scale-set-controller", List.of()),
            // The GitHub App's credentials, written into arc-runners by the Application ci; the organisation to serve.
            Map.entry("gha-runner-scale-set", List.of(secretNamed("the GitHub App's credentials", "githubConfigSecret"),
                    set("githubConfigUrl"), set("maxRunners"))),
            Map.entry("argo-workflows", List.of(AddonNeedsTest::workflowsSignInHasItsClientSecret,
                    set("artifactRepository", "s3", "bucket"), set("server", "serviceAccount", "annotations", "eks.amazonaws.com/role-arn"))));

    /** Every Secret a list of envFrom entries or volumes names (secretRef.name, secret.secretName) is written on the cluster. */
    static Need secretsReferenced(String key) {
        return d -> {
            var problems = new ArrayList<String>();
            var namespace = CATALOG.tool(d.tool()).namespace();
            var entries = d.values().get(key) instanceof List<?> l ? l : List.of();
            for (var entry : entries) {
                @SuppressWarnings("unchecked")
                var map = (Map<String, Object>) entry;
                var name = text(map, "secretRef", "name").isEmpty() ? text(map, "secret", "secretName") : text(map, "secretRef", "name");
                if (!name.isEmpty() && !d.hasSecret(namespace, name)) {
                    problems.add(d.where() + ": " + key + " names Secret " + namespace + "/" + name + ", which nothing on the cluster writes");
                }
            }
            return problems;
        };
    }

    /**
     * Where Alertmanager runs (the management cluster), its configuration Secret is written; where it does not (a
     * workload cluster), Prometheus remote-writes to the management cluster, and the login Secret it names is written.
     */
    @SuppressWarnings("unchecked")
    static List<String> alertmanagerOrRemoteWriteHasItsSecret(Delivery d) {
        if (!Boolean.FALSE.equals(at(d.values(), "alertmanager", "enabled"))) {
            return secretNamed("Alertmanager's configuration", "alertmanager", "alertmanagerSpec", "configSecret").check(d);
        }
        var writes = at(d.values(), "prometheus", "prometheusSpec", "remoteWrite") instanceof List<?> l ? l : List.of();
        if (writes.isEmpty()) {
            return List.of(d.where() + ": no Alertmanager and no remote write: its alerts would reach no one");
        }
        var problems = new java.util.ArrayList<String>();
        for (var write : writes) {
            for (var part : List.of("username", "password")) {
                var name = String.valueOf(at((Map<String, Object>) write, "basicAuth", part, "name"));
                if (!d.hasSecret(CATALOG.tool(d.tool()).namespace(), name)) {
                    problems.add(d.where() + ": remoteWrite basicAuth." + part + " reads Secret " + name + ", which nothing on the cluster writes");
                }
            }
        }
        return problems;
    }

    /** Argo Workflows' server reads its Dex client secret from a Secret its own release's ExternalSecret writes. */
    @SuppressWarnings("unchecked")
    static List<String> workflowsSignInHasItsClientSecret(Delivery d) {
        var name = text(d.values(), "server", "sso", "clientSecret", "name");
        var extra = d.values().get("extraObjects") instanceof List<?> l ? l : List.of();
        var written = extra.stream().anyMatch(o -> o instanceof Map<?, ?> m && "ExternalSecret".equals(m.get("kind"))
                && name.equals(at((Map<String, Object>) m, "spec", "target", "name")));
        return written || d.hasSecret(CATALOG.tool(d.tool()).namespace(), name) ? List.of()
                : List.of(d.where() + ": server.sso.clientSecret reads Secret " + name + ", which nothing on the cluster writes");
    }

    /** Grafana signing in through Dex reads its client secret from the environment, from a Secret on the cluster. */
    @SuppressWarnings("unchecked")
    static List<String> grafanaSignInHasItsClientSecret(Delivery d) {
        var oauth = at(d.values(), "grafana", "grafana.ini", "auth.generic_oauth");
        if (!(oauth instanceof Map<?, ?> settings) || !Boolean.TRUE.equals(settings.get("enabled"))) {
            return List.of();
        }
        if (settings.get("client_secret") != null) {
            return List.of(d.where() + ": grafana.ini holds the OAuth client secret in plain text");
        }
        var namespace = CATALOG.tool(d.tool()).namespace();
        var sources = at(d.values(), "grafana", "envFromSecrets") instanceof List<?> l ? l : List.of();
        for (var source : sources) {
            var name = String.valueOf(((Map<String, Object>) source).get("name"));
            var provides = d.clusterObjects().stream().anyMatch(o -> "ExternalSecret".equals(o.get("kind"))
                    && namespace.equals(at(o, "metadata", "namespace")) && name.equals(at(o, "spec", "target", "name"))
                    && String.valueOf(at(o, "spec", "data")).contains("secretKey=GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET"));
            if (provides) {
                return List.of();
            }
        }
        return List.of(d.where() + ": Grafana signs in through Dex, but no Secret in grafana.envFromSecrets provides "
                + "GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET");
    }

    /** Any chart value that turns a ServiceMonitor on needs kube-prometheus-stack's CRD on that cluster. */
    static final Need SERVICE_MONITOR_CRD = d -> {
        var found = new ArrayList<String>();
        serviceMonitors(d.values(), "", found);
        return d.clusterTools().contains("kube-prometheus-stack") ? List.of()
                : found.stream().map(p -> d.where() + ": " + p + " is on, but the ServiceMonitor CRD comes only with kube-prometheus-stack").toList();
    };

    @Test
    void everyToolOfTheCatalogSaysWhatItNeeds() {
        assertEquals(new TreeSet<>(CATALOG.tools().keySet()), new TreeSet<>(NEEDS.keySet()));
    }

    @Test
    void everyAddOnGetsWhatItNeedsOnEveryKindOfClusterForEveryObservabilityChoice() {
        var problems = new ArrayList<String>();
        int deliveries = 0;
        for (var managementChoice : Observability.values()) {
            var management = GitopsLayout.management(Rendered.ROOT, CATALOG, Rendered.management(managementChoice));
            for (var kind : ClusterKind.values()) {
                for (var choice : Observability.values()) {
                    if (kind == ClusterKind.MANAGEMENT && choice != managementChoice) {
                        continue;
                    }
                    var tools = GitopsLayout.tools(CATALOG, kind, choice);
                    var clusterFiles = kind == ClusterKind.MANAGEMENT ? management
                            : GitopsLayout.workload(Rendered.ROOT, CATALOG, kind, Rendered.workload("production-east", choice));
                    var clusterObjects = objects(clusterFiles);
                    var labels = ClusterRegistration.labels(kind.catalogName(), tools, List.of("production"));
                    for (var tool : tools) {
                        var source = delivery(objects(management), kind, CATALOG.tool(tool), labels);
                        if (source == null) {
                            problems.add(tool + " on " + kind.catalogName() + " with " + choice.configValue() + ": nothing delivers it");
                            continue;
                        }
                        var delivery = new Delivery(tool, kind, choice, source.describe(), source.values(), clusterObjects, tools);
                        deliveries++;
                        for (var need : NEEDS.get(tool)) {
                            problems.addAll(need.check(delivery));
                        }
                        problems.addAll(SERVICE_MONITOR_CRD.check(delivery));
                    }
                }
            }
        }
        assertEquals(List.of(), problems.stream().distinct().toList());
        assertTrue(deliveries >= 40, "checked " + deliveries + " deliveries");
    }

    @Test
    void aFleetAddOnWithoutItsSecretIsFound() {
        var management = objects(GitopsLayout.management(Rendered.ROOT, CATALOG, Rendered.management(Observability.PROMETHEUS)));
        var labels = ClusterRegistration.labels(ClusterKind.WORKLOAD_EKS.catalogName(),
                GitopsLayout.tools(CATALOG, ClusterKind.WORKLOAD_EKS, Observability.DATADOG), List.of());
        var source = delivery(management, ClusterKind.WORKLOAD_EKS, CATALOG.tool("datadog"), labels);
        assertNotNull(source, "a datadog cluster gets the fleet's datadog ApplicationSet");
        // The cluster's directory as it would be without datadog.yaml: no API key Secret.
        var delivery = new Delivery("datadog", ClusterKind.WORKLOAD_EKS, Observability.DATADOG, source.describe(), source.values(),
                List.of(), Set.of("datadog"));
        var problems = NEEDS.get("datadog").get(0).check(delivery);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("datadog/datadog-api-key"), problems.get(0));
    }

    /** The Helm source that installs the tool on a cluster of this kind: an Application, or a fleet ApplicationSet the labels select. */
    @SuppressWarnings("unchecked")
    static HelmSource delivery(List<Map<String, Object>> management, ClusterKind kind, Catalog.Tool tool, Map<String, String> labels) {
        for (var object : management) {
            var isApplicationSet = "ApplicationSet".equals(object.get("kind"));
            if ((kind == ClusterKind.MANAGEMENT) == isApplicationSet) {
                continue;
            }
            if (isApplicationSet) {
                var generators = (List<Map<String, Object>>) at(object, "spec", "generators");
                var selector = generators == null || generators.isEmpty() ? null
                        : (Map<String, String>) at(generators.get(0), "clusters", "selector", "matchLabels");
                if (selector == null || !labels.entrySet().containsAll(selector.entrySet())) {
                    continue;
                }
            }
            for (var source : HelmSource.of("registry/clusters/mgmt", object)) {
                if (source.chart().equals(tool.chart())) {
                    return source;
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static void serviceMonitors(Map<String, Object> values, String path, List<String> found) {
        values.forEach((key, value) -> {
            var here = path.isEmpty() ? key : path + "." + key;
            if (value instanceof Map<?, ?> map) {
                if (key.equalsIgnoreCase("serviceMonitor") && "true".equals(String.valueOf(map.get("enabled")))) {
                    found.add(here + ".enabled");
                }
                serviceMonitors((Map<String, Object>) map, here, found);
            }
        });
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, String> files) {
        var objects = new ArrayList<Map<String, Object>>();
        new TreeMap<>(files).forEach((file, content) -> {
            if (file.endsWith(".yaml")) {
                for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(content)) {
                    if (document instanceof Map<?, ?> map) {
                        objects.add((Map<String, Object>) map);
                    }
                }
            }
        });
        return objects;
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> object, String... path) {
        Object current = object;
        for (var key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }
}
