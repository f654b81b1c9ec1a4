package io.idp.platform.components;

import io.idp.platform.support.PolicyDocuments;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketReplicationConfig;
import com.pulumi.aws.s3.BucketReplicationConfigArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationReplicationTimeArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * A copy of the Pulumi state bucket in the recovery region, kept by S3 replication, so every stack can
 * still be previewed and deployed when the primary region is lost. The replica is hardened like the
 * primary ({@link StateStore}) and encrypted with a key of its own region: the primary's key is a
 * single-region key, and making it multi-region would replace it (and with it every state object's key).
 *
 * <p>Delete markers are not replicated: a deleted stack (or a mistaken delete) in the primary leaves the
 * replica's copy in place, so the replica can always restore what the primary lost. After a failover,
 * stacks removed from the primary since are still listed in the replica and are removed there by hand.
 */
public final class StateReplica extends ComponentResource {
    public static final String TYPE = "platform:components:StateReplica";
    /** Replication Time Control: S3 replicates 99.99% of objects within this many minutes. */
    public static final int REPLICATION_MINUTES = 15;
    /** Delete markers stay in the region they were made in (see the class comment). */
    public static final String DELETE_MARKER_REPLICATION = "Disabled";

    private final Output<String> bucketName;
    private final Output<String> keyArn;
    private final Output<String> backendUrl;

    public StateReplica(String name, StateReplicaArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var replicaData = CustomResourceOptions.builder().parent(this).provider(args.replicaRegion())
                .protect(args.protect()).retainOnDelete(true).build();
        var replicaChild = CustomResourceOptions.builder().parent(this).provider(args.replicaRegion()).build();
        var bucketName = args.bucketName();

        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the replica of the platform's Pulumi state in s3://" + bucketName)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .build(), replicaData);
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name("alias/" + bucketName)
                .targetKeyId(key.keyId())
                .build(), replicaChild);
        var bucket = new BucketV2(name + "-bucket", BucketV2Args.builder()
                .bucket(bucketName)
                .forceDestroy(false)
                .build(), replicaData);
        var versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), replicaChild);
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                .sseAlgorithm("aws:kms")
                                .kmsMasterKeyId(key.arn())
                                .build())
                        .bucketKeyEnabled(true)
                        .build())
                .build(), replicaChild);
        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), replicaChild);
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), replicaChild);
        new BucketPolicy(name + "-tls-only", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucket.arn().applyValue(StateStore::tlsOnlyPolicy))
                .build(), CustomResourceOptions.builder().parent(this).provider(args.replicaRegion()).dependsOn(publicAccess).build());
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-noncurrent-state")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(args.noncurrentDays())
                                .build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(7)
                                .build())
                        .build())
                .build(), replicaChild);

        // The replication role and the rule live with the source (IAM is global; the rule is the source bucket's).
        var child = CustomResourceOptions.builder().parent(this).build();
        var role = new Role(name + "-role", RoleArgs.builder()
                .description("S3 replicates the Pulumi state bucket " + args.sourceBucket() + " to " + bucketName + " with this role")
                .assumeRolePolicy(PolicyDocuments.serviceTrust("s3.amazonaws.com"))
                .build(), child);
        var permissions = new RolePolicy(name + "-role-policy", RolePolicyArgs.builder()
                .role(role.id())
                .name("replicate-state")
                .policy(Output.tuple(args.source().bucketArn(), args.source().keyArn(), bucket.arn(), key.arn())
                        .applyValue(t -> replicationPolicy(t.t1, t.t2, args.sourceRegion(), t.t3, t.t4, args.region())))
                .build(), child);
        new BucketReplicationConfig(name + "-replication", BucketReplicationConfigArgs.builder()
                .bucket(args.source().bucketName())
                .role(role.arn())
                .rules(BucketReplicationConfigRuleArgs.builder()
                        .id("state-to-" + args.region())
                        .status("Enabled")
                        .priority(1)
                        .filter(BucketReplicationConfigRuleFilterArgs.builder().prefix("").build())
                        .deleteMarkerReplication(BucketReplicationConfigRuleDeleteMarkerReplicationArgs.builder()
                                .status(DELETE_MARKER_REPLICATION).build())
                        .sourceSelectionCriteria(BucketReplicationConfigRuleSourceSelectionCriteriaArgs.builder()
                                .sseKmsEncryptedObjects(BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs.builder()
                                        .status("Enabled").build())
                                .build())
                        .destination(BucketReplicationConfigRuleDestinationArgs.builder()
                                .bucket(bucket.arn())
                                .storageClass("STANDARD")
                                .encryptionConfiguration(BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs.builder()
                                        .replicaKmsKeyId(key.arn()).build())
                                .replicationTime(BucketReplicationConfigRuleDestinationReplicationTimeArgs.builder()
                                        .status("Enabled")
                                        .time(BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs.builder()
                                                .minutes(REPLICATION_MINUTES).build())
                                        .build())
                                .metrics(BucketReplicationConfigRuleDestinationMetricsArgs.builder()
                                        .status("Enabled")
                                        .eventThreshold(BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs.builder()
                                                .minutes(REPLICATION_MINUTES).build())
                                        .build())
                                .build())
                        .build())
                // S3 refuses a replication rule until both buckets are versioned and the role may replicate.
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(List.<Resource>of(args.source(), versioning, permissions)).build());

        this.bucketName = bucket.bucket();
        this.keyArn = key.arn();
        this.backendUrl = bucket.bucket().applyValue(b -> backendUrl(b, args.region()));
        registerOutputs(Map.of("bucketName", this.bucketName, "keyArn", keyArn, "backendUrl", backendUrl));
    }

    /** The {@code pulumi login} URL of a state bucket. */
    public static String backendUrl(String bucket, String region) {
        return "s3://" + bucket + "?region=" + region + "&awssdk=v2";
    }

    /**
     * What S3 needs to replicate and nothing more: read the source's versions for replication, write
     * replicas (no deletes: delete markers are not replicated), decrypt with the source key and encrypt
     * with the replica key, each only through S3 in its region and for its bucket (the bucket's ARN is the encryption context
     * when S3 Bucket Keys are on, an object's ARN otherwise).
     */
    static String replicationPolicy(String sourceBucketArn, String sourceKeyArn, String sourceRegion,
                                    String replicaBucketArn, String replicaKeyArn, String replicaRegion) {
        return PolicyDocuments.document(List.of(
                PolicyDocuments.statement("ReadReplicationConfiguration", "Allow", null,
                        List.of("s3:GetReplicationConfiguration", "s3:ListBucket"), List.of(sourceBucketArn), null),
                PolicyDocuments.statement("ReadVersionsForReplication", "Allow", null,
                        List.of("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"),
                        List.of(sourceBucketArn + "/*"), null),
                PolicyDocuments.statement("WriteReplicas", "Allow", null,
                        List.of("s3:ReplicateObject", "s3:ReplicateTags"), List.of(replicaBucketArn + "/*"), null),
                PolicyDocuments.statement("DecryptSourceThroughS3", "Allow", null, List.of("kms:Decrypt"), List.of(sourceKeyArn),
                        Map.of("StringEquals", Map.of("kms:ViaService", "s3." + sourceRegion + ".amazonaws.com"),
                                "StringLike", Map.of("kms:EncryptionContext:aws:s3:arn", List.of(sourceBucketArn, sourceBucketArn + "/*")))),
                PolicyDocuments.statement("EncryptReplicasThroughS3", "Allow", null, List.of("kms:Encrypt", "kms:GenerateDataKey"),
                        List.of(replicaKeyArn),
                        Map.of("StringEquals", Map.of("kms:ViaService", "s3." + replicaRegion + ".amazonaws.com"),
                                "StringLike", Map.of("kms:EncryptionContext:aws:s3:arn", List.of(replicaBucketArn, replicaBucketArn + "/*"))))));
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public Output<String> keyArn() {
        return keyArn;
    }

    /** The URL for {@code pulumi login} that moves every stack onto the replica after a failover. */
    public Output<String> backendUrl() {
        return backendUrl;
    }
}
