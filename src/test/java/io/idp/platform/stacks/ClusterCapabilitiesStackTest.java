package io.idp.platform.stacks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Karpenter's and Velero's AWS side in the shipped stacks: on the management cluster and each
 * physical workload cluster, with the values their charts will read; nothing on a virtual cluster.
 */
class ClusterCapabilitiesStackTest {
    @TempDir
    static Path dir;
    static Plan mgmt;
    static Plan east;
    static Plan staging;

    @BeforeAll
    static void plan() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        mgmt = engine.plan("mgmt").plan();
        engine.plans().write(mgmt);
        east = engine.plan("production-east").plan();
        staging = engine.plan("staging").plan();
    }

    static PlannedResource named(Plan plan, String type, String name) {
        return WorkloadStackTest.named(plan, type, name);
    }

    static JsonObject json(Object text) {
        return JsonParser.parseString(String.valueOf(text)).getAsJsonObject();
    }

    static JsonObject statement(Object policy, String sid) {
        for (var s : json(policy).getAsJsonArray("Statement")) {
            if (sid.equals(s.getAsJsonObject().get("Sid").getAsString())) {
                return s.getAsJsonObject();
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    static List<String> strings(com.google.gson.JsonElement element) {
        var values = new java.util.ArrayList<String>();
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        } else {
            values.add(element.getAsString());
        }
        return values;
    }

    @Test
    void everyPhysicalClusterGetsKarpenterAndBackupsAndTheVirtualOneNeither() {
        for (var plan : List.of(mgmt, east)) {
            assertEquals(1, plan.ofType("platform:components:KarpenterInfrastructure").size(), plan.stack());
            assertEquals(1, plan.ofType("platform:components:ClusterBackups").size(), plan.stack());
            assertEquals(1, plan.ofType("aws:sqs/queue:Queue").size(), plan.stack());
            assertEquals(4, plan.ofType("aws:cloudwatch/eventRule:EventRule").size(), plan.stack());
        }
        for (var type : List.of("platform:components:KarpenterInfrastructure", "platform:components:ClusterBackups",
                "aws:sqs/queue:Queue", "aws:cloudwatch/eventRule:EventRule", "aws:s3/bucketV2:BucketV2")) {
            assertEquals(List.of(), staging.ofType(type), type);
        }
    }

    @Test
    void theInterruptionQueueIsEncryptedAndTakesOnlyEventBridgeAndSqsOverTls() {
        var queue = named(east, "aws:sqs/queue:Queue", "production-east-karpenter-interruptions");
        assertEquals("production-east-karpenter-interruptions", queue.inputs().get("name"));
        assertEquals(true, queue.inputs().get("sqsManagedSseEnabled"));
        assertEquals(300.0, ((Number) queue.inputs().get("messageRetentionSeconds")).doubleValue());
        var policy = named(east, "aws:sqs/queuePolicy:QueuePolicy", "production-east-karpenter-interruptions");
        assertEquals(queue.outputs().get("url"), policy.inputs().get("queueUrl"));
        var allow = statement(policy.inputs().get("policy"), "AllowEventsToSend");
        assertEquals(List.of("events.amazonaws.com", "sqs.amazonaws.com"), strings(allow.getAsJsonObject("Principal").get("Service")));
        assertEquals(List.of("sqs:SendMessage"), strings(allow.get("Action")));
        assertEquals(queue.outputs().get("arn"), allow.get("Resource").getAsString());
        var deny = statement(policy.inputs().get("policy"), "DenyHTTP");
        assertEquals("false", deny.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString());
    }

    @Test
    void fourEventBridgeRulesForwardTheInterruptionEventsToTheQueue() {
        var queueArn = named(east, "aws:sqs/queue:Queue", "production-east-karpenter-interruptions").outputs().get("arn");
        var patterns = east.ofType("aws:cloudwatch/eventRule:EventRule").stream().collect(Collectors.toMap(
                r -> String.valueOf(r.inputs().get("name")), r -> json(r.inputs().get("eventPattern"))));
        assertEquals(new TreeSet<>(List.of("production-east-karpenter-rebalance", "production-east-karpenter-scheduled-change",
                "production-east-karpenter-spot-interruption", "production-east-karpenter-state-change")), new TreeSet<>(patterns.keySet()));
        assertEquals(List.of("aws.health"), strings(patterns.get("production-east-karpenter-scheduled-change").get("source")));
        assertEquals(List.of("AWS Health Event"), strings(patterns.get("production-east-karpenter-scheduled-change").get("detail-type")));
        assertEquals(List.of("EC2 Spot Instance Interruption Warning"),
                strings(patterns.get("production-east-karpenter-spot-interruption").get("detail-type")));
        assertEquals(List.of("EC2 Instance Rebalance Recommendation"), strings(patterns.get("production-east-karpenter-rebalance").get("detail-type")));
        assertEquals(List.of("EC2 Instance State-change Notification"), strings(patterns.get("production-east-karpenter-state-change").get("detail-type")));
        var targets = east.ofType("aws:cloudwatch/eventTarget:EventTarget");
        assertEquals(4, targets.size());
        for (var target : targets) {
            assertEquals(queueArn, target.inputs().get("arn"), target.name());
            assertTrue(patterns.containsKey(String.valueOf(target.inputs().get("rule"))), target.name());
        }
    }

    @Test
    void nodesJoinThroughAnEc2LinuxAccessEntryWithoutTheCniPolicy() {
        var role = named(east, "aws:iam/role:Role", "production-east-karpenter-nodes");
        assertEquals("production-east-karpenter-nodes", role.inputs().get("name"));
        var trust = json(role.inputs().get("assumeRolePolicy")).getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("ec2.amazonaws.com", trust.getAsJsonObject("Principal").get("Service").getAsString());
        var entry = named(east, "aws:eks/accessEntry:AccessEntry", "production-east-karpenter-nodes");
        assertEquals("EC2_LINUX", entry.inputs().get("type"));
        assertEquals(role.outputs().get("arn"), entry.inputs().get("principalArn"));
        assertEquals("production-east", entry.inputs().get("clusterName"));
        var policies = east.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(a -> a.inputs().get("role").equals(role.outputs().get("name")))
                .map(a -> String.valueOf(a.inputs().get("policyArn"))).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
                "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")), policies);
    }

    @Test
    void theControllerRoleTrustsOnlyKarpentersServiceAccountAndIsScopedToTheCluster() {
        var role = named(east, "aws:iam/role:Role", "production-east-karpenter-controller");
        assertEquals("production-east-karpenter", role.inputs().get("name"));
        assertTrue(String.valueOf(role.inputs().get("assumeRolePolicy")).contains("system:serviceaccount:kube-system:karpenter"));
        var policy = named(east, "aws:iam/rolePolicy:RolePolicy", "production-east-karpenter-controller").inputs().get("policy");
        var nodeRole = named(east, "aws:iam/role:Role", "production-east-karpenter-nodes").outputs().get("arn");
        var pass = statement(policy, "AllowPassingInstanceRole");
        assertEquals(List.of(nodeRole), strings(pass.get("Resource")));
        assertEquals(List.of("ec2.amazonaws.com"), strings(pass.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("iam:PassedToService")));
        var queue = statement(policy, "AllowInterruptionQueueActions");
        assertEquals(List.of(named(east, "aws:sqs/queue:Queue", "production-east-karpenter-interruptions").outputs().get("arn")),
                strings(queue.get("Resource")));
        var reads = statement(policy, "AllowRegionalReadActions");
        assertEquals("us-east-1", reads.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:RequestedRegion").getAsString());
        var delete = statement(policy, "AllowScopedDeletion");
        assertEquals("owned", delete.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("aws:ResourceTag/kubernetes.io/cluster/production-east").getAsString());
        var cluster = statement(policy, "AllowAPIServerEndpointDiscovery");
        assertTrue(strings(cluster.get("Resource")).get(0).endsWith(":cluster/production-east"), cluster.toString());
    }

    @Test
    void privateSubnetsAndTheNodeSecurityGroupCarryTheDiscoveryTagPublicSubnetsDoNot() {
        for (var plan : List.of(mgmt, east)) {
            var cluster = plan == mgmt ? "mgmt" : "production-east";
            var subnets = plan.ofType("aws:ec2/subnet:Subnet");
            assertFalse(subnets.isEmpty());
            for (var subnet : subnets) {
                @SuppressWarnings("unchecked")
                var tags = (Map<String, Object>) subnet.inputs().get("tags");
                var isPrivate = subnet.name().contains("-private-");
                assertEquals(isPrivate ? cluster : null, tags.get("karpenter.sh/discovery"), subnet.name());
            }
            @SuppressWarnings("unchecked")
            var sgTags = (Map<String, Object>) named(plan, "aws:ec2/securityGroup:SecurityGroup", cluster + "-firewall-nodes").inputs().get("tags");
            assertEquals(cluster, sgTags.get("karpenter.sh/discovery"));
            @SuppressWarnings("unchecked")
            var controlPlane = (Map<String, Object>) named(plan, "aws:ec2/securityGroup:SecurityGroup", cluster + "-firewall-control-plane")
                    .inputs().get("tags");
            assertNull(controlPlane.get("karpenter.sh/discovery"), "Karpenter's nodes join the node group's security group only");
        }
    }

    @Test
    void theBackupBucketIsHardenedProtectedAndRetained() {
        var bucket = named(east, "aws:s3/bucketV2:BucketV2", "production-east-backups-bucket");
        assertEquals("production-east-backups-us-east-1", bucket.inputs().get("bucket"));
        assertTrue(bucket.protect());
        assertTrue(bucket.retainOnDelete());
        var key = named(east, "aws:kms/key:Key", "production-east-backups-key");
        assertEquals(true, key.inputs().get("enableKeyRotation"));
        assertTrue(key.protect() && key.retainOnDelete());
        var encryption = named(east, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "production-east-backups-encryption").inputs().toString();
        assertTrue(encryption.contains("aws:kms") && encryption.contains(String.valueOf(key.outputs().get("arn"))), encryption);
        assertEquals("BucketOwnerEnforced", ((Map<?, ?>) named(east, "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                "production-east-backups-ownership").inputs().get("rule")).get("objectOwnership"));
        var tls = named(east, "aws:s3/bucketPolicy:BucketPolicy", "production-east-backups-tls-only").inputs().get("policy");
        assertEquals("Deny", statement(tls, "DenyInsecureTransport").get("Effect").getAsString());
        var block = named(east, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "production-east-backups-public-access").inputs();
        for (var flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.get(flag), flag);
        }
        assertEquals("Enabled", ((Map<?, ?>) named(east, "aws:s3/bucketVersioningV2:BucketVersioningV2", "production-east-backups-versioning")
                .inputs().get("versioningConfiguration")).get("status"));
    }

    @Test
    void veleroReachesOnlyItsBucketAndKeyAndSnapshotsInItsRegion() {
        var role = named(east, "aws:iam/role:Role", "production-east-backups-velero");
        assertEquals("production-east-velero", role.inputs().get("name"));
        assertTrue(String.valueOf(role.inputs().get("assumeRolePolicy")).contains("system:serviceaccount:velero:velero-server"));
        var policy = named(east, "aws:iam/rolePolicy:RolePolicy", "production-east-backups-velero").inputs().get("policy");
        var bucketArn = named(east, "aws:s3/bucketV2:BucketV2", "production-east-backups-bucket").outputs().get("arn");
        assertEquals(List.of(bucketArn + "/*"), strings(statement(policy, "BackupObjects").get("Resource")));
        assertEquals(List.of(bucketArn), strings(statement(policy, "ListBackups").get("Resource")));
        assertEquals(List.of(named(east, "aws:kms/key:Key", "production-east-backups-key").outputs().get("arn")),
                strings(statement(policy, "BackupKey").get("Resource")));
        var snapshots = statement(policy, "VolumeSnapshots");
        assertEquals(List.of("ec2:DescribeVolumes", "ec2:DescribeSnapshots", "ec2:CreateTags", "ec2:CreateVolume", "ec2:CreateSnapshot",
                "ec2:DeleteSnapshot"), strings(snapshots.get("Action")));
        assertEquals("us-east-1", snapshots.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:RequestedRegion").getAsString());
    }

    @Test
    void theClusterSecretCarriesTheValuesTheChartsWillRead() {
        @SuppressWarnings("unchecked")
        var metadata = (Map<String, Object>) named(east, "kubernetes:core/v1:Secret", "cluster-production-east").inputs().get("metadata");
        @SuppressWarnings("unchecked")
        var annotations = (Map<String, Object>) metadata.get("annotations");
        assertEquals("200", annotations.get("karpenter_cpu_limit"), "from Pulumi.production-east.yaml");
        assertEquals("800Gi", annotations.get("karpenter_memory_limit"));
        assertEquals("on-demand,spot", annotations.get("karpenter_capacity_types"));
        assertEquals("production-east", annotations.get("karpenter_discovery"));
        assertEquals("production-east-karpenter-nodes", annotations.get("karpenter_node_role"));
        assertEquals("production-east-karpenter-interruptions", annotations.get("karpenter_interruption_queue"));
        assertEquals(named(east, "aws:iam/role:Role", "production-east-karpenter-controller").outputs().get("arn"),
                annotations.get("karpenter_role_arn"));
        assertEquals("production-east-backups-us-east-1", annotations.get("velero_bucket"));
        assertEquals(named(east, "aws:iam/role:Role", "production-east-backups-velero").outputs().get("arn"), annotations.get("velero_role_arn"));
        assertEquals("0 3 * * *", annotations.get("velero_schedule"));
        assertEquals("720h0m0s", annotations.get("velero_ttl"));
        assertNotNull(annotations.get("external_secrets_role_arn"), "the cluster's own facts stay");
    }
}
