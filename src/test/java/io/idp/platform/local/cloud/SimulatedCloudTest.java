package io.idp.platform.local.cloud;

import com.pulumi.test.Mocks;
import io.idp.platform.local.PlanStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SimulatedCloudTest {
    final SimulatedCloud cloud = new SimulatedCloud("test", Account.simulated("eu-west-1"), new PlanStore(Path.of("/nonexistent")));

    Map<String, Object> create(String type, String name, Map<String, Object> inputs) {
        var result = cloud.newResourceAsync(new Mocks.ResourceArgs(type, name, inputs, "", "")).join();
        @SuppressWarnings("unchecked")
        var state = (Map<String, Object>) result.state;
        return Map.of("id", result.id.orElseThrow(), "state", state);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> state(Map<String, Object> created) {
        return (Map<String, Object>) created.get("state");
    }

    @Test
    void rolesGetIamArnsAndUniqueIds() {
        var role = state(create("aws:iam/role:Role", "ci", Map.of("name", "platform-ci")));
        assertEquals("arn:aws:iam::111122223333:role/platform-ci", role.get("arn"));
        assertTrue(String.valueOf(role.get("uniqueId")).matches("AROA[A-Z2-7]{17}"));
    }

    @Test
    void unnamedResourcesAreAutoNamedFromTheirLogicalName() {
        var group = create("aws:cloudwatch/logGroup:LogGroup", "flow", Map.of());
        assertTrue(String.valueOf(group.get("id")).matches("flow-[0-9a-f]{7}"), String.valueOf(group.get("id")));
    }

    @Test
    void idsAreDeterministicPerStack() {
        var first = create("aws:ec2/vpc:Vpc", "vpc", Map.of("cidrBlock", "10.0.0.0/16")).get("id");
        var again = new SimulatedCloud("test", Account.simulated("eu-west-1"), new PlanStore(Path.of("/x")))
                .newResourceAsync(new Mocks.ResourceArgs("aws:ec2/vpc:Vpc", "vpc", Map.of("cidrBlock", "10.0.0.0/16"), "", ""))
                .join().id.orElseThrow();
        var otherStack = new SimulatedCloud("other", Account.simulated("eu-west-1"), new PlanStore(Path.of("/x")))
                .newResourceAsync(new Mocks.ResourceArgs("aws:ec2/vpc:Vpc", "vpc", Map.of("cidrBlock", "10.0.0.0/16"), "", ""))
                .join().id.orElseThrow();
        assertEquals(first, again);
        assertNotEquals(first, otherStack);
        assertTrue(String.valueOf(first).matches("vpc-[0-9a-f]{17}"));
    }

    @Test
    void iamRoleNameLongerThan64IsAViolationNamingResourcePropertyAndRule() {
        var name = "r".repeat(65);
        create("aws:iam/role:Role", "long", Map.of("name", name));
        var violation = cloud.violations().get(0);
        assertEquals("aws:iam/role:Role", violation.type());
        assertEquals("long", violation.name());
        assertEquals("name", violation.property());
        assertEquals("IAM role names are 1-64 characters (this one has 65)", violation.rule());
    }

    @Test
    void bucketNamesFollowS3Rules() {
        create("aws:s3/bucketV2:BucketV2", "upper", Map.of("bucket", "State_Bucket"));
        create("aws:s3/bucketV2:BucketV2", "dots", Map.of("bucket", "a..b"));
        create("aws:s3/bucketV2:BucketV2", "ip", Map.of("bucket", "192.168.1.1"));
        create("aws:s3/bucketV2:BucketV2", "good", Map.of("bucket", "acme-state-1"));
        assertEquals(3, cloud.violations().size());
        assertEquals(java.util.List.of("upper", "dots", "ip"), cloud.violations().stream().map(Violation::name).toList());
    }

    @Test
    void eksClusterNamesFollowThePattern() {
        create("aws:eks/cluster:Cluster", "c", Map.of("name", "-starts-with-dash"));
        assertEquals("name", cloud.violations().get(0).property());
        assertTrue(cloud.violations().get(0).rule().contains("^[0-9A-Za-z]"));
    }

    @Test
    void vpcPrefixMustBeBetween16And28() {
        create("aws:ec2/vpc:Vpc", "wide", Map.of("cidrBlock", "10.0.0.0/8"));
        create("aws:ec2/vpc:Vpc", "ok", Map.of("cidrBlock", "10.0.0.0/16"));
        assertEquals(1, cloud.violations().size());
        assertEquals("wide", cloud.violations().get(0).name());
    }

    @Test
    void subnetsMustLieInsideTheirVpcAndNotOverlap() {
        var vpcId = String.valueOf(create("aws:ec2/vpc:Vpc", "vpc", Map.of("cidrBlock", "10.0.0.0/16")).get("id"));
        create("aws:ec2/subnet:Subnet", "a", Map.of("vpcId", vpcId, "cidrBlock", "10.0.0.0/20"));
        create("aws:ec2/subnet:Subnet", "overlapping", Map.of("vpcId", vpcId, "cidrBlock", "10.0.8.0/21"));
        create("aws:ec2/subnet:Subnet", "outside", Map.of("vpcId", vpcId, "cidrBlock", "10.1.0.0/20"));
        assertEquals(java.util.List.of("overlapping", "outside"), cloud.violations().stream().map(Violation::name).toList());
        assertTrue(cloud.violations().get(1).rule().contains("inside its VPC's range 10.0.0.0/16"));
    }

    @Test
    void trustPoliciesMustBePolicyDocuments() {
        create("aws:iam/role:Role", "bad", Map.of("name", "bad", "assumeRolePolicy", "{\"Statement\":[]}"));
        assertEquals("assumeRolePolicy", cloud.violations().get(0).property());
    }

    @Test
    void kmsAliasesCannotUseTheAwsPrefix() {
        create("aws:kms/alias:Alias", "a", Map.of("name", "alias/aws/s3", "targetKeyId", "k"));
        assertTrue(cloud.violations().get(0).rule().contains("reserved"));
    }

    @Test
    void stackReferenceWithoutAPlanNamesTheCommandToRun() {
        var e = assertThrows(RuntimeException.class, () -> cloud.newResourceAsync(new Mocks.ResourceArgs(
                SimulatedCloud.STACK_REFERENCE, "mgmt", Map.of("name", "acme/platform/mgmt"), "", "acme/platform/mgmt")));
        assertTrue(e.getMessage().contains("run ./platform plan mgmt first"), e.getMessage());
    }

    @Test
    void unknownInvokesFailClearly() {
        var e = assertThrows(RuntimeException.class, () -> cloud.callAsync(new Mocks.CallArgs(
                "aws:ec2/getAmi:getAmi", com.google.common.collect.ImmutableMap.of(), "")));
        assertTrue(e.getMessage().contains("does not simulate the invoke aws:ec2/getAmi:getAmi"));
    }
}
