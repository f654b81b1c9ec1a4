package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.components.EksCluster;
import io.idp.platform.components.ManagedNodeGroup;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Node groups are configuration: {@code platform:nodeGroups} adds a spot group and a GPU group to an
 * EKS workload cluster, each a {@link ManagedNodeGroup} in the cluster's {@link EksCluster}, while the
 * default group keeps its resources, names and inputs, with aliases of the place it had.
 */
class NodeGroupsTest {
    static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
    static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

    @TempDir
    static Path dir;
    static Plan plain;
    static Plan withGroups;

    @BeforeAll
    static void plan() {
        var project = TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        engine.plans().write(engine.plan("mgmt").plan());
        plain = engine.plan("production-east").plan();
        var groups = new LinkedHashMap<String, Object>();
        groups.put("spot", Map.of("instanceTypes", List.of("m6i.large", "m6a.large"), "capacityType", "SPOT",
                "minSize", 0, "maxSize", 10, "taints", List.of(Map.of("key", "spot", "value", "true", "effect", "NO_SCHEDULE"))));
        groups.put("gpu", Map.of("instanceTypes", List.of("g5.xlarge"), "amiType", "AL2023_x86_64_NVIDIA", "diskGiB", 200,
                "minSize", 0, "desiredSize", 0, "maxSize", 2, "labels", Map.of("workload", "gpu"),
                "taints", List.of(Map.of("key", "nvidia.com/gpu", "effect", "NO_EXECUTE"))));
        project.set("production-east", "platform:nodeGroups", groups);
        withGroups = engine.plan("production-east").plan();
    }

    static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void eachConfiguredGroupIsAManagedNodeGroupWithItsSettings() {
        var spot = named(withGroups, NODE_GROUP, "production-east-nodes-spot");
        assertEquals("production-east-spot", spot.inputs().get("nodeGroupName"));
        assertEquals("SPOT", spot.inputs().get("capacityType"));
        assertEquals(List.of("m6i.large", "m6a.large"), spot.inputs().get("instanceTypes"));
        assertEquals("AL2023_x86_64_STANDARD", spot.inputs().get("amiType"), "the default family for x86_64");
        var scaling = map(spot.inputs().get("scalingConfig"));
        assertEquals(0, ((Number) scaling.get("minSize")).intValue());
        assertEquals(0, ((Number) scaling.get("desiredSize")).intValue(), "desired defaults to min");
        assertEquals(10, ((Number) scaling.get("maxSize")).intValue());
        assertEquals(Map.of("platform/node-group", "spot"), spot.inputs().get("labels"));
        assertEquals(List.of(Map.of("key", "spot", "value", "true", "effect", "NO_SCHEDULE")), spot.inputs().get("taints"));
        assertEquals(List.of("scalingConfig.desiredSize"), spot.ignoreChanges());
        assertTrue(spot.parent().endsWith("$" + ManagedNodeGroup.TYPE + "::production-east-nodes-spot"), spot.parent());

        var gpu = named(withGroups, NODE_GROUP, "production-east-nodes-gpu");
        assertEquals("AL2023_x86_64_NVIDIA", gpu.inputs().get("amiType"));
        assertEquals("ON_DEMAND", gpu.inputs().get("capacityType"));
        assertEquals(Map.of("platform/node-group", "gpu", "workload", "gpu"), gpu.inputs().get("labels"));
        assertEquals(List.of(Map.of("key", "nvidia.com/gpu", "effect", "NO_EXECUTE")), gpu.inputs().get("taints"));
        var template = named(withGroups, LAUNCH_TEMPLATE, "production-east-nodes-gpu");
        assertEquals("production-east-nodes-gpu", template.inputs().get("name"));
        var disk = map(map(((List<?>) template.inputs().get("blockDeviceMappings")).get(0)).get("ebs"));
        assertEquals(200, ((Number) disk.get("volumeSize")).intValue());
        assertEquals("true", String.valueOf(disk.get("encrypted")));
        assertEquals("required", map(template.inputs().get("metadataOptions")).get("httpTokens"));
    }

    @Test
    void theGroupsShareTheNodeRoleAndTheDefaultGroupIsUnchanged() {
        var role = named(withGroups, "aws:iam/role:Role", "production-east-nodes");
        for (var group : List.of("production-east-nodes", "production-east-nodes-spot", "production-east-nodes-gpu")) {
            assertTrue(named(withGroups, NODE_GROUP, group).dependencies().contains(role.urn()), group + " uses the node role");
        }
        assertEquals(3, withGroups.ofType(NODE_GROUP).size());
        assertEquals(1, plain.ofType(NODE_GROUP).size());
        for (var type : List.of(NODE_GROUP, LAUNCH_TEMPLATE)) {
            var before = named(plain, type, "production-east-nodes");
            var after = named(withGroups, type, "production-east-nodes");
            assertEquals(before.urn(), after.urn());
            assertEquals(before.inputs(), after.inputs(), type + ": adding groups leaves the default one as it was");
        }
        assertFalse(plain.ofType(NODE_GROUP).get(0).inputs().containsKey("taints"));
    }

    @Test
    void theDefaultGroupsResourcesCarryTheAliasOfThePlaceTheyHadInTheCluster() {
        var problems = new ArrayList<String>();
        for (var type : List.of(NODE_GROUP, LAUNCH_TEMPLATE)) {
            var resource = named(plain, type, "production-east-nodes");
            var segment = "$" + ManagedNodeGroup.TYPE;
            assertTrue(resource.urn().contains(segment + "$"), resource.urn());
            // Where it was: the same type and name directly under the EksCluster, inside the WorkloadCluster.
            var former = resource.urn().replace(segment, "");
            assertTrue(former.contains("platform:components:WorkloadCluster$" + EksCluster.TYPE + "$" + type + "::"), former);
            if (!resource.aliases().contains(former)) {
                problems.add(resource.urn() + " has no alias " + former + ": " + resource.aliases());
            }
            // And nothing else in the plan claims that URN.
            if (plain.resources().stream().filter(r -> r != resource).anyMatch(r -> r.urn().equals(former) || r.aliases().contains(former))) {
                problems.add(former + " is claimed twice");
            }
        }
        assertEquals(List.of(), problems);
    }
}
