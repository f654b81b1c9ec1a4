package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.idp.platform.config.NodeGroupsConfigTest.error;
import static io.idp.platform.config.NodeGroupsConfigTest.groups;
import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code platform:nodeGroups} at its edges: each numeric range at both ends, each shape of a bad value,
 * and no groups at all when any one setting of any group is bad.
 */
class NodeGroupsBoundariesTest {
    record Read(Optional<List<NodeGroupSettings>> groups, List<ConfigError> errors) {
    }

    static Read read(String json, Optional<ClusterSettings.AmiFamily> family) {
        var reader = new ConfigReader(new RawConfig("Pulumi.test.yaml", Map.of("platform:nodeGroups", json), Set.of()));
        return new Read(NodeGroups.read(reader, family), reader.errors());
    }

    static Read read(String json) {
        return read(json, Optional.of(ClusterSettings.AmiFamily.AL2023));
    }

    static String group(String settings) {
        return "{\"g\": {\"instanceTypes\": [\"m6i.large\"]" + (settings.isEmpty() ? "" : ", " + settings) + "}}";
    }

    static NodeGroupSettings good(String settings) {
        var read = read(group(settings));
        assertEquals(List.of(), read.errors());
        return read.groups().orElseThrow().get(0);
    }

    static ConfigError bad(String settings) {
        var read = read(group(settings));
        assertEquals(Optional.empty(), read.groups(), "no groups when a setting is bad");
        assertEquals(1, read.errors().size(), read.errors().toString());
        return read.errors().get(0);
    }

    @Test
    void eachNumberIsAcceptedAtBothEndsOfItsRangeAndRefusedJustOutside() {
        assertEquals(0, good("\"minSize\": 0, \"desiredSize\": 0").minSize());
        assertEquals(100, good("\"minSize\": 100, \"desiredSize\": 100, \"maxSize\": 100").minSize());
        assertEquals(1, good("\"maxSize\": 1").maxSize());
        assertEquals(20, good("\"diskGiB\": 20").diskGiB());
        assertEquals(16384, good("\"diskGiB\": 16384").diskGiB());
        for (var outside : List.of("\"minSize\": -1", "\"minSize\": 101", "\"maxSize\": 0", "\"maxSize\": 101",
                "\"desiredSize\": -1", "\"desiredSize\": 101", "\"diskGiB\": 19", "\"diskGiB\": 16385")) {
            var error = bad(outside);
            var name = outside.substring(1, outside.indexOf('"', 1));
            assertEquals("platform:nodeGroups.g." + name, error.key(), outside);
            assertEquals(outside.substring(outside.indexOf(": ") + 2), error.value(), outside);
            assertEquals("is out of range", error.problem(), outside);
        }
        var disk = bad("\"diskGiB\": 19");
        assertEquals("a whole number from 20 to 16384", disk.allowed());
        assertTrue(disk.example().startsWith("platform:nodeGroups: {spot:"), disk.example());
        assertEquals("a whole number from 0 to 100", bad("\"minSize\": 101").allowed());
        assertEquals("a whole number from 1 to 100", bad("\"maxSize\": 0").allowed());
        var word = bad("\"maxSize\": \"ten\"");
        assertEquals("ten", word.value());
        assertEquals("is not a whole number", word.problem());
        assertEquals("[2]", bad("\"maxSize\": [2]").value());
        assertEquals(7, good("\"maxSize\": \" 7 \"").maxSize(), "spaces around a number are allowed");
    }

    @Test
    void desiredMayEqualEitherBoundButNotPassThem() {
        var equal = good("\"minSize\": 2, \"desiredSize\": 2, \"maxSize\": 2");
        assertEquals(List.of(2, 2, 2), List.of(equal.minSize(), equal.desiredSize(), equal.maxSize()));
        var low = bad("\"minSize\": 2, \"desiredSize\": 1, \"maxSize\": 3");
        assertEquals("platform:nodeGroups.g.desiredSize", low.key());
        assertEquals("1", low.value());
        assertEquals("contradicts the group's bounds: min 2, desired 1, max 3", low.problem());
        assertEquals("minSize <= desiredSize <= maxSize", low.allowed());
        assertEquals("contradicts the group's bounds: min 1, desired 4, max 3", bad("\"desiredSize\": 4").problem());
        assertEquals(5, good("\"minSize\": 5").maxSize(), "the default maximum rises to the minimum");
    }

    @Test
    void anyOneBadSettingLeavesOutEveryGroup() {
        for (var setting : List.of("\"capacityType\": \"spot\"", "\"amiType\": \"AL2023\"", "\"labels\": {\"a b\": \"x\"}",
                "\"labels\": {\"ok\": \"-bad-\"}", "\"labels\": []", "\"taints\": {}", "\"taints\": [\"x\"]",
                "\"taints\": [{\"key\": \"k\", \"effect\": \"NO_SCHEDULE\", \"operator\": \"x\"}]",
                "\"taints\": [{\"key\": \"a b\", \"effect\": \"NO_SCHEDULE\"}]",
                "\"taints\": [{\"key\": \"k\", \"value\": \"-\", \"effect\": \"NO_SCHEDULE\"}]",
                "\"taints\": [{\"key\": \"k\"}]", "\"lables\": {}", "\"minSize\": \"x\"")) {
            var read = read("{\"fine\": {\"instanceTypes\": [\"m6i.large\"]}, " + group(setting).substring(1));
            assertEquals(Optional.empty(), read.groups(), setting);
            assertFalse(read.errors().isEmpty(), setting);
        }
        assertEquals(Optional.empty(), read(group(""), Optional.empty()).groups(), "nor without the cluster's AMI family");
        assertEquals(List.of(), read("{}").groups().orElseThrow());
    }

    @Test
    void instanceTypesAreRequiredAsAListOfOneArchitecture() {
        var none = read("{\"g\": {}}").errors().get(0);
        assertEquals("platform:nodeGroups.g.instanceTypes", none.key());
        assertNull(none.value());
        assertEquals("is required", none.problem());
        assertEquals("a list of EC2 instance types of one architecture, such as [m6i.large, m6a.large]", none.allowed());
        var text = read("{\"g\": {\"instanceTypes\": \"m6i.large\"}}").errors().get(0);
        assertEquals("\"m6i.large\"", text.value());
        assertEquals("is not a list of instance types", text.problem());
        assertEquals("is not a list of instance types", read("{\"g\": {\"instanceTypes\": []}}").errors().get(0).problem());
        var typo = read("{\"g\": {\"instanceTypes\": [\"m7g.large\", \"m7g.larg\"]}}");
        assertEquals(1, typo.errors().size(), "a misspelt type is not also another architecture: " + typo.errors());
        assertEquals("m7g.larg", typo.errors().get(0).value());
        assertEquals("is not an EC2 instance type; did you mean m7g.large?", typo.errors().get(0).problem());
        var twice = read("{\"g\": {\"instanceTypes\": [\"m6i.large\", \"m6i.large\"]}}").errors();
        assertEquals(1, twice.size(), twice.toString());
        assertEquals("[m6i.large, m6i.large]", twice.get(0).value());
        assertEquals("names an instance type twice", twice.get(0).problem());
        assertEquals("each instance type once", twice.get(0).allowed());
    }

    @Test
    void theAmiTypeFollowsFamilyAndArchitectureAndMustMatchTheArchitecture() {
        var arm = "{\"g\": {\"instanceTypes\": [\"m7g.large\"]}}";
        assertEquals("BOTTLEROCKET_ARM_64", read(arm, Optional.of(ClusterSettings.AmiFamily.BOTTLEROCKET)).groups().orElseThrow().get(0).amiType());
        assertEquals("BOTTLEROCKET_x86_64", read(group(""), Optional.of(ClusterSettings.AmiFamily.BOTTLEROCKET)).groups().orElseThrow().get(0).amiType());
        assertEquals("AL2023_x86_64_STANDARD", good("").amiType());
        assertEquals("AL2023_x86_64_NVIDIA", good("\"amiType\": \"AL2023_x86_64_NVIDIA\"").amiType());
        var armOnX86 = bad("\"amiType\": \"AL2023_ARM_64_STANDARD\"");
        assertEquals("platform:nodeGroups.g.amiType", armOnX86.key());
        assertEquals("AL2023_ARM_64_STANDARD", armOnX86.value());
        assertEquals("runs arm64 but the instance types are x86_64", armOnX86.problem());
        assertEquals("an AMI type of the instance types' architecture", armOnX86.allowed());
        var unknown = bad("\"amiType\": \"AL2\"");
        assertEquals("is not one of the allowed values", unknown.problem());
        assertEquals("one of " + String.join(", ", NodeGroups.AMI_TYPES), unknown.allowed());
        var notText = bad("\"capacityType\": [\"SPOT\"]");
        assertEquals("[\"SPOT\"]", notText.value());
    }

    @Test
    void groupNamesAndShapes() {
        var notYaml = read("{spot: [");
        assertEquals(Optional.empty(), notYaml.groups());
        assertEquals("platform:nodeGroups", notYaml.errors().get(0).key());
        assertEquals("{spot: [", notYaml.errors().get(0).value());
        assertEquals("is not a YAML map", notYaml.errors().get(0).problem());
        var notAMap = read("{\"g\": 5}").errors().get(0);
        assertEquals("platform:nodeGroups.g", notAMap.key());
        assertEquals("5", notAMap.value());
        assertEquals("is not a map of node group settings", notAMap.problem());
        assertEquals("a map of " + String.join(", ", NodeGroups.SETTINGS), notAMap.allowed());
        var longName = "a".repeat(30);
        assertTrue(read("{\"" + longName + "\": {\"instanceTypes\": [\"m6i.large\"]}}").groups().isPresent(), "30 characters");
        var tooLong = read("{\"" + longName + "a\": {\"instanceTypes\": [\"m6i.large\"]}}").errors().get(0);
        assertEquals(longName + "a", tooLong.value());
        assertEquals("is not a node group name", tooLong.problem());
        assertEquals("1-30 lowercase letters, digits and '-', not starting or ending with '-'", tooLong.allowed());
        var reserved = read("{\"default\": {\"instanceTypes\": [\"m6i.large\"]}}").errors().get(0);
        assertEquals("a group name other than default", reserved.allowed());
        var unknown = bad("\"lables\": \"x\"");
        assertEquals("platform:nodeGroups.g.lables", unknown.key());
        assertEquals("x", unknown.value(), "a plain value is shown as given");
        assertEquals("is not a node group setting; did you mean labels?", unknown.problem());
        assertEquals("is not a node group setting", bad("\"zzzzzzzz\": 1").problem(), "no suggestion for a name far from all");
    }

    @Test
    void labelsAndTaintsInDetail() {
        var labels = bad("\"labels\": [\"gpu\"]");
        assertEquals("platform:nodeGroups.g.labels", labels.key());
        assertEquals("[\"gpu\"]", labels.value());
        assertEquals("is not a map of label names to values", labels.problem());
        var value = bad("\"labels\": {\"workload\": \"-gpu\"}");
        assertEquals("platform:nodeGroups.g.labels.workload", value.key());
        assertEquals("-gpu", value.value());
        assertEquals("is not a Kubernetes label value", value.problem());
        var name = bad("\"labels\": {\"bad key\": \"gpu\"}");
        assertEquals("platform:nodeGroups.g.labels", name.key());
        assertEquals("bad key", name.value());
        assertEquals("is not a Kubernetes label name", name.problem());
        assertEquals(Map.of("example.com/tier", "", "n", "5"), good("\"labels\": {\"example.com/tier\": \"\", \"n\": 5}").labels());
        var notAList = bad("\"taints\": {\"key\": \"a\"}");
        assertEquals("is not a list of taints", notAList.problem());
        assertEquals("a list of at most 50 maps {key, value, effect}, effect one of NO_SCHEDULE, NO_EXECUTE, PREFER_NO_SCHEDULE",
                notAList.allowed());
        var notATaint = bad("\"taints\": [\"spot\"]");
        assertEquals("\"spot\"", notATaint.value());
        assertEquals("is not a taint", notATaint.problem());
        var extra = bad("\"taints\": [{\"key\": \"k\", \"effect\": \"NO_SCHEDULE\", \"operator\": \"Equal\"}]");
        assertEquals("has a setting other than key, value and effect", extra.problem());
        var noKey = bad("\"taints\": [{\"effect\": \"NO_EXECUTE\"}]");
        assertEquals("platform:nodeGroups.g.taints.key", noKey.key());
        assertNull(noKey.value());
        assertEquals("is not a taint key", noKey.problem());
        var nullEffect = bad("\"taints\": [{\"key\": \"k\", \"effect\": null}]");
        assertEquals("platform:nodeGroups.g.taints.effect", nullEffect.key());
        assertNull(nullEffect.value());
        var badValue = bad("\"taints\": [{\"key\": \"k\", \"value\": \"a b\", \"effect\": \"NO_SCHEDULE\"}]");
        assertEquals("platform:nodeGroups.g.taints.value", badValue.key());
        assertEquals("a b", badValue.value());
        assertEquals("is not a taint value", badValue.problem());
        var taint = good("\"taints\": [{\"key\": \"k\", \"effect\": \"PREFER_NO_SCHEDULE\"}]").taints().get(0);
        assertEquals(new NodeGroupSettings.Taint("k", null, "PREFER_NO_SCHEDULE"), taint);
        var object = good("\"taints\": [{\"key\": \"k\", \"value\": 5, \"effect\": \"NO_SCHEDULE\"}]").taints().get(0);
        assertEquals("5", object.value());
    }

    @Test
    void fiftyTaintsAreAllowedAndFiftyOneAreNot() {
        var fifty = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            fifty.append(i == 0 ? "" : ", ").append("{\"key\": \"k").append(i).append("\", \"effect\": \"NO_SCHEDULE\"}");
        }
        assertEquals(50, good("\"taints\": [" + fifty + "]").taints().size());
        var error = bad("\"taints\": [" + fifty + ", {\"key\": \"k50\", \"effect\": \"NO_SCHEDULE\"}]");
        assertEquals("platform:nodeGroups.g.taints", error.key());
        assertEquals("51 taints", error.value());
        assertEquals("has more taints than EKS allows on a node group", error.problem());
    }

    @Test
    void theStackReportsABadGroupUnderItsKey() {
        var error = error(errors(groups(group("\"diskGiB\": 16385"))), "platform:nodeGroups.g.diskGiB");
        assertEquals("16385", error.value());
    }
}
