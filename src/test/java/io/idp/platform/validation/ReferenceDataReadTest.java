package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Reading the packaged reference data into a fresh instance (the shared one keeps what it has read):
 * a chart's defaults, schema and CRDs with their versions, the Kubernetes API, nothing for a chart not packaged.
 */
class ReferenceDataReadTest {

    /** The catalog's pin: only the pinned versions are packaged. */
    private static String pin(String tool) {
        return io.idp.platform.gitops.Catalog.load(java.nio.file.Path.of(".")).tool(tool).version();
    }

    @Test
    void aChartsPackHoldsItsDefaultsSchemaAndEveryCrdWithItsVersions() {
        var data = new ReferenceData();
        var version = pin("cert-manager");
        var pack = data.chart("cert-manager", version).orElseThrow();
        assertSame(pack, data.chart("cert-manager", version).orElseThrow(), "read once");
        assertEquals(List.of("cert-manager", version), List.of(pack.chart(), pack.version()));
        assertTrue(pack.values().has("crds"), pack.values().toString().substring(0, 200));
        assertTrue(pack.schema().has("$defs"), "the values schema");
        assertEquals(List.of("CertificateRequest", "Certificate", "Challenge", "ClusterIssuer", "Issuer", "Order"),
                pack.crds().stream().map(ReferenceData.Crd::kind).toList());
        var challenge = pack.crds().get(2);
        assertEquals(List.of("cert-manager", version, "acme.cert-manager.io", "Namespaced"),
                List.of(challenge.chart(), challenge.chartVersion(), challenge.group(), challenge.scope()));
        assertEquals(List.of("v1"), challenge.served());
        assertTrue(challenge.version("v1").orElseThrow().schema().has("properties"));
        assertEquals(Optional.empty(), data.chart("cert-manager", "v0.0.0"));
    }

    @Test
    void aChartsSubchartsAreReadByName() {
        var pack = new ReferenceData().chart("kube-prometheus-stack", pin("kube-prometheus-stack")).orElseThrow();
        assertTrue(pack.subcharts().containsKey("grafana"), pack.subcharts().keySet().toString());
        assertTrue(pack.subcharts().get("grafana").has("ingress"));
    }

    @Test
    void theKubernetesApiIsReadOnceWithItsServedKindsAndDefinitions() {
        var data = new ReferenceData();
        var api = data.kubernetes();
        assertSame(api, data.kubernetes());
        assertEquals("1.33", api.version());
        assertEquals(301, api.served().size());
        assertEquals("admission.k8s.io/v1 DeleteOptions", api.served().get(0));
        assertTrue(api.definitions().has("io.k8s.api.core.v1.ConfigMap"));
    }
}
