package io.idp.platform.components;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/**
 * The IAM role a cluster's External Secrets operator reads the secret store with: through IRSA,
 * limited to that cluster's own path and to decrypting with the store's key.
 */
public final class ExternalSecretsRole {
    public static final String NAMESPACE = "external-secrets";
    public static final String SERVICE_ACCOUNT = "external-secrets";

    private ExternalSecretsRole() {
    }

    /**
     * @param readableSecrets the ARN pattern of the cluster's own secrets ({@link SecretStore#secretArnPattern})
     * @param storeKeyArn     the store's KMS key
     */
    public static Role create(EksCluster cluster, String clusterName, Output<String> readableSecrets, Output<String> storeKeyArn) {
        return create(cluster, clusterName, readableSecrets, storeKeyArn, false);
    }

    /**
     * @param ecrCharts also let it mint ECR tokens for Argo CD to pull the applications' charts
     *                  (the management cluster's role)
     */
    public static Role create(EksCluster cluster, String clusterName, Output<String> readableSecrets, Output<String> storeKeyArn,
                              boolean ecrCharts) {
        return createReadingReplicas(cluster, clusterName, readableSecrets.applyValue(p -> List.of(p)),
                storeKeyArn.applyValue(k -> List.of(k)), ecrCharts);
    }

    /**
     * @param readableSecrets the ARN patterns of the cluster's own secrets, in the store's region and
     *                        each replica region, so pointing External Secrets at a replica needs no IAM change
     * @param keyArns         the store's key and the replicas' keys
     */
    public static Role createReadingReplicas(EksCluster cluster, String clusterName, Output<List<String>> readableSecrets,
                              Output<List<String>> keyArns, boolean ecrCharts) {
        var role = cluster.serviceAccountRole(clusterName + "-external-secrets", clusterName + "-external-secrets",
                NAMESPACE, List.of(SERVICE_ACCOUNT), List.of());
        new RolePolicy(clusterName + "-external-secrets-read", RolePolicyArgs.builder()
                .role(role.id())
                .name("read-own-secrets")
                .policy(Output.tuple(readableSecrets, keyArns).applyValue(t -> {
                    var statements = new java.util.ArrayList<>(SecretReadAccess.statements(t.t1, t.t2));
                    if (ecrCharts) {
                        var arn = t.t1.get(0).split(":");
                        statements.add(PolicyDocuments.statement("EcrTokens", "Allow", null, List.of("ecr:GetAuthorizationToken"), List.of("*"), null));
                        statements.add(PolicyDocuments.statement("PullCharts", "Allow", null,
                                List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:DescribeImages"),
                                List.of("arn:aws:ecr:" + arn[3] + ":" + arn[4] + ":repository/charts/*"), null));
                    }
                    return PolicyDocuments.document(statements);
                }))
                .build(), CustomResourceOptions.builder().parent(cluster).build());
        return role;
    }
}
