package io.idp.platform.gitops;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The management cluster's install order, derived from the rendered files: each Application's sync
 * wave, the kinds its manifests use, and the CRDs and services each tool provides. Every dependency
 * must be in a strictly lower wave.
 */
class InstallOrderTest {
    /** Who provides what: a kind's CRD, or a service others need. */
    static final Map<String, String> PROVIDED_BY = Map.of(
            "ClusterIssuer", "cert-manager",
            "Certificate", "cert-manager",
            "ClusterSecretStore", "external-secrets",
            "ExternalSecret", "external-secrets",
            "ValidatingPolicy", "kyverno",
            "ServiceMonitor", "kube-prometheus-stack",
            "HTTPRoute", "envoy-gateway",
            "Gateway", "envoy-gateway",
            "SecurityPolicy", "envoy-gateway");

    static Map<String, Integer> waves() {
        var waves = new TreeMap<String, Integer>();
        for (var m : Manifests.of(Fixtures.managementFiles())) {
            if (m.kind().equals("Application") || m.kind().equals("AppProject")) {
                waves.put(m.kind() + "/" + m.name(), m.wave());
            }
        }
        return waves;
    }

    /** The kinds each manifests/ Application applies, read from its directory. */
    static Map<String, List<String>> kindsByApplication() {
        var kinds = new TreeMap<String, List<String>>();
        for (var m : Manifests.of(Fixtures.managementFiles())) {
            var file = m.file();
            var marker = "/manifests/";
            if (file.contains(marker)) {
                var app = file.substring(file.indexOf(marker) + marker.length(), file.lastIndexOf('/'));
                kinds.computeIfAbsent(app, a -> new ArrayList<>()).add(m.kind());
            }
        }
        return kinds;
    }

    static void before(Map<String, Integer> waves, String first, String then, List<String> violations) {
        var a = waves.get("Application/" + first);
        var b = waves.get("Application/" + then);
        assertNotNull(a, first);
        assertNotNull(b, then);
        if (a >= b) {
            violations.add(first + " (wave " + a + ") must come before " + then + " (wave " + b + ")");
        }
    }

    @Test
    void crdsAndServicesComeBeforeTheirUsers() {
        var waves = waves();
        var violations = new ArrayList<String>();
        kindsByApplication().forEach((app, kinds) -> kinds.stream().map(PROVIDED_BY::get).filter(p -> p != null).distinct()
                .filter(provider -> !(app.equals("platform-gateway") && provider.equals("envoy-gateway")))
                .forEach(provider -> before(waves, provider, app, violations)));
        assertEquals(List.of(), violations);
        // The one deliberate exception: the Gateway shares Envoy Gateway's wave, so its load balancer provisions
        // while the other tools install, and retries until the CRDs are there instead of dry-running against them.
        assertEquals(waves.get("Application/envoy-gateway"), waves.get("Application/platform-gateway"));
        assertTrue(Fixtures.managementFiles().get("registry/clusters/mgmt/platform-gateway.yaml").contains("- SkipDryRunOnMissingResource=true"));
        assertTrue(kindsByApplication().get("cluster-issuers").contains("ClusterIssuer"), "the derivation found the issuers");
    }

    @Test
    void theSecretStoreAndTokensComeBeforeTheirReaders() {
        var waves = waves();
        var violations = new ArrayList<String>();
        before(waves, "external-secrets", "platform-secrets", violations);
        before(waves, "platform-secrets", "cluster-issuers", violations);
        before(waves, "platform-secrets", "external-dns", violations);
        before(waves, "cert-manager", "cluster-issuers", violations);
        assertEquals(List.of(), violations);
        // Inside the secrets Application: the store before the ExternalSecrets that read it.
        var secrets = Manifests.of(Fixtures.managementFiles()).stream().filter(m -> m.file().contains("manifests/platform-secrets")).toList();
        int store = secrets.stream().filter(m -> m.kind().equals("ClusterSecretStore")).mapToInt(Manifests.Manifest::wave).max().orElseThrow();
        secrets.stream().filter(m -> m.kind().equals("ExternalSecret")).forEach(m -> assertTrue(m.wave() > store, m.name()));
    }

    @Test
    void anythingWithAHostnameComesAfterTheEdgeDnsAndIssuers() {
        var waves = waves();
        var violations = new ArrayList<String>();
        for (var dependency : List.of("platform-gateway", "external-dns", "cluster-issuers")) {
            before(waves, dependency, "argocd-routes", violations);
        }
        before(waves, "kube-prometheus-stack", "trivy-operator", violations);
        assertEquals(List.of(), violations);
    }

    @Test
    void projectsComeFirstAndArgoCdBeforeEveryTool() {
        var waves = waves();
        int projects = Math.max(waves.get("AppProject/platform"), waves.get("AppProject/fleet"));
        waves.forEach((name, wave) -> {
            if (name.startsWith("Application/")) {
                assertTrue(wave > projects, name + " runs before the projects exist");
            }
            if (name.startsWith("Application/") && !name.equals("Application/argo-cd") && !name.equals("Application/network-policies")) {
                assertTrue(wave > waves.get("Application/argo-cd"), name);
            }
        });
    }

    @Test
    void networkPoliciesComeBeforeEveryTool() {
        var waves = waves();
        int policies = waves.get("Application/network-policies");
        waves.forEach((name, wave) -> {
            if (name.startsWith("Application/") && !name.equals("Application/network-policies")) {
                assertTrue(wave > policies, name + " (wave " + wave + ") starts before its namespace's policies (wave " + policies + ")");
            }
        });
        // Inside the Application: each namespace before its policies.
        var manifests = Manifests.of(Fixtures.managementFiles()).stream().filter(m -> m.file().contains("manifests/network-policies/")).toList();
        int namespaces = manifests.stream().filter(m -> m.kind().equals("Namespace")).mapToInt(Manifests.Manifest::wave).max().orElseThrow();
        manifests.stream().filter(m -> m.kind().equals("NetworkPolicy")).forEach(m -> assertTrue(m.wave() > namespaces, m.name()));
    }

    @Test
    void theOrderCheckCanFail() {
        var violations = new ArrayList<String>();
        before(Map.of("Application/a", 20, "Application/b", 10), "a", "b", violations);
        assertEquals(List.of("a (wave 20) must come before b (wave 10)"), violations);
    }
}
