package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.idp.platform.policy.RecoveryRules.*;
import static org.junit.jupiter.api.Assertions.*;

/** The recovery rules, one violating value at a time, and over plans with several buckets. */
class RecoveryRulesTest {
    static List<String> details(String ruleId, Plan plan) {
        var rule = PolicyRules.find(ruleId).orElseThrow();
        return PolicyEngine.evaluate(plan, List.of(rule), Map.of()).stream().map(f -> f.resourceName() + ": " + f.detail()).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> destination(Map<String, Object> rule) {
        return (Map<String, Object>) rule.get("destination");
    }

    static Plan ruleEdited(Consumer<Map<String, Object>> edit) {
        return replicationWith(rule -> {
            var copy = new TreeMap<>(destination(rule));
            rule.put("destination", copy);
            edit.accept(rule);
        });
    }

    @Test
    void theCompliantPlanPassesEveryRecoveryRule() {
        for (var id : List.of("PLAT_DR_1", "PLAT_DR_3", "PLAT_DR_4", "PLAT_DR_5", "PLAT_DR_6")) {
            assertEquals(List.of(), details(id, replicated()), id);
        }
    }

    @Test
    void onlyAManagementStacksStateBucketMustBeReplicated() {
        assertEquals(List.of("state: the Pulumi state is in one region only"), details("PLAT_DR_1", withoutReplication()));
        var workload = new Plan(Plan.FORMAT_VERSION, "platform", "w", "workload", withoutReplication().resources(), Map.of(), List.of());
        assertEquals(List.of(), details("PLAT_DR_1", workload));
        assertEquals(List.of(), details("PLAT_DR_1", managementPlan(bucket("artifacts", false))), "not the state bucket");
    }

    @Test
    void aReplicationOfAnotherBucketDoesNotCountForTheStateBucket() {
        var resources = new ArrayList<>(withoutReplication().resources());
        resources.add(bucket("artifacts", false));
        resources.addAll(hardenedReplica("replica"));
        resources.add(PlanFacts.resource(REPLICATION, "artifacts-replication", Map.of("bucket", "artifacts",
                "rules", List.of(replicationRule("artifacts", "arn:aws:s3:::replica")))));
        assertEquals(List.of("state: the Pulumi state is in one region only"), details("PLAT_DR_1", managementPlan(resources.toArray(PlannedResource[]::new))));
    }

    @Test
    void secretsNeedAReplicaWithARegionAndAKey() {
        assertEquals(List.of(), details("PLAT_DR_2", managementPlan(secret(true))));
        assertEquals(List.of("secret: the secret has no replica in another region"), details("PLAT_DR_2", managementPlan(secret(false))));
        var keyless = secret(false).withInputs(Map.of("name", "s", "replicas", List.of(Map.of("region", "us-west-2"))));
        assertEquals(1, details("PLAT_DR_2", managementPlan(keyless)).size(), "a replica without a key of its region");
        var empty = secret(false).withInputs(Map.of("name", "s", "replicas", List.of()));
        assertEquals(1, details("PLAT_DR_2", managementPlan(empty)).size());
        var workload = new Plan(Plan.FORMAT_VERSION, "platform", "w", "workload", List.of(secret(false)), Map.of(), List.of());
        assertEquals(List.of(), details("PLAT_DR_2", workload));
    }

    @Test
    void theReplicaMustBeVersioned() {
        assertEquals(List.of("replication: rule state-to-us-west-2: the destination bucket replica is not versioned"),
                details("PLAT_DR_3", change(replicated(), "replica-versioning", Map.of("bucket", "replica",
                        "versioningConfiguration", Map.of("status", "Suspended")))));
        var unversioned = managementPlan(replicated().resources().stream().filter(r -> !r.name().equals("replica-versioning"))
                .toArray(PlannedResource[]::new));
        assertEquals(1, details("PLAT_DR_3", unversioned).size());
        var elsewhere = ruleEdited(rule -> destination(rule).put("bucket", "arn:aws:s3:::somewhere-else"));
        assertEquals(List.of("replication: rule state-to-us-west-2: the destination arn:aws:s3:::somewhere-else is not in this plan, "
                + "so its versioning cannot be checked"), details("PLAT_DR_3", elsewhere));
    }

    @Test
    void replicasMustBeEncryptedWithKmsAndKmsObjectsSelected() {
        assertTrue(details("PLAT_DR_4", ruleEdited(rule -> destination(rule).remove("encryptionConfiguration"))).get(0)
                .contains("replicaKmsKeyId"));
        assertTrue(details("PLAT_DR_4", ruleEdited(rule -> rule.put("sourceSelectionCriteria",
                Map.of("sseKmsEncryptedObjects", Map.of("status", "Disabled"))))).get(0).contains("KMS-encrypted objects are not selected"));
        assertTrue(details("PLAT_DR_4", ruleEdited(rule -> rule.remove("sourceSelectionCriteria"))).get(0).contains("not selected"));
        var aes = change(replicated(), "replica-encryption", Map.of("bucket", "replica", "rules",
                List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256")))));
        assertEquals(List.of("replication: rule state-to-us-west-2: the destination bucket replica is not encrypted with KMS by default"),
                details("PLAT_DR_4", aes));
        var elsewhere = ruleEdited(rule -> destination(rule).put("bucket", "arn:aws:s3:::somewhere-else"));
        assertTrue(details("PLAT_DR_4", elsewhere).get(0).contains("its encryption cannot be checked"));
    }

    @Test
    void deleteMarkersMustBeADecision() {
        assertEquals(List.of(), details("PLAT_DR_5", ruleEdited(rule -> rule.put("deleteMarkerReplication", Map.of("status", "Enabled")))));
        assertEquals(List.of("replication: rule state-to-us-west-2: deleteMarkerReplication.status is not set, not Enabled or Disabled"),
                details("PLAT_DR_5", ruleEdited(rule -> rule.remove("deleteMarkerReplication"))));
        assertEquals(List.of("replication: rule state-to-us-west-2: deleteMarkerReplication.status is 'enabled', not Enabled or Disabled"),
                details("PLAT_DR_5", ruleEdited(rule -> rule.put("deleteMarkerReplication", Map.of("status", "enabled")))));
    }

    @Test
    void replicationTimeIsControlledAndWatched() {
        assertTrue(details("PLAT_DR_6", ruleEdited(rule -> destination(rule).put("replicationTime", Map.of("status", "Disabled")))).get(0)
                .endsWith("replication time control is not enabled"));
        assertTrue(details("PLAT_DR_6", ruleEdited(rule -> destination(rule).put("replicationTime",
                Map.of("status", "Enabled", "time", Map.of("minutes", 30))))).get(0).endsWith("replication time is 30 minutes, not 15"));
        assertTrue(details("PLAT_DR_6", ruleEdited(rule -> destination(rule).remove("metrics"))).get(0).endsWith("replication metrics are not enabled"));
        assertTrue(details("PLAT_DR_6", ruleEdited(rule -> destination(rule).put("metrics", Map.of("status", "Disabled")))).get(0)
                .endsWith("replication metrics are not enabled"));
    }

    @Test
    void aConfigurationWithoutRulesIsFlagged() {
        var none = change(replicated(), "replication", Map.of("bucket", "state", "rules", List.of()));
        for (var id : List.of("PLAT_DR_3", "PLAT_DR_4", "PLAT_DR_5", "PLAT_DR_6")) {
            assertEquals(List.of("replication: the configuration has no replication rule"), details(id, none), id);
        }
    }

    /** Two sources, two replicas: each configuration is judged by its own destination, each rule of it. */
    @Test
    void inAPlanWithSeveralBucketsEachReplicationIsJudgedByItsOwnDestination() {
        var resources = new ArrayList<>(replicated().resources());
        resources.add(bucket("artifacts", false));
        resources.add(bucket("artifacts-replica", false));
        resources.add(PlanFacts.resource(S3Rules.VERSIONING, "artifacts-replica-versioning", Map.of("bucket", "artifacts-replica",
                "versioningConfiguration", Map.of("status", "Suspended"))));
        resources.add(PlanFacts.resource(S3Rules.ENCRYPTION, "artifacts-replica-encryption", Map.of("bucket", "artifacts-replica",
                "rules", List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "aws:kms"))))));
        var good = replicationRule("first", "arn:aws:s3:::replica");
        var bad = replicationRule("second", "arn:aws:s3:::artifacts-replica");
        bad.remove("deleteMarkerReplication");
        resources.add(PlanFacts.resource(REPLICATION, "artifacts-replication", Map.of("bucket", "artifacts", "rules", List.of(good, bad))));
        var plan = managementPlan(resources.toArray(PlannedResource[]::new));
        assertEquals(List.of("artifacts-replication: rule second: the destination bucket artifacts-replica is not versioned"),
                details("PLAT_DR_3", plan));
        assertEquals(List.of(), details("PLAT_DR_4", plan));
        assertEquals(List.of("artifacts-replication: rule second: deleteMarkerReplication.status is not set, not Enabled or Disabled"),
                details("PLAT_DR_5", plan));
        assertEquals(List.of(), details("PLAT_DR_1", plan), "the state bucket is replicated; artifacts is not the state");
    }
}
