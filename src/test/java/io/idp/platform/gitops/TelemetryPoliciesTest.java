package io.idp.platform.gitops;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The network paths of logs and traces, on top of every namespace's default deny. */
class TelemetryPoliciesTest {
    @Test
    void theApplicationsTraceEgressNamesTheCatalogsCollectorNamespace() {
        assertEquals(Fixtures.catalog().tool("opentelemetry-collector").namespace(), TelemetryPolicies.COLLECTOR_NAMESPACE);
    }

    @Test
    void lokiAdmitsTheAgentsGrafanaAndTheGatewayEachOnItsPortOnly() {
        var docs = NetworkPoliciesTest.documents(NetworkPolicies.forTools(Fixtures.catalog(), Set.of("loki"), List.of("monitoring"), "np/",
                Set.of()).get("np/loki.yaml"));
        assertEquals(List.of(Map.of("from", List.of(NetworkPoliciesTest.namespaceSelector("fluent-bit")),
                "ports", List.of(Map.of("protocol", "TCP", "port", 3100)))), ingress(docs, "allow-logs-from-agents"));
        assertEquals(List.of(Map.of("from", List.of(NetworkPoliciesTest.namespaceSelector("monitoring")),
                "ports", List.of(Map.of("protocol", "TCP", "port", 3100)))), ingress(docs, "allow-queries-from-grafana"));
        assertEquals(List.of(Map.of("from", List.of(NetworkPoliciesTest.namespaceSelector("envoy-gateway-system")),
                "ports", List.of(Map.of("protocol", "TCP", "port", 8080)))), ingress(docs, "allow-fleet-pushes-from-gateway"));
    }

    @Test
    void theCollectorTakesOtlpFromEveryNamespaceAndTheFleetOnlyFromTheGatewayAndWritesToTempo() {
        var docs = NetworkPoliciesTest.documents(NetworkPolicies.forTools(Fixtures.catalog(), Set.of("opentelemetry-collector"),
                List.of("monitoring"), "np/", Set.of()).get("np/opentelemetry.yaml"));
        assertEquals(List.of(Map.of("from", List.of(Map.of("namespaceSelector", Map.of())),
                "ports", List.of(Map.of("protocol", "TCP", "port", 4317), Map.of("protocol", "TCP", "port", 4318)))),
                ingress(docs, "allow-traces-from-applications"));
        assertEquals(List.of(Map.of("from", List.of(NetworkPoliciesTest.namespaceSelector("envoy-gateway-system")),
                "ports", List.of(Map.of("protocol", "TCP", "port", 4319)))), ingress(docs, "allow-fleet-traces-from-gateway"));
        assertEquals(List.of(Map.of("to", List.of(NetworkPoliciesTest.namespaceSelector("tempo")),
                "ports", List.of(Map.of("protocol", "TCP", "port", 4317)))), egress(docs, "allow-traces-to-tempo"));
    }

    @Test
    void aToolThatIsNotTelemetryGetsNoneOfThese() {
        assertEquals(List.of(), TelemetryPolicies.forTool(Fixtures.catalog(), "reloader"));
    }

    static Object ingress(List<Map<String, Object>> docs, String name) {
        return spec(docs, name).get("ingress");
    }

    static Object egress(List<Map<String, Object>> docs, String name) {
        return spec(docs, name).get("egress");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(List<Map<String, Object>> docs, String name) {
        return docs.stream().filter(d -> name.equals(((Map<String, Object>) d.get("metadata")).get("name"))).findFirst()
                .map(d -> (Map<String, Object>) d.get("spec")).orElseThrow(() -> new AssertionError("no policy " + name));
    }
}
