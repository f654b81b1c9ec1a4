package io.idp.platform.stacks;

import io.idp.platform.contract.ManagementOutputs;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import io.idp.platform.config.ConfigException;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlanFailure;
import io.idp.platform.local.PlanStore;
import io.idp.platform.local.PlannedResource;
import io.idp.platform.policy.Finding;
import io.idp.platform.policy.PolicyEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** State and secrets that outlive their region: the replica, the replication, the replicas' keys, failover by config. */
class DisasterRecoveryTest {
    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String SECRET = "aws:secretsmanager/secret:Secret";
    static final String REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

    @TempDir
    Path dir;
    TestProject project;
    OfflineEngine engine;

    @BeforeEach
    void setUp() {
        project = TestProject.copyOfRepository(dir);
        engine = new OfflineEngine(dir);
    }

    Plan plan(String stack) {
        return engine.plan(stack).plan();
    }

    static PlannedResource named(Plan plan, String name) {
        return plan.resources().stream().filter(r -> r.name().equals(name) && r.custom()).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + name));
    }

    /** The region of the resource's provider (its explicit provider's input, the stack's region otherwise). */
    static String region(Plan plan, PlannedResource resource) {
        var urn = resource.provider().substring(0, resource.provider().lastIndexOf("::"));
        return String.valueOf(plan.resource(urn).orElseThrow().inputs().get("region"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static JsonObject statement(String policy, String sid) {
        for (var s : JsonParser.parseString(policy).getAsJsonObject().getAsJsonArray("Statement")) {
            if (s.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                return s.getAsJsonObject();
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    static List<String> strings(JsonArray array) {
        return array.asList().stream().map(e -> e.getAsString()).toList();
    }

    @Test
    void theReplicaBucketIsInTheRecoveryRegionHardenedLikeThePrimaryAndKept() {
        var plan = plan("mgmt");
        var replica = named(plan, "state-replica-bucket");
        assertEquals("acme-platform-pulumi-state-us-west-2", replica.inputs().get("bucket"));
        assertEquals("us-west-2", region(plan, replica));
        assertEquals("us-west-2", replica.outputs().get("region"));
        assertTrue(replica.protect() && replica.retainOnDelete());
        var key = named(plan, "state-replica-key");
        assertEquals("us-west-2", region(plan, key));
        assertTrue(key.protect() && key.retainOnDelete() && Boolean.TRUE.equals(key.inputs().get("enableKeyRotation")));
        assertTrue(String.valueOf(key.outputs().get("arn")).startsWith("arn:aws:kms:us-west-2:"));
        assertEquals("Enabled", map(named(plan, "state-replica-versioning").inputs().get("versioningConfiguration")).get("status"));
        var sse = map(((List<?>) named(plan, "state-replica-encryption").inputs().get("rules")).get(0));
        assertEquals(Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", key.outputs().get("arn")), sse.get("applyServerSideEncryptionByDefault"));
        var block = named(plan, "state-replica-public-access").inputs();
        for (var flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.get(flag), flag);
        }
        assertEquals("BucketOwnerEnforced", map(named(plan, "state-replica-ownership").inputs().get("rule")).get("objectOwnership"));
        assertTrue(String.valueOf(named(plan, "state-replica-tls-only").inputs().get("policy")).contains("\"aws:SecureTransport\":\"false\""));
        // The same lifecycle as the primary's.
        assertEquals(named(plan, "state-lifecycle").inputs().get("rules"), named(plan, "state-replica-lifecycle").inputs().get("rules"));
        for (var name : List.of("state-replica-versioning", "state-replica-encryption", "state-replica-public-access",
                "state-replica-ownership", "state-replica-tls-only", "state-replica-lifecycle", "state-replica-key-alias")) {
            assertEquals("us-west-2", region(plan, named(plan, name)), name);
        }
    }

    @Test
    void replicationCopiesKmsEncryptedStateWithinFifteenMinutesAndKeepsDeleteMarkersHome() {
        var plan = plan("mgmt");
        var replication = named(plan, "state-replica-replication");
        assertEquals("us-east-1", region(plan, replication), "the rule belongs to the source bucket");
        assertEquals("acme-platform-pulumi-state", replication.inputs().get("bucket"));
        assertEquals(named(plan, "state-replica-role").outputs().get("arn"), replication.inputs().get("role"));
        var rules = (List<?>) replication.inputs().get("rules");
        assertEquals(1, rules.size());
        var rule = map(rules.get(0));
        assertEquals("Enabled", rule.get("status"));
        assertEquals(Map.of("prefix", ""), rule.get("filter"), "every stack's state");
        assertEquals(Map.of("status", "Disabled"), rule.get("deleteMarkerReplication"));
        assertEquals(Map.of("sseKmsEncryptedObjects", Map.of("status", "Enabled")), rule.get("sourceSelectionCriteria"));
        var destination = map(rule.get("destination"));
        assertEquals("arn:aws:s3:::acme-platform-pulumi-state-us-west-2", destination.get("bucket"));
        assertEquals(Map.of("replicaKmsKeyId", named(plan, "state-replica-key").outputs().get("arn")), destination.get("encryptionConfiguration"));
        assertEquals("Enabled", map(destination.get("replicationTime")).get("status"));
        assertEquals(15, ((Number) map(map(destination.get("replicationTime")).get("time")).get("minutes")).intValue());
        assertEquals("Enabled", map(destination.get("metrics")).get("status"));
        assertEquals(15, ((Number) map(map(destination.get("metrics")).get("eventThreshold")).get("minutes")).intValue());
        var waitsFor = replication.dependencies();
        assertTrue(waitsFor.contains(named(plan, "state-replica-versioning").urn()), "the replica is versioned first");
        assertTrue(waitsFor.contains(named(plan, "state-replica-role-policy").urn()), "the role may replicate first");
    }

    @Test
    void theReplicationRoleMayDoOnlyWhatReplicationNeeds() {
        var plan = plan("mgmt");
        var trust = statement(String.valueOf(named(plan, "state-replica-role").inputs().get("assumeRolePolicy")), "AllowServiceToAssume");
        assertEquals("s3.amazonaws.com", trust.getAsJsonObject("Principal").get("Service").getAsString());
        var policy = String.valueOf(named(plan, "state-replica-role-policy").inputs().get("policy"));
        var source = "arn:aws:s3:::acme-platform-pulumi-state";
        var replica = "arn:aws:s3:::acme-platform-pulumi-state-us-west-2";
        assertEquals(List.of(source), strings(statement(policy, "ReadReplicationConfiguration").getAsJsonArray("Resource")));
        var read = statement(policy, "ReadVersionsForReplication");
        assertEquals(List.of("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"),
                strings(read.getAsJsonArray("Action")));
        assertEquals(List.of(source + "/*"), strings(read.getAsJsonArray("Resource")));
        var write = statement(policy, "WriteReplicas");
        assertEquals(List.of("s3:ReplicateObject", "s3:ReplicateTags"), strings(write.getAsJsonArray("Action")),
                "no s3:ReplicateDelete: delete markers are not replicated");
        assertEquals(List.of(replica + "/*"), strings(write.getAsJsonArray("Resource")));
        var decrypt = statement(policy, "DecryptSourceThroughS3");
        assertEquals(List.of("kms:Decrypt"), strings(decrypt.getAsJsonArray("Action")));
        assertEquals(List.of(String.valueOf(named(plan, "state-key").outputs().get("arn"))), strings(decrypt.getAsJsonArray("Resource")));
        assertEquals("s3.us-east-1.amazonaws.com", decrypt.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("kms:ViaService").getAsString());
        var encrypt = statement(policy, "EncryptReplicasThroughS3");
        assertEquals(List.of(String.valueOf(named(plan, "state-replica-key").outputs().get("arn"))), strings(encrypt.getAsJsonArray("Resource")));
        assertEquals("s3.us-west-2.amazonaws.com", encrypt.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("kms:ViaService").getAsString());
        assertFalse(policy.contains("\"*\""), "no wildcard resource or action: " + policy);
    }

    @Test
    void everyPlatformSecretHasAReplicaEncryptedWithAKeyInTheRecoveryRegion() {
        var plan = plan("mgmt");
        var key = named(plan, "secret-replicas-key");
        assertEquals("us-west-2", region(plan, key));
        assertTrue(key.protect() && key.retainOnDelete());
        var secrets = plan.ofType(SECRET);
        assertTrue(secrets.size() >= 6, "bots, deploy key, SSO, DNS tokens: " + secrets.size());
        for (var secret : secrets) {
            assertEquals(List.of(Map.of("region", "us-west-2", "kmsKeyId", key.outputs().get("arn"))), secret.inputs().get("replicas"), secret.name());
        }
        assertEquals("us-west-2", plan.outputs().get(ManagementOutputs.RECOVERY_REGION));
        assertEquals(key.outputs().get("arn"), plan.outputs().get(ManagementOutputs.SECRET_REPLICA_KMS_KEY_ARN));
        assertEquals("s3://acme-platform-pulumi-state-us-west-2?region=us-west-2&awssdk=v2", plan.outputs().get(ManagementOutputs.STATE_REPLICA_BACKEND_URL));
    }

    @Test
    void theManagementClustersExternalSecretsMayReadTheReplicasAlready() {
        var plan = plan("mgmt");
        var policy = String.valueOf(named(plan, "mgmt-external-secrets-read").inputs().get("policy"));
        assertEquals(List.of("arn:aws:secretsmanager:us-east-1:111122223333:secret:platform/mgmt/clusters/mgmt/*",
                        "arn:aws:secretsmanager:us-west-2:111122223333:secret:platform/mgmt/clusters/mgmt/*"),
                strings(statement(policy, "ReadThisClustersSecrets").getAsJsonArray("Resource")));
        assertEquals(List.of(plan.outputs().get(ManagementOutputs.SECRET_STORE_KMS_KEY_ARN), plan.outputs().get(ManagementOutputs.SECRET_REPLICA_KMS_KEY_ARN)),
                strings(statement(policy, "DecryptWithTheStoreKey").getAsJsonArray("Resource")));
    }

    @Test
    void withoutARecoveryRegionNothingIsReplicatedAndThePlanSaysSo() {
        project.set("mgmt", "platform:recoveryRegion", null);
        var outcome = engine.plan("mgmt");
        var plan = outcome.plan();
        assertTrue(plan.ofType(REPLICATION).isEmpty());
        assertEquals(List.of("mgmt-backups-bucket", "mgmt-observability-logs-bucket", "mgmt-observability-traces-bucket",
                        "mgmt-workflow-artifacts-bucket", "state-bucket"),
                plan.ofType(BUCKET).stream().map(PlannedResource::name).sorted().toList(),
                "the state bucket, the cluster's backup bucket and its log and trace stores' buckets, the workflow artifact bucket, no replica");
        plan.ofType(SECRET).forEach(secret -> assertNull(secret.inputs().get("replicas"), secret.name()));
        assertEquals("", plan.outputs().get(ManagementOutputs.RECOVERY_REGION));
        assertEquals("", plan.outputs().get(ManagementOutputs.SECRET_REPLICA_KMS_KEY_ARN));
        var findings = PolicyEngine.evaluate(plan, outcome.config().policyWaivers()).stream().filter(f -> !f.waived()).toList();
        assertEquals(List.of("state-bucket"), findings.stream().filter(f -> f.rule().id().equals("PLAT_DR_1")).map(Finding::resourceName).toList());
        assertEquals(plan.ofType(SECRET).size(), findings.stream().filter(f -> f.rule().id().equals("PLAT_DR_2")).count());
        assertTrue(findings.stream().noneMatch(Finding::failsThePlan), "advisory only");
    }

    @Test
    void aWaiverWithAReasonAcceptsASingleRegion() {
        project.set("mgmt", "platform:recoveryRegion", null).set("mgmt", "platform:policyWaivers", Map.of(
                "PLAT_DR_1", "a sandbox platform: state is rebuilt from scratch", "PLAT_DR_2", "a sandbox platform: secrets are reissued"));
        var outcome = engine.plan("mgmt");
        var findings = PolicyEngine.evaluate(outcome.plan(), outcome.config().policyWaivers());
        var dr = findings.stream().filter(f -> f.rule().id().startsWith("PLAT_DR_")).toList();
        assertFalse(dr.isEmpty());
        assertTrue(dr.stream().allMatch(Finding::waived));
    }

    @Test
    void workloadSecretsGetReplicasAndTheirExternalSecretsMayReadThem() {
        engine.plans().write(plan("mgmt"));
        var plan = plan("production-east");
        var key = engine.plans().read("mgmt").orElseThrow().outputs().get(ManagementOutputs.SECRET_REPLICA_KMS_KEY_ARN);
        var secrets = plan.ofType(SECRET);
        assertEquals(4, secrets.size(), "its two DNS tokens, its metrics password and its login's hash");
        for (var secret : secrets) {
            assertEquals(List.of(Map.of("region", "us-west-2", "kmsKeyId", key)), secret.inputs().get("replicas"), secret.name());
        }
        var policy = String.valueOf(named(plan, "production-east-external-secrets-read").inputs().get("policy"));
        assertEquals(List.of("arn:aws:secretsmanager:us-east-1:111122223333:secret:platform/mgmt/clusters/production-east/*",
                        "arn:aws:secretsmanager:us-west-2:111122223333:secret:platform/mgmt/clusters/production-east/*"),
                strings(statement(policy, "ReadThisClustersSecrets").getAsJsonArray("Resource")));
    }

    @Test
    void workloadStacksOfASingleRegionPlatformWriteSecretsWithoutReplicas() {
        project.set("mgmt", "platform:recoveryRegion", null);
        engine.plans().write(plan("mgmt"));
        for (var stack : List.of("production-east", "staging")) {
            var plan = plan(stack);
            assertFalse(plan.ofType(SECRET).isEmpty());
            plan.ofType(SECRET).forEach(secret -> assertNull(secret.inputs().get("replicas"), stack + " " + secret.name()));
        }
    }

    static String fileContent(Plan plan, String suffix) {
        return plan.ofType("github:index/repositoryFile:RepositoryFile").stream()
                .filter(f -> String.valueOf(f.inputs().get("file")).endsWith(suffix))
                .map(f -> String.valueOf(f.inputs().get("content"))).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + suffix));
    }

    @Test
    void externalSecretsIsPointedAtTheReplicaRegionByConfigurationAlone() {
        var before = plan("mgmt");
        assertTrue(fileContent(before, "cluster-secret-store.yaml").contains("region: us-east-1\n"));
        engine.plans().write(before);
        assertTrue(fileContent(plan("production-east"), "platform-secrets.yaml").contains("region: us-east-1\n"),
                "the store's region, not the workload cluster's own");
        assertTrue(fileContent(plan("production-west"), "platform-secrets.yaml").contains("region: us-east-1\n"),
                "a cluster in us-west-2 reads the store in us-east-1");

        project.set("mgmt", "platform:secretStoreRegion", "us-west-2");
        project.set("production-east", "platform:secretStoreRegion", "us-west-2");
        var after = plan("mgmt");
        assertTrue(fileContent(after, "cluster-secret-store.yaml").contains("region: us-west-2\n"));
        engine.plans().write(after);
        assertTrue(fileContent(plan("production-east"), "platform-secrets.yaml").contains("region: us-west-2\n"));
        var vcluster = plan("staging").resources().stream().filter(r -> String.valueOf(r.inputs()).contains("SecretsManager")).findFirst().orElseThrow();
        assertTrue(String.valueOf(vcluster.inputs()).contains("region=us-east-1"), "staging's own file was not changed: " + vcluster.inputs());
    }

    @Test
    void aSecretStoreRegionWithoutACopyOfTheStoreIsAConfigError() {
        project.set("mgmt", "platform:secretStoreRegion", "eu-west-1");
        var e = assertThrows(ConfigException.class, () -> plan("mgmt"));
        assertEquals("platform:secretStoreRegion", e.errors().get(0).key());
        assertTrue(e.errors().get(0).problem().contains("allowed: us-east-1 or us-west-2"), e.errors().get(0).problem());
    }

    @Test
    void theRecoveryRegionMustBeAnotherRealRegion() {
        project.set("mgmt", "platform:recoveryRegion", "us-east-1");
        var same = assertThrows(ConfigException.class, () -> plan("mgmt"));
        assertTrue(same.errors().get(0).problem().contains("a recovery region must be another one"), same.errors().toString());
        project.set("mgmt", "platform:recoveryRegion", "us-west-9");
        var unknown = assertThrows(ConfigException.class, () -> plan("mgmt"));
        assertTrue(unknown.errors().get(0).problem().contains("is not an AWS commercial region"), unknown.errors().toString());
    }

    @Test
    void aWorkloadStackCannotReadARegionWithoutACopy() {
        project.set("mgmt", "platform:recoveryRegion", null);
        engine.plans().write(plan("mgmt"));
        project.set("production-east", "platform:secretStoreRegion", "us-west-2");
        var failure = assertThrows(PlanFailure.class, () -> plan("production-east"));
        assertEquals(1, failure.reasons().size(), failure.reasons().toString());
        assertTrue(failure.reasons().get(0).contains("platform:secretStoreRegion = \"us-west-2\" holds no copy of the secret store"),
                failure.reasons().get(0));
    }

    private void editManagementOutputs(java.util.function.Consumer<JsonObject> edit) throws Exception {
        var file = engine.plans().path("mgmt");
        var json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        edit.accept(json.getAsJsonObject("outputs"));
        Files.writeString(file, PlanStore.toJson(json));
    }

    @Test
    void optionalContractOutputsMustBePresentAndText() throws Exception {
        engine.plans().write(plan("mgmt"));
        editManagementOutputs(outputs -> {
            outputs.remove(ManagementOutputs.RECOVERY_REGION);
            outputs.add(ManagementOutputs.SECRET_REPLICA_KMS_KEY_ARN, new JsonArray());
        });
        var failure = assertThrows(PlanFailure.class, () -> plan("production-east"));
        assertEquals(2, failure.reasons().size(), failure.reasons().toString());
        assertTrue(failure.reasons().get(0).contains("does not export 'recoveryRegion' (a string, empty when not configured)"), failure.reasons().toString());
        assertTrue(failure.reasons().get(1).contains("exports 'secretReplicaKmsKeyArn' as a list, but the contract needs a string, empty when not configured"),
                failure.reasons().toString());
    }
}
