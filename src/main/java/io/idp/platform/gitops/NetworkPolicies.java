package io.idp.platform.gitops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Default-deny NetworkPolicies, ingress and egress, for every platform namespace and every
 * application namespace, with the allows each tool needs. Each namespace gets:
 * <ul>
 *   <li>{@code default-deny}: every pod, both directions;</li>
 *   <li>{@code allow-dns}: to kube-dns in kube-system, port 53;</li>
 *   <li>{@code allow-same-namespace}: the tool's own pods talk to each other (controllers, webhooks' services, redis);</li>
 *   <li>{@code allow-metrics-scraping}: from the observability namespace (Prometheus or the Datadog agent);</li>
 *   <li>and the tool's own: the Kubernetes API, its webhook port from the control plane, calls out to AWS,
 *       GitHub or Cloudflare, the edge's proxies to its backends.</li>
 * </ul>
 * The API server and the control plane's webhook calls come from private addresses in the cluster's
 * VPC (EKS places its endpoint's interfaces there; a virtual cluster's API is a service of the host),
 * so those allows name the private ranges, on their ports only.
 */
public final class NetworkPolicies {
    /** RFC 1918: where a cluster's API server and control plane live. */
    static final List<String> PRIVATE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
    static final String ANYWHERE = "0.0.0.0/0";
    public static final String DEFAULT_DENY = "default-deny";

    private NetworkPolicies() {
    }

    /** What a tool needs beyond the common allows. */
    record Needs(List<Integer> webhookPorts, List<Integer> internetPorts, boolean egressToAllPods,
                 List<Integer> publicIngressPorts, Map<String, Integer> ingressFromIngressController) {
    }

    /** The needs of each catalog tool, by tool name; a tool not listed needs only the common allows. */
    static final Map<String, Needs> NEEDS = Map.ofEntries(
            // Git over SSH and HTTPS (GitHub, chart repositories, ECR, STS); the UI behind the ingress controller.
            Map.entry("argo-cd", new Needs(List.of(), List.of(22, 443), false, List.of(), Map.of("argocd-server", 8080))),
            // ACME and Cloudflare over HTTPS; DNS-01 self-checks ask the zone's authoritative servers.
            Map.entry("cert-manager", new Needs(List.of(10250), List.of(443, 53), false, List.of(), Map.of())),
            Map.entry("external-secrets", new Needs(List.of(10250), List.of(443), false, List.of(), Map.of())),
            // Image verification reads registries.
            Map.entry("kyverno", new Needs(List.of(9443), List.of(443), false, List.of(), Map.of())),
            // Scrapes every namespace and the nodes; alerts and Grafana's sign-in go out over HTTPS and SMTP.
            Map.entry("kube-prometheus-stack", new Needs(List.of(10250), List.of(443, 587), true, List.of(),
                    // Prometheus: the fleet's remote writes arrive through the edge (prometheus-write.yaml).
                    // Sorted: one map of two entries, rendered in the same order on every run.
                    new java.util.TreeMap<>(Map.of("grafana", 3000, "prometheus", 9090)))),
            Map.entry("datadog", new Needs(List.of(), List.of(443), true, List.of(), Map.of())),
            // The edge: clients reach the Envoy proxies through the load balancer on the ports Envoy
            // Gateway maps listeners 80 and 443 to (10080, 10443: unprivileged); the proxies reach every
            // backend; the API server calls the controller's topology-injector webhook on 9443.
            Map.entry("envoy-gateway", new Needs(List.of(9443), List.of(), true, List.of(10080, 10443), Map.of())),
            Map.entry("external-dns", new Needs(List.of(), List.of(443), false, List.of(), Map.of())),
            Map.entry("reloader", new Needs(List.of(), List.of(), false, List.of(), Map.of())),
            // Vulnerability databases and image registries.
            Map.entry("trivy-operator", new Needs(List.of(), List.of(443), false, List.of(), Map.of())),
            // The API server calls its aggregated API on 10250; it scrapes every node's kubelet (private addresses).
            Map.entry("metrics-server", new Needs(List.of(10250), List.of(), true, List.of(), Map.of())),
            // S3, EC2 (EBS snapshots), KMS and STS (IRSA) over HTTPS.
            Map.entry("velero", new Needs(List.of(), List.of(443), false, List.of(), Map.of())),
            // The stores write to S3 (and STS for their roles); a workload cluster's agents push to the management gateway.
            Map.entry("loki", new Needs(List.of(), List.of(443), false, List.of(), Map.of())),
            Map.entry("tempo", new Needs(List.of(), List.of(443), false, List.of(), Map.of())),
            Map.entry("fluent-bit", new Needs(List.of(), List.of(443), false, List.of(), Map.of())),
            Map.entry("opentelemetry-collector", new Needs(List.of(), List.of(443), false, List.of(), Map.of())),
            // GitHub's API (the scale sets' registration and job messages).
            Map.entry("gha-runner-scale-set-controller", new Needs(List.of(), List.of(443), false, List.of(), Map.of())),
            // The listener and the runners: GitHub, registries, ECR and whatever the jobs fetch, over HTTPS; git over SSH.
            Map.entry("gha-runner-scale-set", new Needs(List.of(), List.of(22, 443), false, List.of(), Map.of())),
            // S3 and STS for artifacts, Dex's issuer at Argo CD's address, the CRD Job's download from GitHub,
            // git and registries for the build templates; the UI behind the cluster's entry point.
            Map.entry("argo-workflows", new Needs(List.of(), List.of(443), false, List.of(), Map.of("argo-workflows-server", 2746))));



    /**
     * Namespaces the platform installs into but does not own: kube-system holds the cluster's own
     * add-ons (CoreDNS, the VPC CNI, kube-proxy) and Karpenter, which must reach the AWS APIs and the
     * API server; a default deny there would cut off DNS for the whole cluster. They get no policies.
     */
    public static final java.util.Set<String> NOT_OURS = java.util.Set.of("kube-system");

    /**
     * The policies of each tool a kind of cluster runs, one file per namespace under {@code dir}.
     *
     * @param withNamespace write the Namespace too, so the policies exist before the tool (not for
     *                      namespaces the program creates)
     */
    public static SortedMap<String, String> forTools(Catalog catalog, java.util.Set<String> tools, List<String> scrapers,
                                                     String dir, java.util.Set<String> programNamespaces) {
        var files = new TreeMap<String, String>();
        var ingressNamespace = edgeNamespace(catalog);
        for (var tool : tools) {
            var namespace = catalog.tool(tool).namespace();
            if (NOT_OURS.contains(namespace)) {
                continue;
            }
            var needs = NEEDS.getOrDefault(tool, new Needs(List.of(), List.of(), false, List.of(), Map.of()));
            var docs = new ArrayList<Map<String, Object>>();
            if (!programNamespaces.contains(namespace)) {
                docs.add(namespaceObject(namespace));
            }
            docs.addAll(common(namespace, scrapers, true));
            docs.addAll(own(namespace, needs, ingressNamespace));
            docs.addAll(TelemetryPolicies.forTool(catalog, tool));
            files.put(dir + namespace + ".yaml", "# " + tool + ": deny by default, allow what it needs.\n" + yaml(docs));
        }
        return files;
    }

    /** The edge tool of the catalog: its proxies are the only clients of the UIs and applications behind it. */
    public static final String EDGE = "envoy-gateway";

    /** Where the edge's proxies run (Envoy Gateway deploys them in its own namespace). */
    public static String edgeNamespace(Catalog catalog) {
        return catalog.tools().containsKey(EDGE) ? catalog.tool(EDGE).namespace() : "envoy-gateway-system";
    }

    /** A namespace where nothing of the platform runs ("default"): nothing in, nothing out. */
    public static String denyAll(String namespace) {
        return "# Nothing of the platform runs in " + namespace + ": nothing in, nothing out.\n"
                + yaml(List.of(policy(namespace, DEFAULT_DENY, Map.of(), List.of("Ingress", "Egress"), null, null)));
    }

    /** An application namespace's policies: its own pods, DNS, the ingress controller and scraping in; nothing else out. */
    public static String forApplication(String ingressNamespace, List<String> scrapers) {
        var docs = new ArrayList<Map<String, Object>>(common(null, scrapers, false));
        docs.add(policy(null, "allow-from-ingress-controller", Map.of(), List.of("Ingress"),
                List.of(Map.of("from", List.of(namespacePeer(ingressNamespace)))), null));
        docs.add(TelemetryPolicies.applicationTraces());
        return "# The application's namespace: deny by default; DNS, its own pods, the ingress controller,\n"
                + "# metrics scraping and traces to the cluster's collector only. Kept by the platform (see docs/policies.md).\n" + yaml(docs);
    }

    private static List<Map<String, Object>> common(String namespace, List<String> scrapers, boolean kubeApi) {
        var docs = new ArrayList<Map<String, Object>>();
        docs.add(policy(namespace, DEFAULT_DENY, Map.of(), List.of("Ingress", "Egress"), null, null));
        docs.add(policy(namespace, "allow-dns", Map.of(), List.of("Egress"), null, List.of(Map.of(
                "to", List.of(Map.of(
                        "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "kube-system")),
                        "podSelector", Map.of("matchLabels", Map.of("k8s-app", "kube-dns")))),
                "ports", List.of(port("UDP", 53), port("TCP", 53))))));
        docs.add(policy(namespace, "allow-same-namespace", Map.of(), List.of("Ingress", "Egress"),
                List.of(Map.of("from", List.of(Map.of("podSelector", Map.of())))),
                List.of(Map.of("to", List.of(Map.of("podSelector", Map.of()))))));
        docs.add(policy(namespace, "allow-metrics-scraping", Map.of(), List.of("Ingress"),
                List.of(Map.of("from", scrapers.stream().map(NetworkPolicies::namespacePeer).toList())), null));
        if (kubeApi) {
            docs.add(policy(namespace, "allow-kubernetes-api", Map.of(), List.of("Egress"), null, List.of(Map.of(
                    "to", blocks(PRIVATE), "ports", List.of(port("TCP", 443), port("TCP", 8443))))));
        }
        return docs;
    }

    private static List<Map<String, Object>> own(String namespace, Needs needs, String ingressNamespace) {
        var docs = new ArrayList<Map<String, Object>>();
        if (!needs.webhookPorts().isEmpty()) {
            docs.add(policy(namespace, "allow-webhooks-from-control-plane", Map.of(), List.of("Ingress"), List.of(Map.of(
                    "from", blocks(PRIVATE), "ports", needs.webhookPorts().stream().map(p -> port("TCP", p)).toList())), null));
        }
        if (!needs.internetPorts().isEmpty()) {
            var ports = new ArrayList<Map<String, Object>>();
            for (var p : needs.internetPorts()) {
                ports.add(port("TCP", p));
                if (p == 53) {
                    ports.add(port("UDP", p));
                }
            }
            docs.add(policy(namespace, "allow-egress-to-external-services", Map.of(), List.of("Egress"), null,
                    List.of(Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", ANYWHERE))), "ports", ports))));
        }
        if (needs.egressToAllPods()) {
            docs.add(policy(namespace, "allow-egress-to-workloads", Map.of(), List.of("Egress"), null, List.of(Map.of(
                    "to", List.of(Map.of("namespaceSelector", Map.of()), Map.of("ipBlock", Map.of("cidr", PRIVATE.get(0))),
                            Map.of("ipBlock", Map.of("cidr", PRIVATE.get(1))), Map.of("ipBlock", Map.of("cidr", PRIVATE.get(2))))))));
        }
        if (!needs.publicIngressPorts().isEmpty()) {
            docs.add(policy(namespace, "allow-clients", Map.of(), List.of("Ingress"), List.of(Map.of(
                    "from", List.of(Map.of("ipBlock", Map.of("cidr", ANYWHERE))),
                    "ports", needs.publicIngressPorts().stream().map(p -> port("TCP", p)).toList())), null));
        }
        needs.ingressFromIngressController().forEach((app, p) -> docs.add(policy(namespace, "allow-ingress-controller-to-" + app,
                Map.of("matchLabels", Map.of("app.kubernetes.io/name", app)), List.of("Ingress"),
                List.of(Map.of("from", List.of(namespacePeer(ingressNamespace)), "ports", List.of(port("TCP", p)))), null)));
        return docs;
    }

    private static Map<String, Object> namespaceObject(String namespace) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("name", namespace);
        // Before the tool, so its policies are in force when its pods start; never deleted with the policies.
        metadata.put("annotations", Map.of("argocd.argoproj.io/sync-wave", "-1", "argocd.argoproj.io/sync-options", "Delete=false"));
        var doc = new LinkedHashMap<String, Object>();
        doc.put("apiVersion", "v1");
        doc.put("kind", "Namespace");
        doc.put("metadata", metadata);
        return doc;
    }

    static Map<String, Object> policy(String namespace, String name, Map<String, Object> podSelector, List<String> types,
                                              List<Map<String, Object>> ingress, List<Map<String, Object>> egress) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        var spec = new LinkedHashMap<String, Object>();
        spec.put("podSelector", podSelector);
        spec.put("policyTypes", types);
        if (ingress != null) {
            spec.put("ingress", ingress);
        }
        if (egress != null) {
            spec.put("egress", egress);
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("apiVersion", "networking.k8s.io/v1");
        doc.put("kind", "NetworkPolicy");
        doc.put("metadata", metadata);
        doc.put("spec", spec);
        return doc;
    }

    static Map<String, Object> namespacePeer(String namespace) {
        return Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", namespace)));
    }

    private static List<Map<String, Object>> blocks(List<String> cidrs) {
        return cidrs.stream().map(c -> Map.<String, Object>of("ipBlock", Map.of("cidr", c))).toList();
    }

    static Map<String, Object> port(String protocol, int port) {
        var p = new LinkedHashMap<String, Object>();
        p.put("protocol", protocol);
        p.put("port", port);
        return p;
    }

    static String yaml(List<Map<String, Object>> docs) {
        var options = new org.yaml.snakeyaml.DumperOptions();
        options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        // Map.of iterates in an order that changes from run to run; the files must not. sorted() also
        // copies every map and list, so no node is written twice and no YAML alias can appear.
        return new org.yaml.snakeyaml.Yaml(options).dumpAll(docs.stream().map(NetworkPolicies::sorted).iterator());
    }

    /** The value with every map's keys in a fixed order (sorted), lists kept as they are. */
    static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            var ordered = new java.util.TreeMap<String, Object>();
            map.forEach((key, item) -> ordered.put(String.valueOf(key), sorted(item)));
            return ordered;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(NetworkPolicies::sorted).toList();
        }
        return value;
    }
}
