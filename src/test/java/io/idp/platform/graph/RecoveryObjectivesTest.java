package io.idp.platform.graph;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Recovery time from the provisioning-time table, recovery point from what the plan configures. */
class RecoveryObjectivesTest {
    static PlannedResource node(String name, String type, String... dependsOn) {
        return new PlannedResource("urn:pulumi:s::p::" + type + "::" + name, type, name, "", true, false, "", Map.of(), Map.of("id", name),
                java.util.Arrays.stream(dependsOn).map(d -> "urn:pulumi:s::p::" + d).toList(), Map.of(), false, false,
                List.of(), List.of(), false, "");
    }

    static Plan plan(PlannedResource... resources) {
        return new Plan(Plan.FORMAT_VERSION, "platform", "s", "management", List.of(resources), Map.of(), List.of());
    }

    @Test
    void clusterLossCountsOnlyTheClusterAndItsDependentsFromTheTable() {
        var plan = plan(
                node("vpc", "aws:ec2/vpc:Vpc"),
                node("nat", "aws:ec2/natGateway:NatGateway", "aws:ec2/vpc:Vpc::vpc"),
                node("cluster", "aws:eks/cluster:Cluster", "aws:ec2/natGateway:NatGateway::nat"),
                node("nodes", "aws:eks/nodeGroup:NodeGroup", "aws:eks/cluster:Cluster::cluster"),
                node("argocd", "kubernetes:helm.sh/v3:Release", "aws:eks/nodeGroup:NodeGroup::nodes"),
                node("key", "aws:kms/key:Key"));
        var objectives = RecoveryObjectives.of(new ResourceGraph(plan), plan);
        // 600 (cluster) + 240 (node group) + 180 (Helm release): the VPC and NAT gateway survive.
        assertEquals(600 + 240 + 180, objectives.clusterLost().seconds());
        assertEquals(List.of("cluster", "nodes", "argocd"), objectives.clusterLost().path().stream().map(CriticalPath.Step::name).toList());
        // A region lost: everything again, 5 + 120 + 600 + 240 + 180.
        assertEquals(5 + 120 + 600 + 240 + 180, objectives.regionLost().seconds());
        assertEquals(CriticalPath.of(new ResourceGraph(plan)).minimumSeconds(), objectives.regionLost().seconds());
    }

    @Test
    void aSingleRegionStackHasUnboundedRecoveryPoints() {
        var plan = plan(node("cluster", "aws:eks/cluster:Cluster"), node("secret", "aws:secretsmanager/secret:Secret"));
        var points = RecoveryObjectives.of(new ResourceGraph(plan), plan).points();
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()), points.stream().map(RecoveryObjectives.Point::minutes).toList());
        assertTrue(points.get(1).basis().startsWith("1 of 1 secrets have no replica"), points.get(1).basis());
    }

    @Test
    void theShippedManagementStackRecoversStateWithinFifteenMinutesAndSecretsInSeconds(@TempDir Path dir) {
        TestProject.copyOfRepository(dir);
        var plan = new OfflineEngine(dir).plan("mgmt").plan();
        var objectives = RecoveryObjectives.of(new ResourceGraph(plan), plan);
        assertEquals(Optional.of(15), objectives.points().get(0).minutes());
        assertEquals(Optional.of(0), objectives.points().get(1).minutes());
        assertEquals(Optional.empty(), objectives.points().get(2).minutes(), "no cluster backups");
        assertEquals("mgmt-cluster", objectives.clusterLost().path().get(0).name());
        assertTrue(objectives.clusterLost().seconds() < objectives.regionLost().seconds());
        assertTrue(objectives.clusterLost().path().stream().anyMatch(s -> s.name().equals("argocd-release")));
        var text = objectives.format();
        assertTrue(text.contains("recovery time, management cluster lost: " + CriticalPath.minutes(objectives.clusterLost().seconds())), text);
        assertTrue(text.contains("recovery point, Pulumi state: at most 15 minutes"), text);
        assertTrue(text.contains("recovery point, cluster data: unbounded"), text);
    }
}
