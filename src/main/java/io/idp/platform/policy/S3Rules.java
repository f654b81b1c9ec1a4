package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.idp.platform.policy.PlanFacts.*;

/** S3 buckets: checkov's S3 checks, judged from the bucket's configuration resources in the plan. */
final class S3Rules {
    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    static final String ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    static final String PUBLIC_ACCESS = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    static final String POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    static final String OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
    static final String LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
    static final String LOGGING = "aws:s3/bucketLoggingV2:BucketLoggingV2";

    private S3Rules() {
    }

    static Optional<PlannedResource> config(Plan plan, String type, PlannedResource bucket) {
        return referencing(plan, type, "bucket", bucket).stream().findFirst();
    }

    /** A bucket with every configuration the rules ask for, for compliant examples. */
    static Plan hardened() {
        var bucket = resource(BUCKET, "state", Map.of("bucket", "b"));
        return plan(bucket,
                resource(VERSIONING, "v", Map.of("bucket", "state-id", "versioningConfiguration", Map.of("status", "Enabled"))),
                resource(ENCRYPTION, "e", Map.of("bucket", "state-id", "rules", List.of(Map.of("applyServerSideEncryptionByDefault",
                        Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", "arn:aws:kms:k"))))),
                resource(PUBLIC_ACCESS, "p", Map.of("bucket", "state-id", "blockPublicAcls", true, "blockPublicPolicy", true,
                        "ignorePublicAcls", true, "restrictPublicBuckets", true)),
                resource(POLICY, "t", Map.of("bucket", "state-id", "policy",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}")),
                resource(OWNERSHIP, "o", Map.of("bucket", "state-id", "rule", Map.of("objectOwnership", "BucketOwnerEnforced"))),
                resource(LIFECYCLE, "l", Map.of("bucket", "state-id", "rules", List.of(Map.of("status", "Enabled")))),
                resource(LOGGING, "g", Map.of("bucket", "state-id", "targetBucket", "logs")));
    }

    static Plan bare() {
        return plan(resource(BUCKET, "state", Map.of("bucket", "b")));
    }

    /** A Deny statement conditioned on aws:SecureTransport false; naming the key elsewhere (or allowing) is not enough. */
    static boolean deniesInsecureTransport(Object policy) {
        return IamRules.statements(policy).stream().anyMatch(s -> s.get("Effect") != null && "Deny".equals(s.get("Effect").getAsString())
                && s.get("Condition") instanceof com.google.gson.JsonObject condition
                && condition.get("Bool") instanceof com.google.gson.JsonObject bool
                && bool.get("aws:SecureTransport") != null && bool.get("aws:SecureTransport").isJsonPrimitive()
                && "false".equals(bool.get("aws:SecureTransport").getAsString()));
    }

    static Rule blockFlag(String id, String flag) {
        return new Rule(id, "checkov " + id, Severity.MANDATORY, BUCKET, "the bucket's public access block sets " + flag,
                "add a BucketPublicAccessBlock with " + flag + " true",
                (r, p) -> fail(config(p, PUBLIC_ACCESS, r).map(b -> !isTrue(b, flag)).orElse(true), flag + " is not set"),
                examples(hardened(), bare()));
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("CKV_AWS_21", "checkov CKV_AWS_21", Severity.MANDATORY, BUCKET, "versioning is enabled",
                        "add a BucketVersioningV2 with status Enabled",
                        (r, p) -> fail(!config(p, VERSIONING, r).map(v -> "Enabled".equals(input(v, "versioningConfiguration.status"))).orElse(false),
                                "versioning is not enabled"), examples(hardened(), bare())),
                new Rule("CKV_AWS_19", "checkov CKV_AWS_19", Severity.MANDATORY, BUCKET, "objects are encrypted at rest",
                        "add a BucketServerSideEncryptionConfigurationV2", (r, p) -> fail(config(p, ENCRYPTION, r).isEmpty(), "no default encryption"),
                        examples(hardened(), bare())),
                new Rule("CKV_AWS_145", "checkov CKV_AWS_145", Severity.MANDATORY, BUCKET, "default encryption uses a KMS key",
                        "set sseAlgorithm aws:kms with a customer key",
                        (r, p) -> fail(!config(p, ENCRYPTION, r).map(e -> "aws:kms".equals(input(e, "rules.0.applyServerSideEncryptionByDefault.sseAlgorithm")))
                                .orElse(false), "not encrypted with KMS"), examples(hardened(), bare())),
                blockFlag("CKV_AWS_53", "blockPublicAcls"),
                blockFlag("CKV_AWS_54", "blockPublicPolicy"),
                blockFlag("CKV_AWS_55", "ignorePublicAcls"),
                blockFlag("CKV_AWS_56", "restrictPublicBuckets"),
                new Rule("CKV_AWS_18", "checkov CKV_AWS_18", Severity.ADVISORY, BUCKET, "server access logging is enabled",
                        "add a BucketLoggingV2 to a log bucket, or rely on CloudTrail data events and waive",
                        (r, p) -> fail(config(p, LOGGING, r).isEmpty(), "access logging is not enabled"), examples(hardened(), bare())),
                new Rule("PLAT_S3_1", "AWS S3 security best practices: enforce encryption in transit", Severity.MANDATORY, BUCKET,
                        "the bucket policy denies requests without TLS", "add a Deny statement on aws:SecureTransport false",
                        (r, p) -> fail(!config(p, POLICY, r).map(b -> deniesInsecureTransport(input(b, "policy"))).orElse(false),
                                "requests without TLS are not denied"), examples(hardened(), bare())),
                new Rule("CKV2_AWS_65", "checkov CKV2_AWS_65", Severity.ADVISORY, BUCKET, "ACLs are disabled (BucketOwnerEnforced)",
                        "add BucketOwnershipControls with objectOwnership BucketOwnerEnforced",
                        (r, p) -> fail(!config(p, OWNERSHIP, r).map(o -> "BucketOwnerEnforced".equals(input(o, "rule.objectOwnership"))).orElse(false),
                                "ACLs are not disabled"), examples(hardened(), bare())),
                new Rule("CKV2_AWS_61", "checkov CKV2_AWS_61", Severity.ADVISORY, BUCKET, "a lifecycle configuration exists",
                        "add a BucketLifecycleConfigurationV2 (expire noncurrent versions)",
                        (r, p) -> fail(config(p, LIFECYCLE, r).isEmpty(), "no lifecycle configuration"), examples(hardened(), bare())));
    }
}
