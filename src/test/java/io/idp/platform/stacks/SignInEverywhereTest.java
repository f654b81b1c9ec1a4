package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.support.FleetSignOn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every UI of every cluster, as the rendered gitops repository configures it, signs in through Dex
 * and has no enabled local admin; each Grafana's Dex client redirects to that Grafana, and the
 * client secrets' key names agree on both sides. A UI is whatever the repository serves on a
 * hostname (an Ingress, an HTTPRoute, a chart's ingress or route values): one this test does not
 * know fails it until its sign-in is checked here.
 */
class SignInEverywhereTest {
    static final List<String> STACKS = List.of("mgmt", "production-east", "production-west", "staging");
    /** The UIs whose sign-in this test checks, by the first label of their hostname. */
    static final List<String> KNOWN_UIS = List.of("argocd", "grafana", "workflows");
    /** Hosts served to the fleet's agents, not to people: each takes a per-cluster password (basic auth). */
    static final List<String> FLEET_ENDPOINTS = List.of("loki", "otlp", "prometheus-write");
    static final Pattern DEX_SECRET = Pattern.compile("\\$argocd-sso:([A-Za-z0-9._-]+)");

    @TempDir
    static Path dir;
    static final Map<String, String> FILES = new TreeMap<>();
    static Plan mgmt;
    /** Each workload cluster's hostname, as its registration tells Argo CD (annotation cluster_hostname). */
    static final Map<String, String> HOSTNAMES = new TreeMap<>();

    @BeforeAll
    static void planEveryStack() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        for (var stack : STACKS) {
            var plan = engine.plan(stack).plan();
            engine.plans().write(plan);
            if (stack.equals("mgmt")) {
                mgmt = plan;
            }
            for (var file : plan.ofType("github:index/repositoryFile:RepositoryFile")) {
                if ("gitops".equals(file.inputs().get("repository"))) {
                    FILES.put(String.valueOf(file.inputs().get("file")), String.valueOf(file.inputs().get("content")));
                }
            }
            for (var resource : plan.resources()) {
                if (resource.inputs().get("metadata") instanceof Map<?, ?> metadata && metadata.get("annotations") instanceof Map<?, ?> annotations
                        && annotations.get("cluster_hostname") != null) {
                    HOSTNAMES.put(stack, String.valueOf(annotations.get("cluster_hostname")));
                }
            }
        }
    }

    @Test
    void argoCdSignsInThroughDexOnlyWithNoLocalAdmin() {
        var cm = at(argoCdValues(), "configs", "cm");
        assertEquals(false, cm.get("admin.enabled"));
        assertEquals(false, cm.get("users.anonymous.enabled"));
        var dex = dexConfig();
        var github = ((List<?>) dex.get("connectors")).stream().map(SignInEverywhereTest::map)
                .filter(c -> "github".equals(c.get("type"))).toList();
        assertEquals(1, github.size(), "one GitHub connector");
        assertEquals("", at(argoCdValues(), "configs", "rbac").get("policy.default"), "no role for anyone else");
    }

    @Test
    void everyGrafanaSignsInThroughDexWithNoLocalLogin() {
        var grafanas = grafanas();
        assertEquals(new TreeSet<>(List.of("mgmt", "production-east", "production-west")), grafanas.keySet(),
                "the management cluster's and each EKS workload cluster's with Prometheus");
        grafanas.forEach((cluster, grafana) -> {
            var ini = map(grafana.get("grafana.ini"));
            assertEquals(true, map(ini.get("auth")).get("disable_login_form"), cluster);
            assertEquals(false, map(ini.get("auth.anonymous")).get("enabled"), cluster);
            assertEquals(false, map(ini.get("auth.basic")).get("enabled"), cluster);
            assertEquals(true, map(ini.get("security")).get("disable_initial_admin_creation"), cluster + ": no local admin is created");
            assertFalse(grafana.containsKey("adminPassword"), cluster + ": no admin password in the values");
            // Nothing calls Grafana with the admin's password: the sidecars do not ask it to reload.
            var sidecar = map(grafana.get("sidecar"));
            assertEquals(true, map(sidecar.get("dashboards")).get("skipReload"), cluster);
            assertEquals(true, map(sidecar.get("datasources")).get("skipReload"), cluster);
            assertEquals(true, map(sidecar.get("datasources")).get("initDatasources"), cluster);
            var oauth = map(ini.get("auth.generic_oauth"));
            assertEquals(true, oauth.get("enabled"), cluster);
            assertEquals(true, oauth.get("role_attribute_strict"), cluster);
            assertEquals("contains(groups[*], 'acme-platform:platform-admins') && 'Admin' || 'Viewer'",
                    oauth.get("role_attribute_path"), cluster);
            var issuer = FleetSignOn.issuer("mgmt." + mgmt.outputs().get("domain"));
            assertEquals(issuer + "/auth", oauth.get("auth_url"), cluster);
            if (!cluster.equals("mgmt")) {
                // From a workload cluster, server to server over the internet to the management cluster's Dex.
                assertEquals(issuer + "/token", oauth.get("token_url"), cluster);
                assertEquals(issuer + "/userinfo", oauth.get("api_url"), cluster);
            }
            assertFalse(String.valueOf(oauth).contains("client_secret"), cluster + ": the secret is not in the values");
        });
    }

    @Test
    void eachGrafanasDexClientRedirectsToItsRootUrlAndNamesItsClientId() {
        var clients = dexClients();
        grafanas().forEach((cluster, grafana) -> {
            var ini = map(grafana.get("grafana.ini"));
            var clientId = String.valueOf(map(ini.get("auth.generic_oauth")).get("client_id"));
            var client = clients.get(clientId);
            assertNotNull(client, cluster + ": Dex has no client " + clientId + "; it has " + clients.keySet());
            var rootUrl = String.valueOf(map(ini.get("server")).get("root_url"));
            assertEquals(List.of(rootUrl + "/login/generic_oauth"), client.get("redirectURIs"), cluster);
            assertEquals(cluster.equals("mgmt") ? "https://grafana.mgmt.example.com"
                    : "https://grafana." + HOSTNAMES.get(cluster), rootUrl, cluster);
            // Grafana is served where its root URL says: its route carries that host.
            var served = map(map(grafana.get("route")).get("main")).get("hostnames");
            assertEquals(List.of(rootUrl.substring("https://".length())), served, cluster);
        });
        assertEquals(5, clients.size(), "grafana, grafana-production-east, grafana-production-west, vcluster-staging, argo-workflows: " + clients.keySet());
    }

    @Test
    void theClientSecretsKeyNamesMatchOnBothSides() {
        var argocdSso = externalSecret("registry/clusters/mgmt/manifests/platform-secrets/cluster-secret-store.yaml", "argocd-sso");
        var keys = new TreeMap<String, String>();
        for (var entry : (List<?>) argocdSso.get("data")) {
            keys.put(String.valueOf(map(entry).get("secretKey")), String.valueOf(map(map(entry).get("remoteRef")).get("key")));
        }
        // Every reference of dex.config is a key of the Secret argocd-sso.
        var referenced = new TreeSet<String>();
        var matcher = DEX_SECRET.matcher(String.valueOf(at(argoCdValues(), "configs", "cm").get("dex.config")));
        while (matcher.find()) {
            referenced.add(matcher.group(1));
        }
        assertEquals(keys.keySet(), referenced, "dex.config reads exactly what argocd-sso holds");
        for (var cluster : List.of("production-east", "production-west")) {
            // Argo CD's copy, under the management cluster's own path, and the cluster's, under its own.
            assertEquals("platform/mgmt/clusters/mgmt/sso/grafana-" + cluster + "-client-secret",
                    keys.get(FleetSignOn.grafanaSecretKey(cluster)), cluster);
            var grafanaSso = externalSecret("registry/clusters/" + cluster + "/kube-prometheus-stack.yaml", "grafana-sso");
            var data = map(((List<?>) grafanaSso.get("data")).get(0));
            assertEquals(FleetSignOn.GRAFANA_ENV, data.get("secretKey"), cluster);
            assertEquals("platform/mgmt/clusters/" + cluster + "/sso/grafana-client-secret", map(data.get("remoteRef")).get("key"), cluster);
            var grafana = grafanas().get(cluster);
            assertEquals(List.of(Map.of("name", "grafana-sso", "optional", true)), grafana.get("envFromSecrets"), cluster);
            var namespace = map(document("registry/clusters/" + cluster + "/kube-prometheus-stack.yaml", "grafana-sso").get("metadata")).get("namespace");
            assertTrue(storeReaches(cluster, String.valueOf(namespace)),
                    cluster + ": its ClusterSecretStore admits Grafana's namespace");
        }
    }

    @Test
    void bothCopiesOfAWorkloadGrafanasSecretAreOneGeneratedSecret() {
        for (var cluster : List.of("production-east", "production-west")) {
            var seeds = new TreeSet<String>();
            for (var path : List.of("platform/mgmt/clusters/" + cluster + "/sso/grafana-client-secret",
                    "platform/mgmt/clusters/mgmt/sso/grafana-" + cluster + "-client-secret")) {
                var secret = mgmt.ofType("aws:secretsmanager/secret:Secret").stream()
                        .filter(s -> path.equals(s.inputs().get("name"))).findFirst().orElseThrow(() -> new AssertionError("no secret " + path));
                var version = mgmt.ofType("aws:secretsmanager/secretVersion:SecretVersion").stream()
                        .filter(v -> v.dependencies().contains(secret.urn())).findFirst().orElseThrow();
                assertEquals("[secret]", version.inputs().get("secretString"), path);
                version.dependencies().stream().filter(d -> d.contains("tls:index/privateKey:PrivateKey")).forEach(seeds::add);
            }
            assertEquals(1, seeds.size(), cluster + ": both copies derive from one seed: " + seeds);
            assertTrue(seeds.first().endsWith("grafana-" + cluster + "-seed"), seeds.first());
        }
    }

    @Test
    void everyServedHostnameIsAUiWhoseSignInIsChecked() {
        var hosts = new TreeSet<String>();
        FILES.forEach((file, text) -> {
            if (file.startsWith("templates/") || !file.endsWith(".yaml")) {
                return;
            }
            for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                collectHosts(document, hosts);
            }
        });
        assertFalse(hosts.isEmpty());
        for (var host : hosts) {
            var ui = host.substring(0, host.indexOf('.'));
            if (FLEET_ENDPOINTS.contains(ui)) {
                // The file that serves it also asks for the cluster's password.
                var serving = FILES.entrySet().stream().filter(e -> !e.getKey().startsWith("templates/") && e.getValue().contains(host)).toList();
                assertFalse(serving.isEmpty(), host);
                assertTrue(serving.stream().anyMatch(e -> e.getValue().contains("basicAuth") || e.getValue().contains("basicauth")),
                        host + " is served to the fleet without a password");
                continue;
            }
            assertTrue(KNOWN_UIS.contains(ui), host + " is served but its sign-in is not checked here: add it to KNOWN_UIS with its checks");
        }
    }

    @Test
    void argoWorkflowsSignsInThroughDexOnly() {
        var workflows = FILES.get("registry/clusters/mgmt/argo-workflows.yaml");
        assertNotNull(workflows);
        var server = new java.util.ArrayList<Object>();
        for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(workflows)) {
            if (document instanceof Map<?, ?> app && "Application".equals(app.get("kind"))
                    && "argo-workflows".equals(map(app.get("metadata")).get("name"))) {
                var values = map(map(map(app.get("spec")).get("source")).get("helm")).get("valuesObject");
                server.add(map(values).get("server"));
            }
        }
        assertEquals(1, server.size());
        assertEquals(List.of("sso"), map(server.get(0)).get("authModes"), "no client-token or server mode: people sign in through Dex");
        assertEquals(List.of("https://workflows.mgmt.example.com/oauth2/callback"), dexClients().get("argo-workflows").get("redirectURIs"));
    }

    @Test
    void theVirtualClustersApiServerTrustsDexAndItsRbacIsByTeam() {
        var release = FILES.get("registry/clusters/staging/" + io.idp.platform.gitops.VirtualClusterAccess.FILE);
        assertNotNull(release, "the virtual cluster's directory holds its people's RBAC");
        var subjects = new TreeSet<String>();
        for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(release)) {
            if (document == null) {
                continue;
            }
            for (var subject : (List<?>) map(document).get("subjects")) {
                assertEquals("Group", map(subject).get("kind"), "bound to teams, never to a person");
                subjects.add(String.valueOf(map(subject).get("name")));
            }
        }
        assertEquals(new TreeSet<>(List.of("oidc:acme-platform:platform-admins", "oidc:acme-platform:developers",
                "oidc:acme-platform:contractors")), subjects);
        var client = dexClients().get(FleetSignOn.vclusterClientId("staging"));
        assertEquals(true, client.get("public"), "kubectl's login keeps no secret");
    }

    // --- helpers ---

    static void collectHosts(Object node, java.util.Set<String> hosts) {
        if (node instanceof Map<?, ?> object) {
            if (("Ingress".equals(object.get("kind")) || "HTTPRoute".equals(object.get("kind"))) && object.get("spec") instanceof Map<?, ?>) {
                var spec = map(object.get("spec"));
                if (spec.get("rules") instanceof List<?> rules) {
                    rules.forEach(r -> {
                        if (map(r).get("host") != null) {
                            hosts.add(String.valueOf(map(r).get("host")));
                        }
                    });
                }
                if (spec.get("hostnames") instanceof List<?> names) {
                    names.forEach(n -> hosts.add(String.valueOf(n)));
                }
            }
            // A chart's ingress or route values: hosts: [...] or hostnames: [...] next to enabled: true.
            if (Boolean.TRUE.equals(object.get("enabled"))) {
                for (var key : List.of("hosts", "hostnames")) {
                    if (object.get(key) instanceof List<?> names) {
                        names.stream().filter(n -> n instanceof String).forEach(n -> hosts.add(String.valueOf(n)));
                    }
                }
            }
            object.values().forEach(v -> collectHosts(v, hosts));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectHosts(v, hosts));
        }
    }

    /** Argo CD's self-managed values (registry/clusters/mgmt/argo-cd.yaml). */
    static Map<String, Object> argoCdValues() {
        var app = document("registry/clusters/mgmt/argo-cd.yaml", "argo-cd");
        return at(app, "spec", "source", "helm", "valuesObject");
    }

    static Map<String, Object> dexConfig() {
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(String.valueOf(at(argoCdValues(), "configs", "cm").get("dex.config"))));
    }

    static Map<String, Map<String, Object>> dexClients() {
        var clients = new LinkedHashMap<String, Map<String, Object>>();
        for (var client : (List<?>) dexConfig().get("staticClients")) {
            clients.put(String.valueOf(map(client).get("id")), map(client));
        }
        return clients;
    }

    /**
     * Each cluster's Grafana values: the management cluster's Application, and the fleet's
     * kube-prometheus-stack ApplicationSet filled in for each workload cluster that runs it.
     */
    static Map<String, Map<String, Object>> grafanas() {
        var grafanas = new TreeMap<String, Map<String, Object>>();
        var own = document("registry/clusters/mgmt/kube-prometheus-stack.yaml", "kube-prometheus-stack");
        grafanas.put("mgmt", map(at(own, "spec", "source", "helm", "valuesObject").get("grafana")));
        var fleetSet = document("registry/clusters/mgmt/fleet-addons.yaml", "fleet-kube-prometheus-stack");
        var template = new Yaml().dump(at(fleetSet, "spec", "template", "spec", "source", "helm", "valuesObject").get("grafana"));
        for (var cluster : List.of("production-east", "production-west")) {
            var filled = template.replace("{{.name}}", cluster)
                    .replace("{{index .metadata.annotations \"cluster_hostname\"}}", HOSTNAMES.get(cluster));
            grafanas.put(cluster, map(new Yaml(new SafeConstructor(new LoaderOptions())).load(filled)));
        }
        return grafanas;
    }

    static boolean storeReaches(String cluster, String namespace) {
        var store = document("registry/clusters/" + cluster + "/platform-secrets.yaml", "platform");
        for (var condition : (List<?>) at(store, "spec").get("conditions")) {
            if (((List<?>) map(condition).get("namespaces")).contains(namespace)) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> externalSecret(String file, String name) {
        var object = document(file, name);
        assertEquals("ExternalSecret", object.get("kind"), file + " " + name);
        return at(object, "spec");
    }

    static Map<String, Object> document(String file, String name) {
        var text = FILES.get(file);
        assertNotNull(text, "no file " + file);
        var found = new ArrayList<Map<String, Object>>();
        for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (document instanceof Map<?, ?> object && object.get("metadata") instanceof Map<?, ?> metadata && name.equals(metadata.get("name"))) {
                found.add(map(object));
            }
        }
        assertEquals(1, found.size(), file + ": objects named " + name);
        return found.get(0);
    }

    static Map<String, Object> at(Map<String, Object> root, String... path) {
        var node = root;
        for (var key : path) {
            node = map(node.get(key));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertInstanceOf(Map.class, value);
        return (Map<String, Object>) value;
    }
}
