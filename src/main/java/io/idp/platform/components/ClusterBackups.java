package io.idp.platform.components;

import io.idp.platform.support.PolicyDocuments;

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
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.config.BackupSettings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where Velero keeps a physical cluster's backups: an S3 bucket hardened like the state store
 * (versioned, SSE-KMS with its own rotating key, public access blocked, TLS only, ACLs off; protected
 * and retained, so a destroyed cluster's backups survive it), and Velero's role (IRSA) limited to
 * that bucket and key plus the EBS snapshot calls of Velero's AWS plugin, in the cluster's region.
 * Schedules and retention reach the cluster through {@link #annotations()}; docs/backup-restore.md
 * says how to restore.
 */
public final class ClusterBackups extends ComponentResource {
    public static final String TYPE = "platform:components:ClusterBackups";
    /** Velero's namespace and the service account its chart makes for a release named velero. */
    public static final String NAMESPACE = "velero";
    public static final String SERVICE_ACCOUNT = "velero-server";

    private final BackupSettings backups;
    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final Output<String> keyArn;
    private final Output<String> roleArn;

    public ClusterBackups(String name, ClusterBackupsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.backups = args.backups();
        var cluster = args.cluster();
        var bucketName = args.bucketName();
        var dataOptions = CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(true).build();
        var child = CustomResourceOptions.builder().parent(this).build();

        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the Velero backups of " + cluster.clusterName() + " in s3://" + bucketName)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .build(), dataOptions);
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name("alias/" + bucketName)
                .targetKeyId(key.keyId())
                .build(), child);
        var bucket = new BucketV2(name + "-bucket", BucketV2Args.builder()
                .bucket(bucketName)
                .forceDestroy(false)
                .build(), dataOptions);
        new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), child);
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                .sseAlgorithm("aws:kms")
                                .kmsMasterKeyId(key.arn())
                                .build())
                        .bucketKeyEnabled(true)
                        .build())
                .build(), child);
        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child);
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);
        new BucketPolicy(name + "-tls-only", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucket.arn().applyValue(StateStore::tlsOnlyPolicy))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(publicAccess).build());
        // Velero deletes a backup when its TTL passes; the versions it leaves are kept a while longer, then go.
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-deleted-backups")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(args.noncurrentDays())
                                .build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(7)
                                .build())
                        .build())
                .build(), child);

        var role = cluster.serviceAccountRole(name + "-velero", cluster.clusterName() + "-velero", NAMESPACE,
                List.of(SERVICE_ACCOUNT), List.of());
        new RolePolicy(name + "-velero", RolePolicyArgs.builder()
                .role(role.id())
                .name("velero-backups")
                .policy(Output.tuple(bucket.arn(), key.arn()).applyValue(t -> policy(t.t1, t.t2, args.region())))
                .build(), child);

        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        this.keyArn = key.arn();
        this.roleArn = role.arn();
        registerOutputs(Map.of("bucketName", this.bucketName, "bucketArn", bucketArn, "keyArn", keyArn, "roleArn", roleArn));
    }

    /**
     * Velero's permissions as its AWS plugin documents them (objects of its bucket, EBS snapshots),
     * narrowed: the bucket and key of this cluster only, EC2 calls only in the cluster's region.
     */
    static String policy(String bucketArn, String keyArn, String region) {
        return PolicyDocuments.document(List.of(
                PolicyDocuments.statement("BackupObjects", "Allow", null, List.of("s3:GetObject", "s3:DeleteObject", "s3:PutObject",
                        "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"), List.of(bucketArn + "/*"), null),
                PolicyDocuments.statement("ListBackups", "Allow", null, List.of("s3:ListBucket"), List.of(bucketArn), null),
                PolicyDocuments.statement("BackupKey", "Allow", null, List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
                        "kms:DescribeKey"), List.of(keyArn), null),
                PolicyDocuments.statement("VolumeSnapshots", "Allow", null, List.of("ec2:DescribeVolumes", "ec2:DescribeSnapshots",
                        "ec2:CreateTags", "ec2:CreateVolume", "ec2:CreateSnapshot", "ec2:DeleteSnapshot"), List.of("*"),
                        Map.of("StringEquals", Map.of("aws:RequestedRegion", region)))));
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public Output<String> bucketArn() {
        return bucketArn;
    }

    public Output<String> keyArn() {
        return keyArn;
    }

    /** The role Velero assumes (IRSA, {@value #NAMESPACE}/{@value #SERVICE_ACCOUNT}). */
    public Output<String> roleArn() {
        return roleArn;
    }

    public BackupSettings backups() {
        return backups;
    }

    /** Per-cluster facts Velero's chart reads, as cluster Secret annotations. */
    public Output<Map<String, String>> annotations() {
        return Output.tuple(bucketName, keyArn, roleArn).applyValue(t -> {
            var annotations = new TreeMap<String, String>();
            annotations.put("velero_bucket", t.t1);
            annotations.put("velero_kms_key_arn", t.t2);
            annotations.put("velero_role_arn", t.t3);
            annotations.put("velero_schedule", backups.schedule());
            annotations.put("velero_ttl", backups.ttl());
            return annotations;
        });
    }
}
