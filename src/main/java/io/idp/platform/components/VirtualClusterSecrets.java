package io.idp.platform.components;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.stacks.ManagementOutputs;

import java.util.List;

/**
 * The IAM role a virtual cluster's secrets are read with: assumable (IRSA, through the management
 * cluster's OIDC provider) only by the service account in the virtual cluster's host namespace, and
 * limited to the cluster's own path of the secret store.
 */
public final class VirtualClusterSecrets {
    private VirtualClusterSecrets() {
    }

    public static Output<String> role(String clusterName, ManagementReference management, Output<String> secretsPrefix,
                                      com.pulumi.aws.Provider provider) {
        var namespace = "vcluster-" + clusterName;
        var options = CustomResourceOptions.builder().provider(provider).build();
        var role = new Role(clusterName + "-vcluster-secrets", RoleArgs.builder()
                .name(clusterName + "-vcluster-secrets")
                .description("Secrets of the virtual cluster " + clusterName + ", read in its host namespace")
                .assumeRolePolicy(Output.tuple(management.require(ManagementOutputs.OIDC_PROVIDER_ARN),
                                management.require(ManagementOutputs.OIDC_ISSUER_URL))
                        .applyValue(t -> Trust.serviceAccounts(t.t1, t.t2, namespace, List.of(VirtualCluster.SECRETS_SERVICE_ACCOUNT))))
                .build(), options);
        var keyArn = management.require(ManagementOutputs.SECRET_STORE_KMS_KEY_ARN);
        new RolePolicy(clusterName + "-vcluster-secrets-read", RolePolicyArgs.builder()
                .role(role.id())
                .name("read-own-secrets")
                .policy(Output.tuple(keyArn, secretsPrefix).applyValue(t -> {
                    // The secrets' replicas too, when the platform has a recovery region (failover by configuration).
                    var pattern = SecretReadAccess.arnPattern(t.t1, t.t2);
                    var patterns = new java.util.ArrayList<>(List.of(pattern));
                    var keys = new java.util.ArrayList<>(List.of(t.t1));
                    management.optional(ManagementOutputs.RECOVERY_REGION).ifPresent(r -> patterns.add(SecretReadAccess.inRegion(pattern, r)));
                    management.optional(ManagementOutputs.SECRET_REPLICA_KMS_KEY_ARN).ifPresent(keys::add);
                    return PolicyDocuments.document(SecretReadAccess.statements(patterns, keys));
                }))
                .build(), options);
        return role.arn();
    }
}
