package io.idp.platform.gitops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The network paths of logs and traces, on top of each namespace's default deny: applications send
 * OTLP to the collector in their cluster; on the management cluster the agents write to the stores
 * in-cluster, the gateway forwards the fleet's pushes to Loki's gateway and the collector's fleet
 * receiver, the collector writes to Tempo, and Grafana reads both stores. Calls out of the cluster
 * (S3, STS, a workload cluster's push to the management gateway) are the tools' internet ports
 * ({@link NetworkPolicies#NEEDS}).
 */
final class TelemetryPolicies {
    /** The collector's namespace, as the catalog declares it (a test holds the two together). */
    static final String COLLECTOR_NAMESPACE = "opentelemetry";
    /** The shared gateway's namespace (the platform's edge, Envoy Gateway). */
    static final String GATEWAY_NAMESPACE = "envoy-gateway-system";
    /** OTLP over gRPC and HTTP, and the collector's authenticated fleet receiver. */
    static final int OTLP_GRPC = 4317;
    static final int OTLP_HTTP = 4318;
    static final int OTLP_FLEET = 4319;
    static final int LOKI_HTTP = 3100;
    static final int LOKI_GATEWAY = 8080;
    static final int TEMPO_HTTP = 3200;

    private TelemetryPolicies() {
    }

    /** An application namespace's one call out: OTLP to its cluster's collector. */
    static Map<String, Object> applicationTraces() {
        return NetworkPolicies.policy(null, "allow-traces-to-collector", Map.of(), List.of("Egress"), null, List.of(Map.of(
                "to", List.of(NetworkPolicies.namespacePeer(COLLECTOR_NAMESPACE)),
                "ports", List.of(NetworkPolicies.port("TCP", OTLP_GRPC), NetworkPolicies.port("TCP", OTLP_HTTP)))));
    }

    /** The policies a telemetry tool's namespace needs besides the common ones; none for other tools. */
    static List<Map<String, Object>> forTool(Catalog catalog, String tool) {
        var docs = new ArrayList<Map<String, Object>>();
        var namespace = catalog.tool(tool).namespace();
        var grafana = catalog.tools().containsKey("kube-prometheus-stack") ? catalog.tool("kube-prometheus-stack").namespace() : "monitoring";
        switch (tool) {
            case "loki" -> {
                docs.add(ingress(namespace, "allow-logs-from-agents", List.of(peer(catalog, "fluent-bit")), LOKI_HTTP));
                docs.add(ingress(namespace, "allow-queries-from-grafana", List.of(NetworkPolicies.namespacePeer(grafana)), LOKI_HTTP));
                docs.add(ingress(namespace, "allow-fleet-pushes-from-gateway", List.of(NetworkPolicies.namespacePeer(GATEWAY_NAMESPACE)),
                        LOKI_GATEWAY));
            }
            case "tempo" -> {
                docs.add(ingress(namespace, "allow-traces-from-collector", List.of(peer(catalog, "opentelemetry-collector")), OTLP_GRPC));
                docs.add(ingress(namespace, "allow-queries-from-grafana", List.of(NetworkPolicies.namespacePeer(grafana)), TEMPO_HTTP));
            }
            case "fluent-bit" -> docs.add(egress(namespace, "allow-logs-to-loki", peer(catalog, "loki"), LOKI_HTTP));
            case "opentelemetry-collector" -> {
                // Every namespace's applications send here; each of their namespaces allows only this egress.
                docs.add(NetworkPolicies.policy(namespace, "allow-traces-from-applications", Map.of(), List.of("Ingress"),
                        List.of(Map.of("from", List.of(Map.of("namespaceSelector", Map.of())),
                                "ports", List.of(NetworkPolicies.port("TCP", OTLP_GRPC), NetworkPolicies.port("TCP", OTLP_HTTP)))), null));
                docs.add(ingress(namespace, "allow-fleet-traces-from-gateway", List.of(NetworkPolicies.namespacePeer(GATEWAY_NAMESPACE)),
                        OTLP_FLEET));
                docs.add(egress(namespace, "allow-traces-to-tempo", peer(catalog, "tempo"), OTLP_GRPC));
            }
            default -> {
            }
        }
        return docs;
    }

    private static Map<String, Object> peer(Catalog catalog, String tool) {
        return NetworkPolicies.namespacePeer(catalog.tools().containsKey(tool) ? catalog.tool(tool).namespace() : tool);
    }

    private static Map<String, Object> ingress(String namespace, String name, List<Map<String, Object>> from, int port) {
        return NetworkPolicies.policy(namespace, name, Map.of(), List.of("Ingress"),
                List.of(Map.of("from", from, "ports", List.of(NetworkPolicies.port("TCP", port)))), null);
    }

    private static Map<String, Object> egress(String namespace, String name, Map<String, Object> to, int port) {
        return NetworkPolicies.policy(namespace, name, Map.of(), List.of("Egress"), null,
                List.of(Map.of("to", List.of(to), "ports", List.of(NetworkPolicies.port("TCP", port)))));
    }
}
