package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.idp.platform.policy.PlanFacts.*;

/**
 * Disaster recovery: whether the management stack's state and secrets outlive their region, and
 * whether a state replication rule makes a replica worth having (versioned, encrypted with KMS,
 * with a deliberate choice about delete markers and a replication time S3 commits to).
 */
final class RecoveryRules {
    static final String REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
    static final String SECRET = "aws:secretsmanager/secret:Secret";
    /** The component that owns the platform's state bucket; its children's URNs carry its type. */
    static final String STATE_STORE = "platform:components:StateStore";
    static final String RTC_MINUTES = "15";

    private RecoveryRules() {
    }

    static boolean isStateBucket(PlannedResource bucket) {
        return bucket.urn().contains("::" + STATE_STORE + "$");
    }

    static boolean management(Plan plan) {
        return "management".equals(plan.role());
    }

    /** The replication rules of one configuration, each as its own resource view for path reads. */
    static List<Map<?, ?>> rules(PlannedResource replication) {
        var rules = new ArrayList<Map<?, ?>>();
        if (input(replication, "rules") instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(rule -> rules.add((Map<?, ?>) rule));
        }
        return rules;
    }

    static Object at(Map<?, ?> map, String path) {
        Object current = map;
        for (var part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }

    /** The bucket in the plan whose ARN a replication rule names as its destination. */
    static Optional<PlannedResource> destination(Plan plan, Map<?, ?> rule) {
        var arn = at(rule, "destination.bucket");
        return plan.ofType(S3Rules.BUCKET).stream().filter(b -> arn != null && arn.equals(b.outputs().get("arn"))).findFirst();
    }

    /** The first rule (by id) that breaks {@code problem}, as a finding's detail. */
    static Optional<String> firstBroken(PlannedResource replication, java.util.function.Function<Map<?, ?>, Optional<String>> problem) {
        var rules = rules(replication);
        if (rules.isEmpty()) {
            return Optional.of("the configuration has no replication rule");
        }
        for (var rule : rules) {
            var found = problem.apply(rule);
            if (found.isPresent()) {
                return Optional.of("rule " + rule.get("id") + ": " + found.get());
            }
        }
        return Optional.empty();
    }

    static Optional<String> destinationVersioned(Plan plan, Map<?, ?> rule) {
        var bucket = destination(plan, rule);
        if (bucket.isEmpty()) {
            return Optional.of("the destination " + at(rule, "destination.bucket") + " is not in this plan, so its versioning cannot be checked");
        }
        return fail(!S3Rules.config(plan, S3Rules.VERSIONING, bucket.get())
                        .map(v -> "Enabled".equals(input(v, "versioningConfiguration.status"))).orElse(false),
                "the destination bucket " + bucket.get().name() + " is not versioned");
    }

    static Optional<String> encryptedWithKms(Plan plan, Map<?, ?> rule) {
        if (at(rule, "destination.encryptionConfiguration.replicaKmsKeyId") == null) {
            return Optional.of("replicas are not encrypted with a KMS key (destination.encryptionConfiguration.replicaKmsKeyId)");
        }
        if (!"Enabled".equals(at(rule, "sourceSelectionCriteria.sseKmsEncryptedObjects.status"))) {
            return Optional.of("KMS-encrypted objects are not selected (sourceSelectionCriteria.sseKmsEncryptedObjects), so none is replicated");
        }
        var bucket = destination(plan, rule);
        if (bucket.isEmpty()) {
            return Optional.of("the destination " + at(rule, "destination.bucket") + " is not in this plan, so its encryption cannot be checked");
        }
        return fail(!S3Rules.config(plan, S3Rules.ENCRYPTION, bucket.get())
                        .map(e -> "aws:kms".equals(input(e, "rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"))).orElse(false),
                "the destination bucket " + bucket.get().name() + " is not encrypted with KMS by default");
    }

    static Optional<String> deleteMarkersDecided(Map<?, ?> rule) {
        var status = at(rule, "deleteMarkerReplication.status");
        return fail(!"Enabled".equals(status) && !"Disabled".equals(status),
                "deleteMarkerReplication.status is " + (status == null ? "not set" : "'" + status + "'") + ", not Enabled or Disabled");
    }

    static Optional<String> timeControlled(Map<?, ?> rule) {
        if (!"Enabled".equals(at(rule, "destination.replicationTime.status"))) {
            return Optional.of("replication time control is not enabled");
        }
        if (!RTC_MINUTES.equals(String.valueOf(at(rule, "destination.replicationTime.time.minutes")))) {
            return Optional.of("replication time is " + at(rule, "destination.replicationTime.time.minutes") + " minutes, not " + RTC_MINUTES);
        }
        return fail(!"Enabled".equals(at(rule, "destination.metrics.status")), "replication metrics are not enabled");
    }

    static boolean hasReplica(PlannedResource secret) {
        return input(secret, "replicas") instanceof List<?> replicas && !replicas.isEmpty()
                && replicas.stream().allMatch(r -> r instanceof Map<?, ?> m && m.get("region") != null && m.get("kmsKeyId") != null);
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("PLAT_DR_1", "AWS Well-Architected REL09-BP03 (back up data to another Region)", Severity.ADVISORY, S3Rules.BUCKET,
                        "a management stack's state bucket is replicated to another region",
                        "set platform:recoveryRegion (docs/disaster-recovery.md), or waive with the reason the state may be lost with its region",
                        (r, p) -> fail(management(p) && isStateBucket(r) && referencing(p, REPLICATION, "bucket", r).isEmpty(),
                                "the Pulumi state is in one region only"),
                        examples(replicated(), withoutReplication())),
                new Rule("PLAT_DR_2", "AWS Secrets Manager: replicate secrets for disaster recovery", Severity.ADVISORY, SECRET,
                        "a management stack's secrets have a replica in another region, encrypted with a key there",
                        "set platform:recoveryRegion (docs/disaster-recovery.md), or waive with the reason the secrets may be lost with their region",
                        (r, p) -> fail(management(p) && !hasReplica(r), "the secret has no replica in another region"),
                        new Rule.Examples(managementPlan(secret(true)), managementPlan(secret(false)))),
                new Rule("PLAT_DR_3", "Amazon S3 replication requirements: versioning on both buckets", Severity.MANDATORY, REPLICATION,
                        "the replica bucket is versioned", "add a BucketVersioningV2 with status Enabled to the destination bucket",
                        (r, p) -> firstBroken(r, rule -> destinationVersioned(p, rule)),
                        examples(replicated(), change(replicated(), "replica-versioning", Map.of("bucket", "replica",
                                "versioningConfiguration", Map.of("status", "Suspended"))))),
                new Rule("PLAT_DR_4", "checkov CKV_AWS_145 for replicas; Amazon S3 replicating encrypted objects", Severity.MANDATORY, REPLICATION,
                        "replicas are encrypted with a KMS key of the destination, and KMS-encrypted objects are selected",
                        "set destination.encryptionConfiguration.replicaKmsKeyId, sourceSelectionCriteria.sseKmsEncryptedObjects Enabled, "
                                + "and aws:kms default encryption on the destination",
                        (r, p) -> firstBroken(r, rule -> encryptedWithKms(p, rule)),
                        examples(replicated(), replicationWith(rule -> ((Map<String, Object>) rule.get("destination")).remove("encryptionConfiguration")))),
                new Rule("PLAT_DR_5", "Amazon S3 replication: delete marker replication is a decision", Severity.MANDATORY, REPLICATION,
                        "every replication rule says whether delete markers are replicated",
                        "set deleteMarkerReplication.status Enabled or Disabled, and document why (docs/disaster-recovery.md)",
                        (r, p) -> firstBroken(r, RecoveryRules::deleteMarkersDecided),
                        examples(replicated(), replicationWith(rule -> rule.remove("deleteMarkerReplication")))),
                new Rule("PLAT_DR_6", "Amazon S3 Replication Time Control", Severity.ADVISORY, REPLICATION,
                        "replication time control (15 minutes) and replication metrics are on, so the recovery point is bounded and watched",
                        "set destination.replicationTime Enabled with 15 minutes, and destination.metrics Enabled",
                        (r, p) -> firstBroken(r, RecoveryRules::timeControlled),
                        examples(replicated(), replicationWith(rule -> ((Map<String, Object>) rule.get("destination")).remove("replicationTime")))));
    }

    // ---- examples: a state bucket replicated to a hardened replica ------------------------------

    static PlannedResource bucket(String name, boolean state) {
        var urn = state ? "urn:pulumi:example::platform::" + STATE_STORE + "$" + S3Rules.BUCKET + "::" + name
                : "urn:pulumi:example::platform::" + S3Rules.BUCKET + "::" + name;
        var outputs = Map.<String, Object>of("id", name, "bucket", name, "arn", "arn:aws:s3:::" + name);
        return new PlannedResource(urn, S3Rules.BUCKET, name, "", true, false, "", Map.of("bucket", name), outputs, List.of(), Map.of(),
                false, false, List.of(), List.of(), false, "");
    }

    static Map<String, Object> replicationRule(String id, String destinationArn) {
        var rule = new TreeMap<String, Object>();
        rule.put("id", id);
        rule.put("status", "Enabled");
        rule.put("deleteMarkerReplication", new TreeMap<>(Map.of("status", "Disabled")));
        rule.put("sourceSelectionCriteria", Map.of("sseKmsEncryptedObjects", Map.of("status", "Enabled")));
        var destination = new TreeMap<String, Object>();
        destination.put("bucket", destinationArn);
        destination.put("encryptionConfiguration", Map.of("replicaKmsKeyId", "arn:aws:kms:us-west-2:111122223333:key/r"));
        destination.put("replicationTime", Map.of("status", "Enabled", "time", Map.of("minutes", 15)));
        destination.put("metrics", Map.of("status", "Enabled", "eventThreshold", Map.of("minutes", 15)));
        rule.put("destination", destination);
        return rule;
    }

    static List<PlannedResource> hardenedReplica(String name) {
        return List.of(bucket(name, false),
                resource(S3Rules.VERSIONING, name + "-versioning", Map.of("bucket", name, "versioningConfiguration", Map.of("status", "Enabled"))),
                resource(S3Rules.ENCRYPTION, name + "-encryption", Map.of("bucket", name, "rules", List.of(Map.of("applyServerSideEncryptionByDefault",
                        Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", "arn:aws:kms:us-west-2:111122223333:key/r"))))));
    }

    static Plan replicated() {
        var resources = new ArrayList<PlannedResource>();
        resources.add(bucket("state", true));
        resources.addAll(hardenedReplica("replica"));
        resources.add(resource(REPLICATION, "replication", Map.of("bucket", "state", "role", "arn:aws:iam::111122223333:role/replicate",
                "rules", List.of(replicationRule("state-to-us-west-2", "arn:aws:s3:::replica")))));
        return managementPlan(resources.toArray(PlannedResource[]::new));
    }

    static Plan withoutReplication() {
        return managementPlan(bucket("state", true));
    }

    /** The replicated plan with one resource's inputs replaced. */
    static Plan change(Plan plan, String name, Map<String, Object> inputs) {
        return managementPlan(plan.resources().stream().map(r -> r.name().equals(name) ? r.withInputs(inputs) : r)
                .toArray(PlannedResource[]::new));
    }

    /** The replicated plan with its replication rule changed. */
    static Plan replicationWith(java.util.function.Consumer<Map<String, Object>> edit) {
        var rule = replicationRule("state-to-us-west-2", "arn:aws:s3:::replica");
        edit.accept(rule);
        return change(replicated(), "replication", Map.of("bucket", "state", "role", "arn:aws:iam::111122223333:role/replicate",
                "rules", List.of(rule)));
    }

    static PlannedResource secret(boolean replicated) {
        var inputs = new TreeMap<String, Object>(Map.of("name", "platform/mgmt/bots/github-token", "kmsKeyId", "arn:aws:kms:us-east-1:111122223333:key/p"));
        if (replicated) {
            inputs.put("replicas", List.of(Map.of("region", "us-west-2", "kmsKeyId", "arn:aws:kms:us-west-2:111122223333:key/r")));
        }
        return resource(SECRET, "secret", inputs);
    }

    static Plan managementPlan(PlannedResource... resources) {
        return new Plan(Plan.FORMAT_VERSION, "platform", "example", "management", List.of(resources), Map.of(), List.of());
    }
}
