package io.idp.platform.graph;

import java.util.Map;
import java.util.Set;

/**
 * Typical times after {@code pulumi up} ends, until the platform is usable: each tool's install (Helm
 * release applied, CRDs registered) and ready (its pods Ready, webhooks serving), what each needs first,
 * and the edge's steps. Estimates, each with where it comes from; docs/critical-path.md has the table.
 */
public final class DeliveryTimes {
    /** What a tool (or a group of configuration objects) takes, what it needs first, and why we think so. */
    public record ToolTime(int installSeconds, int readySeconds, Set<String> needs, boolean loadBalancer, String source) {
        public int seconds() {
            return installSeconds + readySeconds;
        }
    }

    /** The root Application's first sync: the controller reconciles a new Application at once, then applies the children. */
    public static final int ROOT_SYNC_SECONDS = 30;
    /** Between waves: Argo CD's ARGOCD_SYNC_WAVE_DELAY (2 s) and the parent seeing its children's health. */
    public static final int WAVE_SECONDS = 5;
    /** A retried sync (SkipDryRunOnMissingResource, Argo CD's backoff starting at 5 s): the lag of an unordered dependency. */
    public static final int RETRY_SECONDS = 20;
    /** An AWS Network Load Balancer from Service to active: "several minutes" in the ELB docs; 3 minutes typical. */
    public static final int LOAD_BALANCER_SECONDS = 180;
    /** external-dns' one-minute interval, then Cloudflare's propagation (seconds) and a 60 s resolver TTL. */
    public static final int DNS_SECONDS = 120;
    /** cert-manager's DNS-01: TXT record, its propagation check, Let's Encrypt's validation and issuance. */
    public static final int CERTIFICATE_SECONDS = 90;

    static final String SEEN = "seen in installs of the chart on EKS (Helm --wait); an estimate";

    private static final Map<String, ToolTime> TOOLS = Map.ofEntries(
            Map.entry("cert-manager", new ToolTime(30, 60, Set.of(), false,
                    "cert-manager docs (installation, verify): the webhook can take a minute or two to be ready")),
            Map.entry("external-secrets", new ToolTime(30, 45, Set.of(), false, SEEN)),
            Map.entry("kube-prometheus-stack", new ToolTime(60, 150, Set.of(), false,
                    SEEN + "; the largest CRDs of the platform, then Prometheus and Alertmanager with their EBS volumes")),
            Map.entry("kyverno", new ToolTime(30, 60, Set.of(), false, SEEN + "; admission webhooks must register")),
            Map.entry("envoy-gateway", new ToolTime(30, 30, Set.of(), false,
                    SEEN + "; its CRDs (the Gateway API's and Envoy Gateway's, server-side applied) then two controller replicas;"
                            + " no load balancer until a Gateway exists")),
            Map.entry("datadog", new ToolTime(30, 60, Set.of("platform-secrets"), false, SEEN + "; the API key comes from the secret store")),
            Map.entry("external-dns", new ToolTime(15, 20, Set.of("platform-secrets"), false, SEEN + "; its Cloudflare token comes from the secret store")),
            Map.entry("reloader", new ToolTime(10, 15, Set.of("kube-prometheus-stack"), false, SEEN + " (needs the ServiceMonitor CRD)")),
            Map.entry("trivy-operator", new ToolTime(20, 40, Set.of("kube-prometheus-stack"), false,
                    SEEN + "; ready before its first scans finish (needs the ServiceMonitor CRD)")),
            Map.entry("karpenter", new ToolTime(20, 40, Set.of(), false,
                    "Karpenter getting started (helm upgrade --install --wait): two controller replicas on the node group; no webhooks")),
            Map.entry("velero", new ToolTime(20, 40, Set.of(), false,
                    SEEN + "; the AWS plugin is copied by an init container before the server starts")),
            Map.entry("karpenter-nodes", new ToolTime(3, 5, Set.of("karpenter"), false,
                    "the NodePool and EC2NodeClass: ready once Karpenter resolves the AMI, subnets and security group (seconds)")),
            Map.entry("velero-locations", new ToolTime(3, 15, Set.of("velero"), false,
                    "the storage location becomes Available at Velero's first validation of the bucket; the schedules at once")),
            Map.entry("argo-cd", new ToolTime(5, 5, Set.of(), false,
                    "pulumi up installed it; its Application adopts the same chart, version and values")),
            Map.entry("network-policies", new ToolTime(3, 2, Set.of(), false, "plain objects")),
            Map.entry("platform-secrets", new ToolTime(5, 15, Set.of("external-secrets"), false,
                    "the ClusterSecretStore and the ExternalSecrets it serves: one refresh")),
            Map.entry("cluster-issuers", new ToolTime(5, 30, Set.of("cert-manager", "platform-secrets"), false,
                    "the ClusterIssuers registering their ACME account with Let's Encrypt")),
            Map.entry("kyverno-policies", new ToolTime(5, 10, Set.of("kyverno"), false, "Kyverno policies becoming ready")),
            Map.entry("platform-gateway", new ToolTime(85, 20, Set.of("envoy-gateway"), true,
                    "the Gateway, in Envoy Gateway's wave: its sync retries until Envoy Gateway's CRDs are there (its minute and a"
                            + " retry), then the proxies (seconds to Ready) and their LoadBalancer Service, healthy once the load balancer"
                            + " has an address")),
            Map.entry("argocd-routes", new ToolTime(5, 10, Set.of("platform-gateway", "cluster-issuers", "external-dns"), false,
                    "Argo CD's routes and their policies: accepted by the Gateway at once")),
            Map.entry("cluster-settings", new ToolTime(5, 30, Set.of("external-secrets", "cert-manager", "kyverno", "karpenter", "velero"), false,
                    "a workload cluster's own directory: its secret store, issuers and policies, its NodePool, backup locations and schedules")),
            Map.entry("cluster-gateway", new ToolTime(5, 20, Set.of("cluster-settings", "envoy-gateway"), true,
                    "a physical workload cluster's Gateway (its own directory, after the issuers): healthy once its load balancer"
                            + " has an address; a virtual cluster has none, the host's Gateway serves it")),
            Map.entry("environments", new ToolTime(3, 2, Set.of(), false, "the environments' homes: plain objects")),
            // Logs and traces (docs/observability.md). The stores start with their push htpasswd from the secret store.
            Map.entry("loki", new ToolTime(30, 90, Set.of("platform-secrets"), false,
                    "an estimate: Loki's single binary StatefulSet with its EBS volume (Loki docs: it reports ready after joining "
                            + "its ring, about a minute), and its gateway once the htpasswd Secret exists")),
            Map.entry("tempo", new ToolTime(20, 60, Set.of(), false,
                    "an estimate: Tempo's single binary StatefulSet with its EBS volume (readinessProbe initialDelaySeconds 20 in the chart)")),
            Map.entry("fluent-bit", new ToolTime(15, 30, Set.of("loki"), false,
                    "an estimate: a DaemonSet of one small container per node; it sends to Loki, so it follows it")),
            Map.entry("opentelemetry-collector", new ToolTime(15, 30, Set.of("tempo", "platform-secrets"), false,
                    "an estimate: a two-replica Deployment; it exports to Tempo, so it follows it, and on the management "
                            + "cluster mounts the fleet's htpasswd from the secret store")),
            Map.entry("gha-runner-scale-set-controller", new ToolTime(20, 20, Set.of(), false,
                    "actions-runner-controller quickstart (docs.github.com, \"Quickstart for Actions Runner Controller\"): the controller "
                            + "and its four CRDs; its OCI chart repository entry comes with Argo CD; an estimate")),
            Map.entry("gha-runner-scale-set", new ToolTime(10, 30, Set.of("gha-runner-scale-set-controller"), false,
                    "the same quickstart: the AutoscalingRunnerSet and its listener registering with GitHub; no runner pod until a job "
                            + "(minRunners 0); an estimate")),
            Map.entry("argo-workflows", new ToolTime(45, 45, Set.of("platform-secrets", "argo-cd"), false,
                    "argo-helm argo-workflows 1.0.18 values.yaml (crds.full): a pre-install hook Job downloads and server-side applies "
                            + "about 11 MB of CRDs, then the controller and server start; the SSO secret from the store; an estimate")),
            Map.entry("ci", new ToolTime(5, 15, Set.of("argo-workflows", "gha-runner-scale-set", "platform-secrets"), false,
                    "the CI services' RBAC and WorkflowTemplates (plain objects) and the runners' ExternalSecret (one refresh)")));


    /** An ExternalSecret: written once the store it reads from serves. */
    static final ToolTime EXTERNAL_SECRET = new ToolTime(2, 10, Set.of("platform-secrets"), false,
            "an ExternalSecret: one refresh once its store serves");
    /** A route or an edge policy: accepted once the cluster's Gateway (and Envoy Gateway's CRDs) serve. */
    static final ToolTime EDGE_OBJECT = new ToolTime(2, 5, Set.of("platform-gateway"), false,
            "a route or an edge policy: accepted at once by the cluster's Gateway");
    /** Edge objects by kind: the Gateway API's routes and Envoy Gateway's policies. */
    static final Set<String> EDGE_KINDS = Set.of("HTTPRoute", "GRPCRoute", "TLSRoute", "SecurityPolicy", "ClientTrafficPolicy",
            "BackendTrafficPolicy");
    /** Any other object than an Application in a sync wave (a project, an ApplicationSet): quick. */
    static final ToolTime PLAIN_OBJECT = new ToolTime(2, 3, Set.of(), false, "a plain object: applied and healthy at once");

    private DeliveryTimes() {
    }

    /** The tool's times, or a minute for one the table does not know. */
    public static ToolTime of(String tool) {
        return TOOLS.getOrDefault(tool, new ToolTime(30, 30, Set.of(), false, "not in the table: a minute assumed"));
    }

    /** The times of an object of {@code kind} named {@code name} in a sync wave: Applications by name, anything else is quick. */
    public static ToolTime of(String kind, String name) {
        if ("ExternalSecret".equals(kind)) {
            return EXTERNAL_SECRET;
        }
        if (EDGE_KINDS.contains(kind)) {
            return EDGE_OBJECT;
        }
        return "Application".equals(kind) ? of(name) : PLAIN_OBJECT;
    }

    /** Every tool in the table, for the docs. */
    public static Map<String, ToolTime> table() {
        return new java.util.TreeMap<>(TOOLS);
    }
}
