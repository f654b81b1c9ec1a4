package io.idp.platform.components;

import io.idp.platform.support.PolicyDocuments;

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

import java.util.List;
import java.util.Map;

/**
 * The S3 bucket that holds Pulumi state for every stack of the platform (a self-managed backend):
 * versioned, encrypted with a rotating customer key, private, TLS-only, and protected.
 */
public final class StateStore extends ComponentResource {
    public static final String TYPE = "platform:components:StateStore";

    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final Output<String> keyArn;
    private final Output<String> backendUrl;

    public StateStore(String name, StateStoreArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var dataOptions = CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(true).build();
        var child = CustomResourceOptions.builder().parent(this).build();

        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the platform's Pulumi state in s3://" + args.bucketName())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .build(), dataOptions);
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name("alias/" + args.bucketName())
                .targetKeyId(key.keyId())
                .build(), child);

        var bucket = new BucketV2(name + "-bucket", BucketV2Args.builder()
                .bucket(args.bucketName())
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
        // The policy is applied after the public access block so S3 judges it with the block in place.
        new BucketPolicy(name + "-tls-only", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucket.arn().applyValue(StateStore::tlsOnlyPolicy))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(publicAccess).build());
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
                .build(), child);

        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        this.keyArn = key.arn();
        this.backendUrl = Output.tuple(bucket.bucket(), bucket.region())
                .applyValue(t -> "s3://" + t.t1 + "?region=" + t.t2 + "&awssdk=v2");
        registerOutputs(Map.of("bucketName", bucketName, "bucketArn", bucketArn, "keyArn", keyArn, "backendUrl", backendUrl));
    }

    /** Denies every request that does not use TLS (CKV_AWS_70 family, S3 security best practice). */
    static String tlsOnlyPolicy(String bucketArn) {
        return PolicyDocuments.document(List.of(PolicyDocuments.statement("DenyInsecureTransport", "Deny", "*",
                List.of("s3:*"), List.of(bucketArn, bucketArn + "/*"),
                Map.of("Bool", Map.of("aws:SecureTransport", "false")))));
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

    /** The URL for {@code pulumi login} that moves stacks onto this bucket. */
    public Output<String> backendUrl() {
        return backendUrl;
    }
}
