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
import io.idp.platform.config.CiSettings;

import java.util.List;
import java.util.Map;

/**
 * Where Argo Workflows keeps artifacts (build logs, packaged charts, test reports): an S3 bucket hardened
 * like the backups' (versioned, SSE-KMS with its own rotating key, public access blocked, TLS only, ACLs
 * off; protected and retained), whose objects expire after {@code platform:workflowsArtifactExpiryDays};
 * and the role (IRSA) that only Argo Workflows' server and workflow service accounts assume, limited to
 * this bucket's objects and this key. The chart's artifactRepository names both (stacks/tools/argo-workflows).
 */
public final class WorkflowArtifacts extends ComponentResource {
    public static final String TYPE = "platform:components:WorkflowArtifacts";
    /** Argo Workflows' namespace (stacks/catalog.yaml) and the service accounts its chart makes for release argo-workflows. */
    public static final String NAMESPACE = "argo";
    public static final String SERVER_SERVICE_ACCOUNT = "argo-workflows-server";
    public static final String WORKFLOW_SERVICE_ACCOUNT = "argo-workflow";

    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final Output<String> keyArn;
    private final Output<String> roleArn;
    private final Output<String> roleName;
    private final String region;
    private final String name;

    /**
     * @param cluster      the management cluster, whose service accounts assume the role
     * @param region       where the bucket and key are
     * @param expiryDays   days an artifact is kept
     * @param protect      protect the bucket and key from deletion
     */
    public record Args(EksCluster cluster, String region, int expiryDays, boolean protect) {
        public Args {
            if (cluster == null || region == null) {
                throw new IllegalArgumentException("WorkflowArtifacts.Args: cluster and region are required");
            }
            if (expiryDays < 1) {
                throw new IllegalArgumentException("WorkflowArtifacts.Args: expiryDays must be at least 1, was " + expiryDays);
            }
        }
    }

    public WorkflowArtifacts(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var cluster = args.cluster();
        var bucketName = CiSettings.artifactBucket(cluster.clusterName(), args.region());
        var dataOptions = CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(true).build();
        var child = CustomResourceOptions.builder().parent(this).build();

        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the Argo Workflows artifacts of " + cluster.clusterName() + " in s3://" + bucketName)
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
        // Artifacts are working files of CI runs: they expire, and the versions an overwrite leaves go a day later.
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-artifacts")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(args.expiryDays()).build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(1)
                                .build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(1)
                                .build())
                        .build())
                .build(), child);

        var role = cluster.serviceAccountRole(name + "-role", CiSettings.workflowsRoleName(cluster.clusterName()), NAMESPACE,
                List.of(SERVER_SERVICE_ACCOUNT, WORKFLOW_SERVICE_ACCOUNT), List.of());
        new RolePolicy(name + "-artifacts", RolePolicyArgs.builder()
                .role(role.id())
                .name("workflow-artifacts")
                .policy(Output.tuple(bucket.arn(), key.arn()).applyValue(t -> policy(t.t1, t.t2)))
                .build(), child);

        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        this.keyArn = key.arn();
        this.roleArn = role.arn();
        this.roleName = role.name();
        this.region = args.region();
        this.name = name;
        registerOutputs(Map.of("bucketName", this.bucketName, "bucketArn", bucketArn, "keyArn", keyArn, "roleArn", roleArn));
    }

    /** What the executor (save, load, delete) and the server (read for the UI) do with artifacts: this bucket and key only. */
    static String policy(String bucketArn, String keyArn) {
        return PolicyDocuments.document(List.of(
                PolicyDocuments.statement("Artifacts", "Allow", null, List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                        "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"), List.of(bucketArn + "/*"), null),
                PolicyDocuments.statement("ListArtifacts", "Allow", null, List.of("s3:ListBucket", "s3:GetBucketLocation"),
                        List.of(bucketArn), null),
                PolicyDocuments.statement("ArtifactsKey", "Allow", null, List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
                        "kms:DescribeKey"), List.of(keyArn), null)));
    }

    /**
     * Lets the build templates push images and charts to the applications' ECR repositories
     * ({@code <app>} and {@code charts/<app>}, as ApplicationDelivery names them) in this region, and no others.
     */
    public void allowPushTo(java.util.List<String> applications) {
        if (applications.isEmpty()) {
            return;
        }
        new RolePolicy(name + "-ecr-push", RolePolicyArgs.builder()
                .role(roleName)
                .name("push-application-images")
                .policy(roleArn.applyValue(arn -> pushPolicy(arn.split(":")[4], region, applications)))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    static String pushPolicy(String account, String region, java.util.List<String> applications) {
        var repositories = new java.util.ArrayList<String>();
        for (var app : applications) {
            repositories.add("arn:aws:ecr:" + region + ":" + account + ":repository/" + app);
            repositories.add("arn:aws:ecr:" + region + ":" + account + ":repository/charts/" + app);
        }
        return PolicyDocuments.document(List.of(
                PolicyDocuments.statement("Login", "Allow", null, List.of("ecr:GetAuthorizationToken"), List.of("*"), null),
                PolicyDocuments.statement("PushAndPull", "Allow", null, List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
                        "ecr:PutImage", "ecr:DescribeImages"), repositories, null)));
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

    /** The role Argo Workflows' server and workflow pods assume (IRSA). */
    public Output<String> roleArn() {
        return roleArn;
    }
}
