package io.idp.platform.components;

import io.idp.platform.support.PolicyDocuments;
import io.idp.platform.support.SecretReadAccess;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The IAM role a cluster's External Secrets operator reads the secret store with: through IRSA,
 * limited to that cluster's own path and to decrypting with the store's key.
 */
public final class ExternalSecretsRole {
    public static final String NAMESPACE = "external-secrets";
    public static final String SERVICE_ACCOUNT = "external-secrets";

    private ExternalSecretsRole() {
    }

    /** The secrets' ARN pattern and, with a replica, the same secrets in the replica's region. */
    public static Output<List<String>> withReplicas(Output<String> pattern, java.util.Optional<SecretWriter.Replica> replica) {
        return replica.map(r -> Output.tuple(pattern, r.region()).applyValue(t -> List.of(t.t1, SecretReadAccess.inRegion(t.t1, t.t2))))
                .orElseGet(() -> pattern.applyValue(List::of));
    }

    /** The store's key and, with a replica, the key that encrypts the replicas. */
    public static Output<List<String>> keysWithReplicas(Output<String> storeKey, java.util.Optional<SecretWriter.Replica> replica) {
        return replica.map(r -> Output.tuple(storeKey, r.kmsKeyArn()).applyValue(t -> List.of(t.t1, t.t2)))
                .orElseGet(() -> storeKey.applyValue(List::of));
    }

    /**
     * The role of a workload cluster's External Secrets.
     *
     * @param readableSecrets the ARN patterns of the cluster's own secrets ({@link SecretStore#secretArnPattern}), in the
     *                        store's region and each replica region, so pointing External Secrets at a replica needs no IAM change
     * @param keyArns         the store's KMS key and the replicas' keys
     */
    public static Role create(EksCluster cluster, Output<List<String>> readableSecrets, Output<List<String>> keyArns) {
        return create(cluster, Output.tuple(readableSecrets, keyArns).applyValue(t -> SecretReadAccess.statements(t.t1, t.t2)));
    }

    /**
     * The management cluster's role: it also mints ECR tokens for Argo CD to pull the applications' charts, and
     * lists the store's secret names to find the fleet's remote-write logins.
     */
    public static Role withChartPulls(EksCluster cluster, Output<List<String>> readableSecrets, Output<List<String>> keyArns) {
        return create(cluster, Output.tuple(readableSecrets, keyArns).applyValue(t -> {
            var statements = new java.util.ArrayList<>(SecretReadAccess.statements(t.t1, t.t2));
            var arn = t.t1.get(0).split(":");
            statements.add(PolicyDocuments.statement("EcrTokens", "Allow", null, List.of("ecr:GetAuthorizationToken"), List.of("*"), null));
            statements.add(PolicyDocuments.statement("PullCharts", "Allow", null,
                    List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:DescribeImages"),
                    List.of("arn:aws:ecr:" + arn[3] + ":" + arn[4] + ":repository/charts/*"), null));
            // Finding the fleet's remote-write logins by name (dataFrom.find) lists secrets: names only, and
            // ListSecrets has no resource-level scope; reading them stays limited to this cluster's path.
            statements.add(PolicyDocuments.statement("FindFleetMetricsLogins", "Allow", null, List.of("secretsmanager:ListSecrets"),
                    List.of("*"), null));
            return statements;
        }));
    }

    private static Role create(EksCluster cluster, Output<List<Map<String, Object>>> statements) {
        var clusterName = cluster.clusterName();
        var role = cluster.serviceAccountRole(clusterName + "-external-secrets", clusterName + "-external-secrets",
                NAMESPACE, List.of(SERVICE_ACCOUNT), List.of());
        new RolePolicy(clusterName + "-external-secrets-read", RolePolicyArgs.builder()
                .role(role.id())
                .name("read-own-secrets")
                .policy(statements.applyValue(PolicyDocuments::document))
                .build(), CustomResourceOptions.builder().parent(cluster).build());
        return role;
    }
}
