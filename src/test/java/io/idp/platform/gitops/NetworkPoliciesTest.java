package io.idp.platform.gitops;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The network policies each namespace gets, read back policy by policy: names, selectors, peers and ports. */
class NetworkPoliciesTest {
    static final List<String> COMMON = List.of("default-deny", "allow-dns", "allow-same-namespace", "allow-metrics-scraping",
            "allow-kubernetes-api");
    static final List<Map<String, Object>> PRIVATE_BLOCKS = List.of(Map.of("ipBlock", Map.of("cidr", "10.0.0.0/8")),
            Map.of("ipBlock", Map.of("cidr", "172.16.0.0/12")), Map.of("ipBlock", Map.of("cidr", "192.168.0.0/16")));
    static final List<Map<String, Object>> ANYWHERE = List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0")));

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String yaml) {
        var docs = new ArrayList<Map<String, Object>>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml).forEach(d -> docs.add((Map<String, Object>) d));
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(List<Map<String, Object>> docs, String name) {
        return docs.stream().filter(d -> ((Map<String, Object>) d.get("metadata")).get("name").equals(name))
                .map(d -> (Map<String, Object>) d.get("spec")).findFirst().orElseThrow(() -> new AssertionError("no policy " + name));
    }

    @SuppressWarnings("unchecked")
    static List<String> names(List<Map<String, Object>> docs) {
        return docs.stream().map(d -> d.get("kind") + "/" + ((Map<String, Object>) d.get("metadata")).get("name")).toList();
    }

    static List<String> policies(List<String> names) {
        return names.stream().map(n -> "NetworkPolicy/" + n).toList();
    }

    static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static Map<String, Object> tcp(int port) {
        return Map.of("protocol", "TCP", "port", port);
    }

    static Map<String, Object> namespaceSelector(String namespace) {
        return Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", namespace)));
    }

    static Catalog.Tool tool(String name, String namespace) {
        return new Catalog.Tool(name, "https://charts.example.com", name, "1.0.0", namespace, 10, List.of("management"));
    }

    @Test
    void aNamespaceWithoutPlatformPodsDeniesEverythingWrittenInAFixedBlockLayout() {
        assertEquals("""
                # Nothing of the platform runs in default: nothing in, nothing out.
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: default-deny
                  namespace: default
                spec:
                  podSelector: {}
                  policyTypes:
                    - Ingress
                    - Egress
                """, NetworkPolicies.denyAll("default"));
    }

    @Test
    void anApplicationNamespaceAdmitsItsOwnPodsDnsTheIngressControllerAndTheScrapersAndSendsOnlyTracesToItsCollector() {
        assertEquals("""
                # The application's namespace: deny by default; DNS, its own pods, the ingress controller,
                # metrics scraping and traces to the cluster's collector only. Kept by the platform (see docs/policies.md).
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: default-deny
                spec:
                  podSelector: {}
                  policyTypes:
                    - Ingress
                    - Egress
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: allow-dns
                spec:
                  egress:
                    - ports:
                        - port: 53
                          protocol: UDP
                        - port: 53
                          protocol: TCP
                      to:
                        - namespaceSelector:
                            matchLabels:
                              kubernetes.io/metadata.name: kube-system
                          podSelector:
                            matchLabels:
                              k8s-app: kube-dns
                  podSelector: {}
                  policyTypes:
                    - Egress
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: allow-same-namespace
                spec:
                  egress:
                    - to:
                        - podSelector: {}
                  ingress:
                    - from:
                        - podSelector: {}
                  podSelector: {}
                  policyTypes:
                    - Ingress
                    - Egress
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: allow-metrics-scraping
                spec:
                  ingress:
                    - from:
                        - namespaceSelector:
                            matchLabels:
                              kubernetes.io/metadata.name: datadog
                        - namespaceSelector:
                            matchLabels:
                              kubernetes.io/metadata.name: monitoring
                  podSelector: {}
                  policyTypes:
                    - Ingress
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: allow-from-ingress-controller
                spec:
                  ingress:
                    - from:
                        - namespaceSelector:
                            matchLabels:
                              kubernetes.io/metadata.name: edge
                  podSelector: {}
                  policyTypes:
                    - Ingress
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: allow-traces-to-collector
                spec:
                  egress:
                    - ports:
                        - port: 4317
                          protocol: TCP
                        - port: 4318
                          protocol: TCP
                      to:
                        - namespaceSelector:
                            matchLabels:
                              kubernetes.io/metadata.name: opentelemetry
                  podSelector: {}
                  policyTypes:
                    - Egress
                """, NetworkPolicies.forApplication("edge", List.of("datadog", "monitoring")));
    }

    @Test
    void eachToolNamespaceGetsTheCommonPoliciesAndItsOwnInOneFileNamedAfterTheNamespace() {
        var tools = new LinkedHashSet<>(List.of("argo-cd", "cert-manager", "envoy-gateway", "kube-prometheus-stack", "reloader", "vcluster"));
        var files = NetworkPolicies.forTools(Fixtures.catalog(), tools, List.of("monitoring"), "np/", Set.of("argocd"));
        assertEquals(List.of("np/argocd.yaml", "np/cert-manager.yaml", "np/envoy-gateway-system.yaml", "np/monitoring.yaml", "np/reloader.yaml",
                "np/vcluster.yaml"), List.copyOf(files.keySet()));
        assertTrue(files.get("np/monitoring.yaml").startsWith("# kube-prometheus-stack: deny by default, allow what it needs.\n"),
                files.get("np/monitoring.yaml"));

        // The program creates argocd itself: no Namespace in its file. The others come first in theirs.
        assertEquals(concat(policies(COMMON), policies(List.of("allow-egress-to-external-services",
                "allow-ingress-controller-to-argocd-server"))), names(documents(files.get("np/argocd.yaml"))));
        assertEquals(concat(List.of("Namespace/cert-manager"), concat(policies(COMMON),
                        policies(List.of("allow-webhooks-from-control-plane", "allow-egress-to-external-services")))),
                names(documents(files.get("np/cert-manager.yaml"))));
        assertEquals(concat(List.of("Namespace/envoy-gateway-system"), concat(policies(COMMON),
                        policies(List.of("allow-webhooks-from-control-plane", "allow-egress-to-workloads", "allow-clients")))),
                names(documents(files.get("np/envoy-gateway-system.yaml"))));
        assertEquals(concat(List.of("Namespace/monitoring"), concat(policies(COMMON), policies(List.of("allow-webhooks-from-control-plane",
                        "allow-egress-to-external-services", "allow-egress-to-workloads", "allow-ingress-controller-to-grafana",
                        "allow-ingress-controller-to-prometheus")))),
                names(documents(files.get("np/monitoring.yaml"))));
        // Tools with no needs of their own, listed (reloader) or not (vcluster): the common policies only.
        assertEquals(concat(List.of("Namespace/reloader"), policies(COMMON)), names(documents(files.get("np/reloader.yaml"))));
        assertEquals(concat(List.of("Namespace/vcluster"), policies(COMMON)), names(documents(files.get("np/vcluster.yaml"))));
    }

    @Test
    void theNamespaceIsSyncedBeforeTheToolAndNeverDeleted() {
        var files = NetworkPolicies.forTools(Fixtures.catalog(), Set.of("cert-manager"), List.of("monitoring"), "np/", Set.of());
        var namespace = documents(files.get("np/cert-manager.yaml")).get(0);
        assertEquals(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "cert-manager", "annotations",
                Map.of("argocd.argoproj.io/sync-wave", "-1", "argocd.argoproj.io/sync-options", "Delete=false"))), namespace);
    }

    @Test
    void commonPoliciesSelectEveryPodAndNameTheirPeersAndPorts() {
        var docs = documents(NetworkPolicies.forTools(Fixtures.catalog(), Set.of("reloader"), List.of("monitoring"), "np/", Set.of())
                .get("np/reloader.yaml"));
        for (var doc : docs.subList(1, docs.size())) {
            assertEquals("networking.k8s.io/v1", doc.get("apiVersion"));
            assertEquals("reloader", ((Map<?, ?>) doc.get("metadata")).get("namespace"), doc.toString());
        }
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress", "Egress")), spec(docs, "default-deny"));
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"), "egress", List.of(Map.of(
                "to", List.of(Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "kube-system")),
                        "podSelector", Map.of("matchLabels", Map.of("k8s-app", "kube-dns")))),
                "ports", List.of(Map.of("protocol", "UDP", "port", 53), tcp(53))))), spec(docs, "allow-dns"));
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(Map.of("from", List.of(Map.of("podSelector", Map.of())))),
                "egress", List.of(Map.of("to", List.of(Map.of("podSelector", Map.of()))))), spec(docs, "allow-same-namespace"));
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress"),
                "ingress", List.of(Map.of("from", List.of(namespaceSelector("monitoring"))))), spec(docs, "allow-metrics-scraping"));
        // The API server's endpoints are in the VPC: private ranges, the API ports only.
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"),
                "egress", List.of(Map.of("to", PRIVATE_BLOCKS, "ports", List.of(tcp(443), tcp(8443))))), spec(docs, "allow-kubernetes-api"));
    }

    @Test
    void webhooksAreReachableFromTheControlPlaneOnTheirPortOnly() {
        var docs = documents(NetworkPolicies.forTools(Fixtures.catalog(), Set.of("kyverno"), List.of("monitoring"), "np/", Set.of())
                .get("np/kyverno.yaml"));
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress"),
                "ingress", List.of(Map.of("from", PRIVATE_BLOCKS, "ports", List.of(tcp(9443))))), spec(docs, "allow-webhooks-from-control-plane"));
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"),
                "egress", List.of(Map.of("to", ANYWHERE, "ports", List.of(tcp(443))))), spec(docs, "allow-egress-to-external-services"));
    }

    @Test
    void dnsToTheInternetIsOpenedForUdpAndTcpOtherPortsForTcpOnly() {
        var docs = documents(NetworkPolicies.forTools(Fixtures.catalog(), Set.of("cert-manager"), List.of("monitoring"), "np/", Set.of())
                .get("np/cert-manager.yaml"));
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"), "egress", List.of(Map.of("to", ANYWHERE,
                        "ports", List.of(tcp(443), tcp(53), Map.of("protocol", "UDP", "port", 53))))),
                spec(docs, "allow-egress-to-external-services"));
    }

    @Test
    void theEdgeTakesClientsFromAnywhereOnTheProxiesPortsAndReachesEveryWorkload() {
        var docs = documents(NetworkPolicies.forTools(Fixtures.catalog(), Set.of("envoy-gateway"), List.of("monitoring"), "np/", Set.of())
                .get("np/envoy-gateway-system.yaml"));
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress"),
                "ingress", List.of(Map.of("from", ANYWHERE, "ports", List.of(tcp(10080), tcp(10443))))), spec(docs, "allow-clients"));
        var workloads = new ArrayList<Map<String, Object>>();
        workloads.add(Map.of("namespaceSelector", Map.of()));
        workloads.addAll(PRIVATE_BLOCKS);
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"), "egress", List.of(Map.of("to", workloads))),
                spec(docs, "allow-egress-to-workloads"));
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress"),
                "ingress", List.of(Map.of("from", PRIVATE_BLOCKS, "ports", List.of(tcp(9443))))), spec(docs, "allow-webhooks-from-control-plane"));
    }

    @Test
    void aToolBehindTheIngressControllerAdmitsItFromTheCatalogsIngressNamespaceToItsPodsPortOnly() {
        var catalog = new Catalog("test", Map.of("kube-prometheus-stack", tool("kube-prometheus-stack", "metrics"),
                "envoy-gateway", tool("envoy-gateway", "edge")), Map.of());
        var docs = documents(NetworkPolicies.forTools(catalog, Set.of("kube-prometheus-stack"), List.of("metrics"), "np/", Set.of())
                .get("np/metrics.yaml"));
        assertEquals(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "grafana")), "policyTypes", List.of("Ingress"),
                        "ingress", List.of(Map.of("from", List.of(namespaceSelector("edge")), "ports", List.of(tcp(3000))))),
                spec(docs, "allow-ingress-controller-to-grafana"));
    }

    @Test
    void withoutAnIngressControllerInTheCatalogItsUsualNamespaceIsAdmitted() {
        var catalog = new Catalog("test", Map.of("argo-cd", tool("argo-cd", "gitops")), Map.of());
        var docs = documents(NetworkPolicies.forTools(catalog, Set.of("argo-cd"), List.of("metrics"), "np/", Set.of("gitops"))
                .get("np/gitops.yaml"));
        assertEquals(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "argocd-server")), "policyTypes", List.of("Ingress"),
                        "ingress", List.of(Map.of("from", List.of(namespaceSelector("envoy-gateway-system")), "ports", List.of(tcp(8080))))),
                spec(docs, "allow-ingress-controller-to-argocd-server"));
        assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"), "egress", List.of(Map.of("to", ANYWHERE,
                "ports", List.of(tcp(22), tcp(443))))), spec(docs, "allow-egress-to-external-services"));
    }

    @Test
    void everyMapIsWrittenWithItsKeysSortedAtEveryDepth() {
        var value = Map.of("b", List.of(Map.of("z", 1, "a", 2)), "a", "x");
        var sorted = NetworkPolicies.sorted(value);
        assertEquals(value, sorted);
        assertEquals("{a=x, b=[{a=2, z=1}]}", sorted.toString());
        assertEquals("a: x\nb:\n  - a: 2\n    z: 1\n", NetworkPolicies.yaml(List.of(value)));
    }
}
