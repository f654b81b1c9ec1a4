package io.idp.platform.local;

import io.idp.platform.local.PlanDiff.Op;
import io.idp.platform.local.PlanDiff.PropertyChange;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.idp.platform.local.PlanFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every branch of the diff: lists, nested maps, replace rules, reads, imports, counts and losses. */
class PlanDiffBranchesTest {
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
    static final String CLUSTER = "aws:eks/cluster:Cluster";
    static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";

    static PlanDiff.Change only(PlannedResource before, PlannedResource after) {
        var changes = PlanDiff.between(plan(before), plan(after)).changes();
        assertEquals(1, changes.size());
        return changes.get(0);
    }

    @Test
    void aChangedListItemIsAnUpdateAtItsIndex() {
        var change = only(custom("aws:ec2/securityGroup:SecurityGroup", "sg", Map.of("ingress", List.of("a", "b"))),
                custom("aws:ec2/securityGroup:SecurityGroup", "sg", Map.of("ingress", List.of("a", "c"))));
        assertEquals(Op.UPDATE, change.op());
        assertEquals(List.of(new PropertyChange("ingress[1]", "b", "c", false)), change.properties());
    }

    @Test
    void aLongerListShowsTheNewItem() {
        var change = only(custom(NODE_GROUP, "nodes", Map.of("labels", List.of("a"))),
                custom(NODE_GROUP, "nodes", Map.of("labels", List.of("a", "b"))));
        assertEquals(List.of(new PropertyChange("labels[1]", null, "b", false)), change.properties());
    }

    @Test
    void aChangedSubnetOrInstanceTypeReplacesTheNodeGroup() {
        var change = only(custom(NODE_GROUP, "nodes", Map.of("subnetIds", List.of("s-1", "s-2"), "instanceTypes", List.of("m6i.large"))),
                custom(NODE_GROUP, "nodes", Map.of("subnetIds", List.of("s-1", "s-3"), "instanceTypes", List.of("m7i.large"))));
        assertEquals(Op.REPLACE, change.op());
        assertEquals(List.of(new PropertyChange("instanceTypes[0]", "m6i.large", "m7i.large", true),
                new PropertyChange("subnetIds[1]", "s-2", "s-3", true)), change.properties());
    }

    @Test
    void nestedMapsDiffPerLeafAndOnlyTheirForceNewPathsReplace() {
        var before = Map.<String, Object>of("vpcConfig", Map.of("endpointPublicAccess", false, "securityGroupIds", List.of("sg-1")));
        var publicOnly = only(custom(CLUSTER, "c", before),
                custom(CLUSTER, "c", Map.of("vpcConfig", Map.of("endpointPublicAccess", true, "securityGroupIds", List.of("sg-1")))));
        assertEquals(Op.UPDATE, publicOnly.op());
        assertEquals(List.of(new PropertyChange("vpcConfig.endpointPublicAccess", false, true, false)), publicOnly.properties());
        var groups = only(custom(CLUSTER, "c", before),
                custom(CLUSTER, "c", Map.of("vpcConfig", Map.of("endpointPublicAccess", false, "securityGroupIds", List.of("sg-2")))));
        assertEquals(Op.REPLACE, groups.op());
        assertEquals(List.of(new PropertyChange("vpcConfig.securityGroupIds[0]", "sg-1", "sg-2", true)), groups.properties());
    }

    @Test
    void anEmptyMapOrListIsAValueOfItsOwn() {
        var change = only(custom(SUBNET, "s", Map.of("tags", Map.of(), "ids", List.of())),
                custom(SUBNET, "s", Map.of("tags", Map.of("Name", "a"), "ids", List.of())));
        assertEquals(List.of(new PropertyChange("tags", Map.of(), null, false), new PropertyChange("tags.Name", null, "a", false)),
                change.properties());
        assertEquals(Map.of("ids", List.of(), "tags", Map.of()), PlanDiff.flatten(Map.of("ids", List.of(), "tags", Map.of())));
    }

    @Test
    void kubernetesObjectsAreReplacedWhenTheirNameOrNamespaceChanges() {
        var before = Map.<String, Object>of("metadata", Map.of("name", "a", "namespace", "x", "labels", Map.of("k", "1")));
        var renamed = only(custom(CONFIG_MAP, "cm", before),
                custom(CONFIG_MAP, "cm", Map.of("metadata", Map.of("name", "b", "namespace", "x", "labels", Map.of("k", "1")))));
        assertEquals(Op.REPLACE, renamed.op());
        assertEquals(List.of(new PropertyChange("metadata.name", "a", "b", true)), renamed.properties());
        var moved = only(custom(CONFIG_MAP, "cm", before),
                custom(CONFIG_MAP, "cm", Map.of("metadata", Map.of("name", "a", "namespace", "y", "labels", Map.of("k", "1")))));
        assertEquals(Op.REPLACE, moved.op());
        var relabelled = only(custom(CONFIG_MAP, "cm", before),
                custom(CONFIG_MAP, "cm", Map.of("metadata", Map.of("name", "a", "namespace", "x", "labels", Map.of("k", "2")))));
        assertEquals(Op.UPDATE, relabelled.op());
        var notKubernetes = only(custom("platform:test:Thing", "t", before),
                custom("platform:test:Thing", "t", Map.of("metadata", Map.of("name", "b", "namespace", "x", "labels", Map.of("k", "1")))));
        assertEquals(Op.UPDATE, notKubernetes.op(), "metadata.name is an identity only for Kubernetes objects");
    }

    @Test
    void replaceOnChangesStarReplacesOnAnyInputButNotOnOptions() {
        var any = only(replacingOn("platform:test:Thing", "t", Map.of("a", Map.of("b", 1L)), "*"),
                replacingOn("platform:test:Thing", "t", Map.of("a", Map.of("b", 2L)), "*"));
        assertEquals(Op.REPLACE, any.op());
        assertEquals(List.of(new PropertyChange("a.b", 1L, 2L, true)), any.properties());
        var protectedNow = resource("platform:test:Thing", "t", "", true, false, Map.of(), true, false, List.of("*"), "");
        var option = only(replacingOn("platform:test:Thing", "t", Map.of(), "*"), protectedNow);
        assertEquals(Op.UPDATE, option.op(), "protect is an option of the program, never a replacement");
        assertEquals(List.of(new PropertyChange("[protect]", false, true, false)), option.properties());
    }

    @Test
    void replaceOnChangesCoversNestedPathsButNotNeighbours() {
        var nested = only(replacingOn("platform:test:Thing", "t", Map.of("spec", Map.of("size", 1L), "specs", 1L), "spec"),
                replacingOn("platform:test:Thing", "t", Map.of("spec", Map.of("size", 2L), "specs", 1L), "spec"));
        assertEquals(Op.REPLACE, nested.op());
        var neighbour = only(replacingOn("platform:test:Thing", "t", Map.of("spec", Map.of("size", 1L), "specs", 1L), "spec"),
                replacingOn("platform:test:Thing", "t", Map.of("spec", Map.of("size", 1L), "specs", 2L), "spec"));
        assertEquals(Op.UPDATE, neighbour.op());
    }

    @Test
    void retainOnDeleteIsAVisibleOptionChange() {
        var change = only(resource(SUBNET, "s", "", true, false, Map.of(), false, false, List.of(), ""),
                resource(SUBNET, "s", "", true, false, Map.of(), false, true, List.of(), ""));
        assertEquals(List.of(new PropertyChange("[retainOnDelete]", false, true, false)), change.properties());
    }

    @Test
    void readsAreNeitherChangesNorDeletions() {
        var read = resource("pulumi:pulumi:StackReference", "mgmt", "", true, true, Map.of("name", "mgmt"), false, false, List.of(), "");
        var vpc = custom("aws:ec2/vpc:Vpc", "vpc", Map.of());
        var readAgain = PlanDiff.between(plan(read, vpc), plan(read, vpc));
        assertEquals(List.of(Op.READ, Op.SAME), readAgain.changes().stream().map(PlanDiff.Change::op).toList());
        assertFalse(readAgain.hasChanges());
        var readGone = PlanDiff.between(plan(read, vpc), plan(vpc));
        assertEquals(List.of(Op.SAME), readGone.changes().stream().map(PlanDiff.Change::op).toList(), "a read that is gone is not a deletion");
        assertFalse(readGone.hasChanges());
        var firstRead = PlanDiff.between(null, plan(read));
        assertEquals(List.of(Op.READ), firstRead.changes().stream().map(PlanDiff.Change::op).toList());
        assertFalse(firstRead.hasChanges());
    }

    @Test
    void anImportIdMakesANewResourceAnImportAndAnEmptyOneACreation() {
        var adopted = resource("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "oidc", "", true, false, Map.of(), false, false,
                List.of(), "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com");
        var empty = resource("aws:ec2/vpc:Vpc", "vpc", "", true, false, Map.of(), false, false, List.of(), "");
        var none = resource("aws:ec2/subnet:Subnet", "subnet", "", true, false, Map.of(), false, false, List.of(), null);
        var diff = PlanDiff.between(plan(), plan(adopted, empty, none));
        assertEquals(List.of(Op.IMPORT, Op.CREATE, Op.CREATE), diff.changes().stream().map(PlanDiff.Change::op).toList());
        assertEquals("2 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged, 1 to import", diff.summary());
        assertTrue(diff.hasChanges());
        var again = PlanDiff.between(plan(adopted), plan(adopted));
        assertEquals(List.of(Op.SAME), again.changes().stream().map(PlanDiff.Change::op).toList(), "once adopted, it is the same resource");
    }

    @Test
    void countsHaveEveryOperationAndDeletionsComeLast() {
        var kept = custom("aws:ec2/vpc:Vpc", "vpc", Map.of("cidrBlock", "10.0.0.0/16"));
        var b = custom(SUBNET, "b", Map.of());
        var a = custom(SUBNET, "a", Map.of());
        var diff = PlanDiff.between(plan(b, kept, a), plan(kept, custom(SUBNET, "c", Map.of())));
        assertEquals(List.of("vpc", "c", "a", "b"), diff.changes().stream().map(c -> c.resource().name()).toList());
        var expected = new EnumMap<Op, Integer>(Op.class);
        for (var op : Op.values()) {
            expected.put(op, 0);
        }
        expected.put(Op.SAME, 1);
        expected.put(Op.CREATE, 1);
        expected.put(Op.DELETE, 2);
        assertEquals(expected, diff.counts());
        assertEquals("1 to create, 0 to update, 0 to replace, 2 to delete, 1 unchanged", diff.summary());
    }

    @Test
    void onlyProtectedDeletionsAndReplacementsAreLosses() {
        var bucket = "aws:s3/bucketV2:BucketV2";
        var before = plan(resource(bucket, "kept", "", true, false, Map.of("bucket", "a"), true, false, List.of(), ""),
                resource(bucket, "renamed", "", true, false, Map.of("bucket", "b"), false, false, List.of(), ""),
                resource(bucket, "gone", "", true, false, Map.of(), false, false, List.of(), ""),
                resource(bucket, "tagged", "", true, false, Map.of("tags", Map.of("a", "1")), true, false, List.of(), ""));
        var after = plan(resource(bucket, "kept", "", true, false, Map.of("bucket", "a"), true, false, List.of(), ""),
                resource(bucket, "renamed", "", true, false, Map.of("bucket", "c"), false, false, List.of(), ""),
                resource(bucket, "tagged", "", true, false, Map.of("tags", Map.of("a", "2")), true, false, List.of(), ""));
        var diff = PlanDiff.between(before, after);
        assertEquals(List.of(Op.SAME, Op.REPLACE, Op.UPDATE, Op.DELETE), diff.changes().stream().map(PlanDiff.Change::op).toList());
        assertEquals(List.of(), diff.protectedLosses());
    }

    @Test
    void numbersCompareByValueWholeOrNot() {
        assertFalse(PlanDiff.between(plan(custom(SUBNET, "s", Map.of("n", 1.5))), plan(custom(SUBNET, "s", Map.of("n", 1.5)))).hasChanges());
        assertTrue(PlanDiff.between(plan(custom(SUBNET, "s", Map.of("n", 1.5))), plan(custom(SUBNET, "s", Map.of("n", 2.5)))).hasChanges());
        assertTrue(PlanDiff.between(plan(custom(SUBNET, "s", Map.of("n", 1L))), plan(custom(SUBNET, "s", Map.of("n", 2L)))).hasChanges());
        assertTrue(PlanDiff.between(plan(custom(SUBNET, "s", Map.of("n", 1.5))), plan(custom(SUBNET, "s", Map.of("n", 1L)))).hasChanges());
        assertFalse(PlanDiff.between(plan(custom(SUBNET, "s", Map.of("n", 0L))), plan(custom(SUBNET, "s", Map.of("n", -0.0)))).hasChanges(),
                "a JSON -0.0 is the number zero");
    }

    @Test
    void aNullInputIsAnAbsentOne() {
        var withNull = new HashMap<String, Object>();
        withNull.put("description", null);
        assertFalse(PlanDiff.between(plan(custom(SUBNET, "s", withNull)), plan(custom(SUBNET, "s", Map.of()))).hasChanges());
    }
}
