package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.idp.platform.validation.ObjectCheckTest.json;
import static org.junit.jupiter.api.Assertions.*;

/** Looking kinds up in the Kubernetes API data and versions up in a CRD. */
class ReferenceDataApiTest {
    static final ReferenceData.KubernetesApi API = new ReferenceData.KubernetesApi("1.33",
            List.of("v1 ConfigMap", "apps/v1 Deployment", "networking.k8s.io/v1 Ingress", "rbac.authorization.k8s.io/v1 Role",
                    "authorization.k8s.io/v1 SubjectAccessReview"),
            json("{'io.k8s.api.core.v1.ConfigMap': {}, 'io.k8s.api.apps.v1.Deployment': {}, 'io.k8s.api.networking.v1.Ingress': {},"
                    + " 'io.k8s.api.rbac.v1.Role': {}, 'io.k8s.api.authorization.v1.SubjectAccessReview': {}}"));

    @Test
    void aKindsDefinitionIsNamedAfterItsShortGroupAndVersion() {
        assertEquals(Optional.of("io.k8s.api.core.v1.ConfigMap"), API.definition("v1", "ConfigMap"));
        assertEquals(Optional.of("io.k8s.api.apps.v1.Deployment"), API.definition("apps/v1", "Deployment"));
        assertEquals(Optional.of("io.k8s.api.networking.v1.Ingress"), API.definition("networking.k8s.io/v1", "Ingress"));
        assertEquals(Optional.of("io.k8s.api.rbac.v1.Role"), API.definition("rbac.authorization.k8s.io/v1", "Role"));
        assertEquals(Optional.of("io.k8s.api.authorization.v1.SubjectAccessReview"),
                API.definition("authorization.k8s.io/v1", "SubjectAccessReview"));
        assertEquals(Optional.empty(), API.definition("v1", "Secret"));
        assertEquals(Optional.empty(), API.definition("apps/v2", "Deployment"));
    }

    @Test
    void servedKindsAndBuiltInGroups() {
        assertTrue(API.serves("apps/v1", "Deployment"));
        assertFalse(API.serves("apps/v1", "ConfigMap"));
        assertTrue(API.isBuiltIn(""));
        assertTrue(API.isBuiltIn("networking.k8s.io"));
        assertFalse(API.isBuiltIn("networking"));
        assertFalse(API.isBuiltIn("cert-manager.io"));
    }

    @Test
    void aCrdsVersionsByNameAndTheServedOnes() {
        var v1 = new ReferenceData.CrdVersion("v1", true, json("{}"));
        var old = new ReferenceData.CrdVersion("v1alpha1", false, json("{}"));
        var crd = new ReferenceData.Crd("c", "1", "g.io", "Kind", "Namespaced", List.of(old, v1));
        assertEquals(Optional.of(v1), crd.version("v1"));
        assertEquals(Optional.of(old), crd.version("v1alpha1"));
        assertEquals(Optional.empty(), crd.version("v2"));
        assertEquals(List.of("v1"), crd.served());
    }

    @Test
    void thePackagedDataHasTheCatalogsChartsAndNothingForUnknownOnes() {
        var data = ReferenceData.packaged();
        assertSame(data, ReferenceData.packaged());
        assertEquals(Optional.empty(), data.chart("no-such-chart", "1.0.0"));
        var certManager = data.chart("cert-manager", "v1.21.1").orElseThrow();
        assertEquals("cert-manager", certManager.chart());
        assertEquals("v1.21.1", certManager.version());
        var issuer = certManager.crds().stream().filter(c -> c.kind().equals("ClusterIssuer")).findFirst().orElseThrow();
        assertEquals(List.of("cert-manager", "v1.21.1", "cert-manager.io", "Cluster"), List.of(issuer.chart(), issuer.chartVersion(), issuer.group(),
                issuer.scope()));
        assertTrue(issuer.version("v1").orElseThrow().schema().has("properties"));
        var kps = data.chart("kube-prometheus-stack", "88.5.3").orElseThrow();
        assertTrue(kps.subcharts().containsKey("grafana"), kps.subcharts().keySet().toString());
        assertSame(data.kubernetes(), data.kubernetes());
        assertEquals("1.33", data.kubernetes().version());
        assertEquals("reference/charts/argo-cd/8.5.0.json.gz", ReferenceData.chartResource("argo-cd", "8.5.0"));
    }

    @Test
    void theApplicationChartIsReadFromTheProject() {
        var chart = ReferenceData.applicationChart(Path.of("."));
        assertEquals(ReferenceData.APPLICATION_CHART, chart.chart());
        assertEquals("template", chart.version());
        assertTrue(chart.values().has("replicaCount"));
        assertEquals(List.of(), chart.crds());
        var error = assertThrows(java.io.UncheckedIOException.class, () -> ReferenceData.applicationChart(Path.of("no-such-project")));
        assertTrue(error.getMessage().startsWith("cannot read the application chart "), error.getMessage());
    }
}
