package io.idp.platform.config;

import io.idp.platform.config.NodeGroupSettings.CapacityType;
import io.idp.platform.config.NodeGroupSettings.Taint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** {@code platform:nodeGroups}: typed, defaulted, and every bad setting of every group reported under its own key. */
class NodeGroupsConfigTest {
    static Map<String, String> groups(String json) {
        var values = management();
        values.put("platform:nodeGroups", json);
        return values;
    }

    static ConfigError error(List<ConfigError> errors, String key) {
        return errors.stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no error on " + key + " in " + errors));
    }

    @Test
    void noGroupsByDefault() {
        assertEquals(List.of(), load(management()).cluster().nodeGroups());
    }

    @Test
    void aGroupTakesItsSettingsAndTheDocumentedDefaults() {
        var config = load(groups("{\"spot\": {\"instanceTypes\": [\"m6i.large\", \"m6a.large\"], \"capacityType\": \"SPOT\", "
                + "\"maxSize\": \"10\", \"labels\": {\"lifecycle\": \"spot\"}, "
                + "\"taints\": [{\"key\": \"spot\", \"value\": \"true\", \"effect\": \"NO_SCHEDULE\"}]}, "
                + "\"arm\": {\"instanceTypes\": [\"m7g.large\"], \"minSize\": 2}}"));
        var groups = config.cluster().nodeGroups();
        assertEquals(List.of("spot", "arm"), groups.stream().map(NodeGroupSettings::name).toList(), "in the file's order");
        var spot = groups.get(0);
        assertEquals(CapacityType.SPOT, spot.capacityType());
        assertEquals(List.of("m6i.large", "m6a.large"), spot.instanceTypes());
        assertEquals(1, spot.minSize());
        assertEquals(1, spot.desiredSize());
        assertEquals(10, spot.maxSize());
        assertEquals(50, spot.diskGiB());
        assertEquals("AL2023_x86_64_STANDARD", spot.amiType());
        assertEquals(Map.of("lifecycle", "spot"), spot.labels());
        assertEquals(List.of(new Taint("spot", "true", "NO_SCHEDULE")), spot.taints());
        var arm = groups.get(1);
        assertEquals(CapacityType.ON_DEMAND, arm.capacityType());
        assertEquals("AL2023_ARM_64_STANDARD", arm.amiType(), "the architecture follows the instance types");
        assertEquals(2, arm.minSize());
        assertEquals(2, arm.desiredSize());
        assertEquals(3, arm.maxSize());
    }

    @Test
    void theDefaultAmiTypeFollowsTheClustersFamily() {
        var values = groups("{\"system\": {\"instanceTypes\": [\"t3.large\"]}}");
        values.put("platform:nodeAmiFamily", "bottlerocket");
        assertEquals("BOTTLEROCKET_x86_64", load(values).cluster().nodeGroups().get(0).amiType());
    }

    @Test
    void everyBadSettingIsReportedTogetherWithKeyValueAllowedAndExample() {
        var errors = errors(groups("{\"gpu\": {\"instanceTypes\": [\"g5.xlarg\"], \"capacityType\": \"spot\", \"minSize\": \"-1\", "
                + "\"diskGiB\": \"ten\", \"amiType\": \"AL2023_GPU\", \"taints\": [{\"key\": \"gpu\", \"effect\": \"NoSchedule\"}], "
                + "\"lables\": {}}, \"Bad_Name\": {\"instanceTypes\": [\"m6i.large\"]}, \"default\": {\"instanceTypes\": [\"m6i.large\"]}}"));
        var types = error(errors, "platform:nodeGroups.gpu.instanceTypes");
        assertEquals("g5.xlarg", types.value());
        assertEquals("is not an EC2 instance type; did you mean g5.xlarge?", types.problem());
        assertTrue(types.example().startsWith("platform:nodeGroups: {spot:"), types.example());
        assertEquals("is not one of the allowed values", error(errors, "platform:nodeGroups.gpu.capacityType").problem());
        assertEquals("one of ON_DEMAND, SPOT", error(errors, "platform:nodeGroups.gpu.capacityType").allowed());
        assertEquals("is out of range", error(errors, "platform:nodeGroups.gpu.minSize").problem());
        assertEquals("is not a whole number", error(errors, "platform:nodeGroups.gpu.diskGiB").problem());
        assertEquals("AL2023_GPU", error(errors, "platform:nodeGroups.gpu.amiType").value());
        assertEquals("NoSchedule", error(errors, "platform:nodeGroups.gpu.taints.effect").value());
        assertEquals("is not a node group setting; did you mean labels?", error(errors, "platform:nodeGroups.gpu.lables").problem());
        var names = errors.stream().filter(e -> e.key().equals("platform:nodeGroups")).toList();
        assertEquals(List.of("Bad_Name", "default"), names.stream().map(ConfigError::value).toList());
        assertEquals("is not a node group name", names.get(0).problem());
        assertTrue(names.get(1).problem().startsWith("names the default node group"), names.get(1).problem());
        assertEquals(9, errors.size(), errors.toString());
    }

    @Test
    void contradictionsAndArchitectureMismatchesAreRefused() {
        var bounds = only(groups("{\"spot\": {\"instanceTypes\": [\"m6i.large\"], \"minSize\": 3, \"maxSize\": 2}}"));
        assertEquals("platform:nodeGroups.spot.desiredSize", bounds.key());
        assertEquals("contradicts the group's bounds: min 3, desired 3, max 2", bounds.problem());
        var arch = only(groups("{\"arm\": {\"instanceTypes\": [\"m7g.large\"], \"amiType\": \"AL2023_x86_64_NVIDIA\"}}"));
        assertEquals("platform:nodeGroups.arm.amiType", arch.key());
        assertEquals("runs x86_64 but the instance types are arm64 (Graviton)", arch.problem());
        var mixed = only(groups("{\"mixed\": {\"instanceTypes\": [\"m7g.large\", \"m6i.large\"]}}"));
        assertTrue(mixed.problem().startsWith("mixes arm64 (Graviton) and x86_64"), mixed.problem());
        var missing = only(groups("{\"spot\": {\"capacityType\": \"SPOT\"}}"));
        assertEquals("platform:nodeGroups.spot.instanceTypes", missing.key());
        assertEquals("is required", missing.problem());
        var reserved = only(groups("{\"gpu\": {\"instanceTypes\": [\"g5.xlarge\"], \"labels\": {\"platform/node-group\": \"x\"}}}"));
        assertEquals("platform/node-group", reserved.value());
        var shape = only(groups("[\"spot\"]"));
        assertEquals("is not a map of node group names to their settings", shape.problem());
    }

    @Test
    void aVirtualClusterHasNoNodeGroups() {
        var values = workload();
        values.put("platform:clusterType", "vcluster");
        values.remove("platform:vpcCidr");
        values.put("platform:nodeGroups", "{\"spot\": {\"instanceTypes\": [\"m6i.large\"]}}");
        var error = only(values);
        assertEquals("platform:nodeGroups", error.key());
        assertTrue(error.problem().contains("is not read by a vcluster workload stack"), error.problem());
    }
}
