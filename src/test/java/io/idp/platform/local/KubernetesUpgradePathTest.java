package io.idp.platform.local;

import io.idp.platform.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** A stack's clusters move one Kubernetes minor per update, judged against the stack's last plan. */
class KubernetesUpgradePathTest {
    static Plan planWithCluster(String name, Object version) {
        var inputs = new java.util.TreeMap<String, Object>();
        if (version != null) {
            inputs.put("version", version);
        }
        var cluster = new PlannedResource("urn:pulumi:mgmt::platform::" + KubernetesUpgradePath.CLUSTER + "::" + name,
                KubernetesUpgradePath.CLUSTER, name, "", true, false, "", inputs, inputs, List.of(), Map.of(), false, false,
                List.of(), List.of(), false, "");
        return new Plan(Plan.FORMAT_VERSION, "platform", "mgmt", "management", List.of(cluster), Map.of(), List.of());
    }

    @Test
    void theNextMinorOrTheSameVersionPasses() {
        KubernetesUpgradePath.check("Pulumi.mgmt.yaml", Optional.of(planWithCluster("mgmt-cluster", "1.33")), "1.34");
        KubernetesUpgradePath.check("Pulumi.mgmt.yaml", Optional.of(planWithCluster("mgmt-cluster", "1.35")), "1.35");
        KubernetesUpgradePath.check("Pulumi.mgmt.yaml", Optional.empty(), "1.35");
        KubernetesUpgradePath.check("Pulumi.mgmt.yaml", Optional.of(planWithCluster("mgmt-cluster", null)), "1.35");
    }

    @Test
    void skippingAMinorNamesTheFileKeyValueAndTheNextStep() {
        var e = assertThrows(ConfigException.class, () ->
                KubernetesUpgradePath.check("Pulumi.mgmt.yaml", Optional.of(planWithCluster("mgmt-cluster", "1.33")), "1.35"));
        assertEquals("Pulumi.mgmt.yaml", e.source());
        var error = e.errors().get(0);
        assertEquals("platform:kubernetesVersion", error.key());
        assertEquals("1.35", error.value());
        assertEquals("skips a minor version: the cluster mgmt-cluster runs Kubernetes 1.33 in the stack's last plan, "
                + "and EKS upgrades one minor version at a time", error.problem());
        assertEquals("1.34 now, then the next minor in a later update (docs/kubernetes-versions.md)", error.allowed());
        assertEquals("platform:kubernetesVersion: \"1.34\"", error.example());
        assertEquals(1, e.errors().size());
    }
}
