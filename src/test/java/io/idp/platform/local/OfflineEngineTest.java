package io.idp.platform.local;

import com.google.gson.JsonParser;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import io.idp.platform.TestProject;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.contract.ManagementOutputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class OfflineEngineTest {
    @TempDir
    Path dir;
    TestProject project;
    OfflineEngine engine;

    @BeforeEach
    void setUp() {
        project = TestProject.copyOfRepository(dir);
        engine = new OfflineEngine(dir);
    }

    static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    @Test
    void recordsEachRegistrationWithItsOptions() {
        var plan = engine.plan("mgmt").plan();
        var bucket = named(plan, "aws:s3/bucketV2:BucketV2", "state-bucket");
        assertTrue(bucket.protect());
        assertTrue(bucket.retainOnDelete());
        assertEquals("acme-platform-pulumi-state", bucket.inputs().get("bucket"));
        assertEquals("arn:aws:s3:::acme-platform-pulumi-state", bucket.outputs().get("arn"));
        assertTrue(bucket.parent().endsWith("platform:components:StateStore::state"));
        assertTrue(bucket.provider().contains("pulumi:providers:aws::aws::"), bucket.provider());

        var key = named(plan, "aws:kms/key:Key", "state-key");
        assertEquals(true, key.inputs().get("enableKeyRotation"));
        assertTrue(key.protect());
    }

    @Test
    void recordsDependenciesAndPropertyDependencies() {
        var plan = engine.plan("mgmt").plan();
        var publicAccess = named(plan, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "state-public-access");
        var bucket = named(plan, "aws:s3/bucketV2:BucketV2", "state-bucket");
        var policy = named(plan, "aws:s3/bucketPolicy:BucketPolicy", "state-tls-only");
        assertTrue(policy.dependencies().contains(publicAccess.urn()), policy.dependencies().toString());
        assertEquals(List.of(bucket.urn()), policy.propertyDependencies().get("bucket"));
        var document = JsonParser.parseString(String.valueOf(policy.inputs().get("policy"))).getAsJsonObject();
        var condition = document.getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonObject("Condition");
        assertEquals("false", condition.getAsJsonObject("Bool").get("aws:SecureTransport").getAsString());
    }

    @Test
    void simulatedOutputsFlowIntoDependentInputs() {
        var plan = engine.plan("mgmt").plan();
        var vpc = named(plan, "aws:ec2/vpc:Vpc", "mgmt-vpc");
        var subnets = plan.ofType("aws:ec2/subnet:Subnet");
        assertEquals(6, subnets.size());
        subnets.forEach(s -> assertEquals(vpc.outputs().get("id"), s.inputs().get("vpcId")));
        assertEquals("us-east-1a", named(plan, "aws:ec2/subnet:Subnet", "mgmt-private-a").inputs().get("availabilityZone"));
        assertEquals("10.0.96.0/19", named(plan, "aws:ec2/subnet:Subnet", "mgmt-private-a").inputs().get("cidrBlock"));
    }

    @Test
    void managementExportsTheContract() {
        var plan = engine.plan("mgmt").plan();
        assertTrue(plan.outputs().keySet().containsAll(ManagementOutputs.CONTRACT), plan.outputs().keySet().toString());
        assertEquals("s3://acme-platform-pulumi-state?region=us-east-1&awssdk=v2", plan.outputs().get(ManagementOutputs.STATE_BACKEND_URL));
        assertEquals("10.0.0.0/16", plan.outputs().get(ManagementOutputs.VPC_CIDR));
    }

    @Test
    void planFileRoundTripsAndTwoPlansAreIdentical() throws Exception {
        var first = engine.plan("mgmt").plan();
        var file = engine.plans().write(first);
        var reread = PlanStore.readFile(file);
        assertFalse(PlanDiff.between(reread, engine.plan("mgmt").plan()).hasChanges());
        var json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        for (var key : List.of("project", "stack", "role", "resources", "outputs", "secretOutputs")) {
            assertTrue(json.has(key), key);
        }
        var resource = json.getAsJsonArray("resources").get(0).getAsJsonObject();
        for (var key : List.of("urn", "type", "name", "parent", "custom", "provider", "inputs", "outputs", "dependencies",
                "propertyDependencies", "protect", "retainOnDelete", "ignoreChanges")) {
            assertTrue(resource.has(key), key);
        }
    }

    @Test
    void workloadStackResolvesManagementOutputsFromItsPlan() {
        engine.plans().write(engine.plan("mgmt").plan());
        var plan = engine.plan("production-east").plan();
        var reference = plan.ofType("pulumi:pulumi:StackReference").get(0);
        assertTrue(reference.read());
        assertEquals("mgmt", plan.outputs().get("managementCluster"));
        assertEquals("10.10.0.0/16", plan.outputs().get("vpcCidr"));
    }

    @Test
    void workloadWithoutManagementPlanNamesTheCommandToRun() {
        var failure = assertThrows(PlanFailure.class, () -> engine.plan("production-east"));
        assertEquals(1, failure.reasons().size(), failure.reasons().toString());
        assertTrue(failure.reasons().get(0).contains("run ./platform plan mgmt first"), failure.reasons().get(0));
    }

    @Test
    void workloadVpcOverlappingManagementIsAnError() throws Exception {
        engine.plans().write(engine.plan("mgmt").plan());
        project.set("production-east", "platform:vpcCidr", "10.0.0.0/17");
        var e = assertThrows(io.idp.platform.config.ConfigException.class, () -> engine.plan("production-east"));
        assertTrue(e.getMessage().contains("overlaps the VPC of stack mgmt (10.0.0.0/16)"), e.getMessage());
        // Where the management stack's file no longer says what its last plan did, its outputs still catch the overlap.
        project.set("mgmt", "platform:vpcCidr", "10.100.0.0/16");
        var failure = assertThrows(PlanFailure.class, () -> engine.plan("production-east"));
        assertTrue(failure.reasons().get(0).contains("overlaps the management VPC 10.0.0.0/16"), failure.reasons().toString());
    }

    @Test
    void providerConstraintViolationsFailThePlanNamingResourcePropertyAndRule() {
        var raw = StackFile.read(dir, "mgmt");
        var config = PlatformConfig.load("mgmt", raw);
        var failure = assertThrows(PlanFailure.class, () -> engine.plan("mgmt", raw, config, ctx ->
                new Role("ci", RoleArgs.builder().name("x".repeat(70))
                        .assumeRolePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[]}").build())));
        assertEquals(List.of("aws:iam/role:Role 'ci': name = \"" + "x".repeat(70)
                + "\": IAM role names are 1-64 characters (this one has 70)"), failure.reasons());
    }

    @Test
    void secretInputsAndTheirOutputsAreMasked() {
        var raw = StackFile.read(dir, "mgmt");
        var config = PlatformConfig.load("mgmt", raw);
        var plan = engine.plan("mgmt", raw, config, ctx -> {
            var version = new SecretVersion("token", SecretVersionArgs.builder()
                    .secretId("arn:aws:secretsmanager:us-east-1:111122223333:secret:x")
                    .secretString(config.managementSettings().githubToken().output()).build());
            ctx.export("token", version.secretString());
        }).plan();
        var version = plan.ofType("aws:secretsmanager/secretVersion:SecretVersion").get(0);
        assertEquals("[secret]", version.inputs().get("secretString"));
        assertEquals("[secret]", version.outputs().get("secretString"));
        assertEquals(List.of("token"), plan.secretOutputs());
        assertEquals("[secret]", plan.outputs().get("token"));
        assertFalse(PlanStore.toJson(plan).contains(raw.get("github:token").orElseThrow()));
    }

    @Test
    void duplicateUrnsFailAsTheEngineWould() {
        var raw = StackFile.read(dir, "mgmt");
        var config = PlatformConfig.load("mgmt", raw);
        var failure = assertThrows(PlanFailure.class, () -> engine.plan("mgmt", raw, config, ctx -> {
            var args = RoleArgs.builder().assumeRolePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[]}").build();
            new Role("same", args);
            new Role("same", args);
        }));
        assertTrue(failure.reasons().stream().anyMatch(r -> r.contains("two resources have the URN")), failure.reasons().toString());
    }

    @Test
    void badConfigurationRegistersNothing() {
        project.set("mgmt", "platform:vpcCidr", "bad");
        assertThrows(io.idp.platform.config.ConfigException.class, () -> engine.plan("mgmt"));
        assertFalse(Files.exists(project.planFile("mgmt")));
    }

    @Test
    void singleNatGatewayServesEveryZone() {
        project.set("mgmt", "platform:natGateways", "single");
        var plan = engine.plan("mgmt").plan();
        var nats = plan.ofType("aws:ec2/natGateway:NatGateway");
        assertEquals(1, nats.size());
        var natId = nats.get(0).outputs().get("id");
        plan.ofType("aws:ec2/route:Route").stream().filter(r -> r.name().endsWith("-egress"))
                .forEach(route -> assertEquals(natId, route.inputs().get("natGatewayId")));
        assertEquals(Map.of(), plan.ofType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup").get(0).inputs().entrySet().stream()
                .filter(e -> e.getKey().equals("ingress") || e.getKey().equals("egress"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                "the default security group is left without rules");
    }
}
