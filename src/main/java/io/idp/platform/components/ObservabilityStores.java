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
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
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

import java.util.List;
import java.util.Map;

/**
 * Where the management cluster keeps the fleet's logs (Loki) and traces (Tempo): one S3 bucket per
 * store, each hardened like the state store (versioned, SSE-KMS with its own rotating key, public
 * access blocked, TLS only, ACLs off; protected and retained), expiring objects a day after the
 * store's own retention so nothing outlives it, and a role per store (IRSA for the store's service
 * account) limited to that bucket and that key. Names and ARNs reach the stores' values through the
 * management cluster's facts ({@code ${stores.*}}).
 */
public final class ObservabilityStores extends ComponentResource {
    public static final String TYPE = "platform:components:ObservabilityStores";
    /** The stores' namespaces and service accounts: the charts' own names for releases named loki and tempo. */
    public static final String LOKI_NAMESPACE = "loki";
    public static final String LOKI_SERVICE_ACCOUNT = "loki";
    public static final String TEMPO_NAMESPACE = "tempo";
    public static final String TEMPO_SERVICE_ACCOUNT = "tempo";
    /** Days an overwritten or deleted object stays recoverable: the stores rewrite their index often. */
    public static final int NONCURRENT_DAYS = 7;

    /** One store's bucket, key and role. */
    public record Store(Output<String> bucketName, Output<String> bucketArn, Output<String> keyArn, Output<String> roleArn) {
    }

    private final Store logs;
    private final Store traces;

    public ObservabilityStores(String name, ObservabilityStoresArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.logs = store(name + "-logs", "Loki's log chunks and index", args.logsBucketName(), args.retention().logsDays(),
                LOKI_NAMESPACE, LOKI_SERVICE_ACCOUNT, args);
        this.traces = store(name + "-traces", "Tempo's trace blocks", args.tracesBucketName(), args.retention().tracesDays(),
                TEMPO_NAMESPACE, TEMPO_SERVICE_ACCOUNT, args);
        registerOutputs(Map.of("logsBucketName", logs.bucketName(), "logsRoleArn", logs.roleArn(),
                "tracesBucketName", traces.bucketName(), "tracesRoleArn", traces.roleArn()));
    }

    private Store store(String name, String what, String bucketName, int retentionDays, String namespace, String serviceAccount,
                        ObservabilityStoresArgs args) {
        var cluster = args.cluster();
        var dataOptions = CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(true).build();
        var child = CustomResourceOptions.builder().parent(this).build();
        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts " + what + " of " + cluster.clusterName() + " in s3://" + bucketName)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .build(), dataOptions);
        new Alias(name + "-key-alias", AliasArgs.builder().name("alias/" + bucketName).targetKeyId(key.keyId()).build(), child);
        var bucket = new BucketV2(name + "-bucket", BucketV2Args.builder().bucket(bucketName).forceDestroy(false).build(), dataOptions);
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
                        // One KMS request per bucket key rather than per object: the stores write many small objects.
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
        // The store deletes what passes its retention; the bucket expires anything it leaves a day later.
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-after-retention")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(expiryDays(retentionDays)).build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(NONCURRENT_DAYS)
                                .build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(1)
                                .build())
                        .build())
                .build(), child);
        var role = cluster.serviceAccountRole(name + "-role", cluster.clusterName() + "-" + serviceAccount + "-store", namespace,
                List.of(serviceAccount), List.of());
        new RolePolicy(name + "-access", RolePolicyArgs.builder()
                .role(role.id())
                .name(serviceAccount + "-store")
                .policy(Output.tuple(bucket.arn(), key.arn()).applyValue(t -> policy(t.t1, t.t2)))
                .build(), child);
        return new Store(bucket.bucket(), bucket.arn(), key.arn(), role.arn());
    }

    /** The bucket's expiry: one day after the store's retention, so the store's own deletion runs first. */
    public static int expiryDays(int retentionDays) {
        return retentionDays + 1;
    }

    /** What a store does with its bucket (objects, listing) and key, and nothing else. */
    static String policy(String bucketArn, String keyArn) {
        return PolicyDocuments.document(List.of(
                PolicyDocuments.statement("StoreObjects", "Allow", null, List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                        "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"), List.of(bucketArn + "/*"), null),
                PolicyDocuments.statement("ListStore", "Allow", null, List.of("s3:ListBucket"), List.of(bucketArn), null),
                PolicyDocuments.statement("StoreKey", "Allow", null, List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
                        "kms:DescribeKey"), List.of(keyArn), null)));
    }

    /** Loki's bucket, key and role. */
    public Store logs() {
        return logs;
    }

    /** Tempo's bucket, key and role. */
    public Store traces() {
        return traces;
    }
}
