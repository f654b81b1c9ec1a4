package io.idp.platform.cli;

import io.idp.platform.config.Observability;
import io.idp.platform.graph.DeliveryTimes;
import io.idp.platform.graph.HealthyPlatform.Delivery;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The deliveries of the management cluster come from the files its root Application syncs, with their waves. */
class HealthyPlatformInputTest {
    static PlannedResource file(String path, String content) {
        Map<String, Object> inputs = Map.of("file", path, "content", content);
        return new PlannedResource("urn:pulumi:mgmt::platform::" + HealthyPlatformInput.REPOSITORY_FILE + "::" + path,
                HealthyPlatformInput.REPOSITORY_FILE, path, "", true, false, "", inputs, inputs, List.of(), Map.of(), false, false,
                List.of(), List.of(), false, "");
    }

    @Test
    void theRootsFilesGiveEachObjectItsWave() {
        var plan = new Plan(Plan.FORMAT_VERSION, "platform", "mgmt", "management", List.of(
                file("registry/clusters/mgmt/cert-manager.yaml", """
                        apiVersion: argoproj.io/v1alpha1
                        kind: Application
                        metadata:
                          name: cert-manager
                          annotations:
                            argocd.argoproj.io/sync-wave: "10"
                        ---
                        apiVersion: external-secrets.io/v1beta1
                        kind: ExternalSecret
                        metadata:
                          name: token
                          annotations:
                            argocd.argoproj.io/sync-wave: "25"
                        """),
                file("registry/clusters/mgmt/app-projects.yaml", "kind: AppProject\nmetadata:\n  name: platform\n"),
                file("registry/clusters/mgmt/manifests/issuers/issuer.yaml", "kind: ClusterIssuer\nmetadata:\n  name: le\n"),
                file("registry/clusters/other/cert-manager.yaml", "kind: Application\nmetadata:\n  name: elsewhere\n"),
                file("registry/clusters/mgmt/empty.yaml", "---\n")), Map.of(), List.of());
        assertEquals(List.of(new Delivery("cert-manager", 10), new Delivery("ExternalSecret/token", 25, DeliveryTimes.of("ExternalSecret", "token")),
                new Delivery("AppProject/platform", 0, DeliveryTimes.of("AppProject", "platform"))),
                HealthyPlatformInput.rootDeliveries(plan, "mgmt"));
    }

    @Test
    void aClusterGetsTheObservabilityStackItChose() {
        assertTrue(HealthyPlatformInput.chosen("datadog", Observability.DATADOG));
        assertFalse(HealthyPlatformInput.chosen("kube-prometheus-stack", Observability.DATADOG));
        assertTrue(HealthyPlatformInput.chosen("kube-prometheus-stack", Observability.PROMETHEUS));
        assertTrue(HealthyPlatformInput.chosen("cert-manager", Observability.DATADOG));
    }
}
