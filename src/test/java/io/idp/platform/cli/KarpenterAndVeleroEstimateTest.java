package io.idp.platform.cli;

import io.idp.platform.config.Observability;
import io.idp.platform.gitops.Catalog;
import io.idp.platform.gitops.ClusterCapabilities;
import io.idp.platform.gitops.GitopsLayout;
import io.idp.platform.graph.DeliveryTimes;
import io.idp.platform.graph.HealthyPlatform;
import io.idp.platform.local.Plan;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The healthy-platform estimate counts Karpenter and Velero, and what configures them, with times that say where they come from. */
class KarpenterAndVeleroEstimateTest {
    static final Catalog CATALOG = Catalog.load(Path.of("."));

    static Plan managementPlan() {
        var facts = new GitopsLayout.ManagementFacts("mgmt", "mgmt.example.com", "us-east-1", "git@github.com:acme-platform/gitops.git",
                "platform-team@example.com", "platform/mgmt/clusters/mgmt/", "arn:aws:iam::111122223333:role/mgmt-external-secrets",
                "arn:aws:iam::111122223333:role/mgmt-argocd-fleet", true, Observability.PROMETHEUS,
                new GitopsLayout.Sso("acme-platform", "platform-admins", "developers", "Ov23liExampleClient01"),
                new ClusterCapabilities("arn:aws:iam::111122223333:role/mgmt-karpenter", "mgmt-karpenter-nodes",
                        "mgmt-karpenter-interruptions", 50, 100, "400Gi", List.of("on-demand", "spot"),
                        "arn:aws:iam::111122223333:role/mgmt-velero", "mgmt-backups-us-east-1",
                        "arn:aws:kms:us-east-1:111122223333:key/k", "0 3 * * *", "720h0m0s"));
        var files = new ArrayList<io.idp.platform.local.PlannedResource>();
        GitopsLayout.management(Path.of("."), CATALOG, facts).forEach((path, content) -> files.add(HealthyPlatformInputTest.file(path, content)));
        return new Plan(Plan.FORMAT_VERSION, "platform", "mgmt", "management", files, java.util.Map.of(), List.of());
    }

    @Test
    void theManagementClusterDeliversBothToolsAndTheirObjectsInTheirWaves() {
        var deliveries = HealthyPlatformInput.rootDeliveries(managementPlan(), "mgmt");
        for (var expected : List.of(new HealthyPlatform.Delivery("karpenter", 10), new HealthyPlatform.Delivery("velero", 10),
                new HealthyPlatform.Delivery("karpenter-nodes", 20), new HealthyPlatform.Delivery("velero-locations", 20))) {
            assertTrue(deliveries.contains(expected), expected + " in " + deliveries);
            assertTrue(DeliveryTimes.table().containsKey(expected.name()), expected.name() + " has its own row in the times table");
        }
        assertEquals(java.util.Set.of("karpenter"), DeliveryTimes.of("karpenter-nodes").needs());
        assertEquals(java.util.Set.of("velero"), DeliveryTimes.of("velero-locations").needs());
        var estimate = HealthyPlatform.estimate("mgmt", 0, deliveries, HealthyPlatform.Order.WAVES, true, Optional.empty());
        var without = new ArrayList<>(deliveries);
        without.removeIf(d -> d.name().startsWith("karpenter") || d.name().startsWith("velero"));
        var before = HealthyPlatform.estimate("mgmt", 0, without, HealthyPlatform.Order.WAVES, true, Optional.empty());
        assertEquals(before.healthySeconds(), estimate.healthySeconds(),
                "beside the slower tools of wave 10 and the objects of wave 20, they lengthen nothing");
    }

    @Test
    void aPhysicalWorkloadClusterWaitsForItsNodePoolAndSchedulesBeforeItsSettingsAreHealthy() {
        assertTrue(DeliveryTimes.of("cluster-settings").needs().containsAll(List.of("karpenter", "velero")));
        var deliveries = new ArrayList<HealthyPlatform.Delivery>();
        for (var tool : GitopsLayout.tools(CATALOG, io.idp.platform.gitops.ClusterKind.WORKLOAD_EKS, Observability.PROMETHEUS)) {
            deliveries.add(new HealthyPlatform.Delivery(tool, CATALOG.tool(tool).wave()));
        }
        assertTrue(deliveries.stream().anyMatch(d -> d.name().equals("karpenter")));
        assertTrue(deliveries.stream().anyMatch(d -> d.name().equals("velero")));
    }
}
